package io.callqa.qaconsole.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.scoring.CurrentScores;

/**
 * What the index does not hold about a call: its outcome (known once it ends) and its current QA score (changes
 * with every evaluation), for the search filters on them.
 */
@Component
class CallFacts {

	private final JdbcClient jdbc;

	private final CurrentScores scores;

	CallFacts(JdbcClient jdbc, CurrentScores scores) {
		this.jdbc = jdbc;
		this.scores = scores;
	}

	Map<Long, Fact> of(List<Long> callIds) {
		Map<Long, Fact> facts = new HashMap<>();
		if (callIds.isEmpty()) {
			return facts;
		}
		Map<Long, Double> current = this.scores.ofCalls(callIds);
		this.jdbc.sql("select id, outcome from call where id in (:ids)")
			.param("ids", callIds)
			.query((rs, row) -> facts.put(rs.getLong("id"),
					new Fact(rs.getString("outcome"), current.get(rs.getLong("id")))))
			.list();
		return facts;
	}

	record Fact(@Nullable String outcome, @Nullable Double score) {

		boolean matches(@Nullable String wantedOutcome, @Nullable Double minScore, @Nullable Double maxScore) {
			boolean outcomeOk = wantedOutcome == null || wantedOutcome.equalsIgnoreCase(this.outcome);
			boolean scored = minScore == null && maxScore == null;
			if (!scored && this.score != null) {
				scored = (minScore == null || this.score >= minScore) && (maxScore == null || this.score <= maxScore);
			}
			return outcomeOk && scored;
		}

	}

}
