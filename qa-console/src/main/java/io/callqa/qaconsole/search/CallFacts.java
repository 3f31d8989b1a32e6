package io.callqa.qaconsole.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the index does not hold about a call: its outcome (known once it ends) and its current QA score (changes
 * with every evaluation), for the search filters on them.
 */
@Component
class CallFacts {

	private final JdbcClient jdbc;

	CallFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Fact> of(List<Long> callIds) {
		Map<Long, Fact> facts = new HashMap<>();
		if (callIds.isEmpty()) {
			return facts;
		}
		this.jdbc.sql("""
				select c.id, c.outcome, (select e.score from evaluation e where e.call_id = c.id
				  and e.state in ('SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED')
				  order by e.submitted_at desc limit 1) as score
				from call c where c.id in (:ids)""")
			.param("ids", callIds)
			.query((rs, row) -> facts.put(rs.getLong("id"),
					new Fact(rs.getString("outcome"), rs.getObject("score", Double.class))))
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
