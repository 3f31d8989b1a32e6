package io.callqa.qaconsole.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.transcription.CallScores;

/**
 * The QA scores that count now: of submitted evaluations no revision replaced (not drafts, not superseded). One
 * definition for call lists, search filters and the dashboard; the search index reads it as its {@link CallScores}.
 */
@Component
public class CurrentScores implements CallScores {

	private static final String CURRENT = "state in ('SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED')";

	private final JdbcClient jdbc;

	CurrentScores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each call's score from its latest current evaluation; calls without one are absent. */
	public Map<Long, Double> ofCalls(Collection<Long> callIds) {
		Map<Long, Double> scores = new HashMap<>();
		if (callIds.isEmpty()) {
			return scores;
		}
		this.jdbc.sql("select distinct on (call_id) call_id, score from evaluation where " + CURRENT
				+ " and call_id in (:ids) order by call_id, submitted_at desc")
			.param("ids", callIds)
			.query((rs, row) -> scores.put(rs.getLong("call_id"), rs.getDouble("score")))
			.list();
		return scores;
	}

	@Override
	public Map<Long, Double> currentScores(Collection<Long> callIds) {
		return ofCalls(callIds);
	}

	/**
	 * Per agent, the average and count of current evaluations submitted in [from, to); mystery-shopper (test) calls
	 * are left out.
	 */
	public Map<String, AgentScore> ofAgents(Instant from, Instant to) {
		Map<String, AgentScore> scores = new HashMap<>();
		this.jdbc.sql("select agent, avg(score)::float8 as average, count(*) as n from evaluation where " + CURRENT
				+ " and agent is not null and submitted_at >= :from and submitted_at < :to"
				+ " and not exists (select 1 from mystery_shopper_call m where m.call_id = evaluation.call_id)"
				+ " group by agent")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> scores.put(rs.getString("agent"),
					new AgentScore(rs.getDouble("average"), rs.getLong("n"))))
			.list();
		return scores;
	}

	public record AgentScore(double average, long evaluations) {
	}

}
