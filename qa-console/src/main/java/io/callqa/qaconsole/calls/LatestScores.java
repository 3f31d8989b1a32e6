package io.callqa.qaconsole.calls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current QA score of calls: their latest submitted evaluation that no revision replaced.
 */
@Component
public class LatestScores {

	static final String CURRENT = "state in ('SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED')";

	private final JdbcClient jdbc;

	LatestScores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<Long, Double> of(List<Long> callIds) {
		Map<Long, Double> scores = new HashMap<>();
		if (callIds.isEmpty()) {
			return scores;
		}
		this.jdbc.sql("select distinct on (call_id) call_id, score from evaluation where " + CURRENT
				+ " and call_id in (:ids) order by call_id, submitted_at desc")
			.param("ids", callIds)
			.query((rs, row) -> scores.put(rs.getLong("call_id"), rs.getObject("score", Double.class)))
			.list();
		return scores;
	}

}
