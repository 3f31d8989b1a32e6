package io.callqa.qaconsole.dashboard;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.callqa.qaconsole.autoscore.CurrentAutomaticScores;
import io.callqa.qaconsole.scoring.CurrentScores;
import io.callqa.telephony.CallCenterMetrics;
import io.callqa.telephony.CallStats;
import io.callqa.telephony.CallbackStats;
import io.callqa.telephony.Grouping;
import io.callqa.telephony.MetricsQuery;
import io.callqa.telephony.Satisfaction;

/**
 * Assembles the dashboard: telephony's metrics for the chosen grouping and in total, satisfaction, and the
 * leaderboard, which joins QA scores (ours: human and automatic, mystery-shopper calls left out of both) with
 * answered calls and survey averages per agent (telephony's).
 */
@Service
class Dashboard {

	private final CallCenterMetrics metrics;

	private final CurrentScores scores;

	private final CurrentAutomaticScores automaticScores;

	Dashboard(CallCenterMetrics metrics, CurrentScores scores, CurrentAutomaticScores automaticScores) {
		this.metrics = metrics;
		this.scores = scores;
		this.automaticScores = automaticScores;
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
		Map<String, CurrentScores.AgentScore> qa = this.scores.ofAgents(query.from(), query.to());
		Map<String, CurrentAutomaticScores.AgentScore> automatic = this.automaticScores.ofAgents(query.from(),
				query.to());
		TreeSet<String> agents = new TreeSet<>(byAgent.keySet());
		agents.addAll(qa.keySet());
		agents.addAll(automatic.keySet());
		return agents.stream()
			.map((agent) -> entry(agent, byAgent.get(agent), qa.get(agent), automatic.get(agent)))
			.sorted(Comparator.comparing(LeaderboardEntry::averageScore,
					Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	private static LeaderboardEntry entry(String agent, @Nullable CallStats calls,
			CurrentScores.@Nullable AgentScore qa, CurrentAutomaticScores.@Nullable AgentScore automatic) {
		return new LeaderboardEntry(agent, (qa != null) ? qa.evaluations() : 0, (qa != null) ? qa.average() : null,
				(calls != null) ? calls.averageSurveyScore() : null, (calls != null) ? calls.answered() : 0,
				(automatic != null) ? automatic.calls() : 0, (automatic != null) ? automatic.average() : null);
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
