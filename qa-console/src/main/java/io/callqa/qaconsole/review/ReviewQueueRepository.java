package io.callqa.qaconsole.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the reasons this module's features store: autoscore's automatic evaluations and reviews, scoring's
 * evaluations, promises' promises. Each query is bounded by the period, on the time the reason arose.
 */
@Repository
class ReviewQueueRepository {

	/** A reason and the call it is about. */
	record Found(long callId, @Nullable String agent, Reason reason) {
	}

	private final JdbcClient jdbc;

	ReviewQueueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Found> all(Instant from, Instant to) {
		List<Found> found = new ArrayList<>();
		found.addAll(criticalFailed(from, to));
		found.addAll(disputed(from, to));
		found.addAll(brokenPromises(from, to));
		found.addAll(lowAutomaticScores(from, to));
		return found;
	}

	/**
	 * Current automatic evaluations with a critical item failed that has no review (a review means it was seen).
	 * Mystery-shopper calls are left out here and in {@link #lowAutomaticScores}: their report is where they are read.
	 */
	private List<Found> criticalFailed(Instant from, Instant to) {
		return this.jdbc.sql("""
				select e.id, e.call_id, e.agent, e.score, e.evaluated_at,
				       string_agg(i.label, '; ' order by i.seq) as labels
				from automatic_evaluation e join automatic_evaluation_item i on i.evaluation_id = e.id
				where e.current and e.evaluated_at >= :from and e.evaluated_at < :to
				  and i.critical and i.outcome = 'FAIL'
				  and not exists (select 1 from mystery_shopper_call m where m.call_id = e.call_id)
				  and not exists (select 1 from automatic_review r
				                  where r.evaluation_id = e.id and r.item_key = i.item_key)
				group by e.id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> new Found(rs.getLong("call_id"), rs.getString("agent"),
					new Reason(ReasonKind.CRITICAL_FAILED, rs.getTimestamp("evaluated_at").toInstant(),
							rs.getObject("score", Double.class), "Critical item failed: " + rs.getString("labels"),
							rs.getLong("id"))))
			.list();
	}

	/** Submitted evaluations the agent disputed, not yet resolved or corrected. */
	private List<Found> disputed(Instant from, Instant to) {
		return this.jdbc.sql("""
				select id, call_id, agent, score, responded_at, agent_comment from evaluation
				where state = 'DISPUTED' and responded_at >= :from and responded_at < :to""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> {
				String comment = rs.getString("agent_comment");
				Double score = rs.getObject("score", Double.class);
				String detail = "Evaluation" + ((score != null) ? " (" + percent(score) + ")" : "") + " disputed"
						+ ((comment != null && !comment.isBlank()) ? ": " + comment : "");
				return new Found(rs.getLong("call_id"), rs.getString("agent"),
						new Reason(ReasonKind.DISPUTED, rs.getTimestamp("responded_at").toInstant(), score, detail,
								rs.getLong("id")));
			})
			.list();
	}

	/** Promises broken in the period and still broken (a late call since makes them LATE: no longer listed). */
	private List<Found> brokenPromises(Instant from, Instant to) {
		return this.jdbc.sql("""
				select id, call_id, agent, phrase, time_phrase, due_at, broken_at from promise
				where state = 'BROKEN' and broken_at >= :from and broken_at < :to""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> new Found(rs.getLong("call_id"), rs.getString("agent"),
					new Reason(ReasonKind.BROKEN_PROMISE, rs.getTimestamp("broken_at").toInstant(), null,
							"Promise broken: \"" + rs.getString("phrase") + "\", due "
									+ rs.getTimestamp("due_at").toInstant(),
							rs.getLong("id"))))
			.list();
	}

	/** Current automatic evaluations under their pass mark that nobody reviewed yet. */
	private List<Found> lowAutomaticScores(Instant from, Instant to) {
		return this.jdbc.sql("""
				select e.id, e.call_id, e.agent, e.score, e.evaluated_at, v.pass_threshold
				from automatic_evaluation e join scorecard_version v on v.id = e.scorecard_version_id
				where e.current and e.evaluated_at >= :from and e.evaluated_at < :to
				  and e.score is not null and not e.passed
				  and not exists (select 1 from mystery_shopper_call m where m.call_id = e.call_id)
				  and not exists (select 1 from automatic_review r where r.evaluation_id = e.id)""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> {
				double score = rs.getDouble("score");
				return new Found(rs.getLong("call_id"), rs.getString("agent"),
						new Reason(ReasonKind.LOW_AUTOMATIC_SCORE, rs.getTimestamp("evaluated_at").toInstant(), score,
								"Automatic score " + percent(score) + " under the pass mark "
										+ percent(rs.getDouble("pass_threshold")),
								rs.getLong("id")));
			})
			.list();
	}

	private static String percent(double score) {
		return String.format(Locale.ROOT, "%.0f%%", score);
	}

}
