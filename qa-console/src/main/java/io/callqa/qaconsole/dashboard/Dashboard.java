package io.callqa.qaconsole.dashboard;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.callqa.telephony.metrics.CallCenterMetrics;
import io.callqa.telephony.metrics.CallStats;
import io.callqa.telephony.metrics.CallbackStats;
import io.callqa.telephony.metrics.Grouping;
import io.callqa.telephony.metrics.MetricsQuery;
import io.callqa.telephony.metrics.Satisfaction;

/**
 * Assembles the dashboard: telephony's metrics for the chosen grouping and in total, satisfaction, and the
 * leaderboard, which joins QA scores (ours) with answered calls and survey averages per agent (telephony's).
 */
@Service
class Dashboard {

	private final CallCenterMetrics metrics;

	private final JdbcClient jdbc;

	Dashboard(CallCenterMetrics metrics, JdbcClient jdbc) {
		this.metrics = metrics;
		this.jdbc = jdbc;
	}

	View view(MetricsQuery query) {
		MetricsQuery byQueue = new MetricsQuery(query.from(), query.to(), query.zone(), Grouping.QUEUE);
		MetricsQuery all = new MetricsQuery(query.from(), query.to(), query.zone(), Grouping.ALL);
		return new View(this.metrics.calls(query), this.metrics.callbacks(query), this.metrics.calls(byQueue),
				first(this.metrics.calls(all)), first(this.metrics.callbacks(all)), this.metrics.satisfaction(query),
				leaderboard(query));
	}

	List<CallStats> calls(MetricsQuery query) {
		return this.metrics.calls(query);
	}

	private List<LeaderboardEntry> leaderboard(MetricsQuery query) {
		Map<String, CallStats> byAgent = new HashMap<>();
		this.metrics.calls(new MetricsQuery(query.from(), query.to(), query.zone(), Grouping.AGENT))
			.stream()
			.filter((stats) -> stats.key() != null)
			.forEach((stats) -> byAgent.put(stats.key(), stats));
		Map<String, double[]> qa = qaScores(query);
		TreeSet<String> agents = new TreeSet<>(byAgent.keySet());
		agents.addAll(qa.keySet());
		return agents.stream().map((agent) -> entry(agent, byAgent.get(agent), qa.get(agent)))
			.sorted(Comparator.comparing(LeaderboardEntry::averageScore,
					Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	private static LeaderboardEntry entry(String agent, CallStats calls, double[] qa) {
		return new LeaderboardEntry(agent, (qa != null) ? (long) qa[1] : 0, (qa != null) ? qa[0] : null,
				(calls != null) ? calls.averageSurveyScore() : null, (calls != null) ? calls.answered() : 0);
	}

	/** Average score and count of current (not superseded) submitted evaluations per agent, by submission time. */
	private Map<String, double[]> qaScores(MetricsQuery query) {
		Map<String, double[]> scores = new HashMap<>();
		this.jdbc.sql("""
				select agent, avg(score) as average, count(*) as n from evaluation
				where agent is not null and state in ('SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED')
				  and submitted_at >= :from and submitted_at < :to group by agent""")
			.param("from", Timestamp.from(query.from()))
			.param("to", Timestamp.from(query.to()))
			.query((rs, row) -> scores.put(rs.getString("agent"),
					new double[] { rs.getDouble("average"), rs.getLong("n") }))
			.list();
		return scores;
	}

	/**
	 * @param calls per the requested grouping (over time: DAY or HOUR)
	 * @param queues per queue
	 * @param totalCalls every queue together, for the tiles (null when there was no call)
	 * @param totalCallbacks every callback request together (null when there was none)
	 */
	record View(List<CallStats> calls, List<CallbackStats> callbacks, List<CallStats> queues,
			@Nullable CallStats totalCalls, @Nullable CallbackStats totalCallbacks, Satisfaction satisfaction,
			List<LeaderboardEntry> leaderboard) {
	}

	private static <T> @Nullable T first(List<T> rows) {
		return rows.isEmpty() ? null : rows.get(0);
	}

}
