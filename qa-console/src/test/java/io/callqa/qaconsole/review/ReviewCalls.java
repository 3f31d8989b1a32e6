package io.callqa.qaconsole.review;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reasons of the review queue written straight into the tables as their features leave them (a call, its
 * automatic evaluation with items and reviews, a disputed evaluation, a broken promise, a low survey with its alert),
 * at chosen times, so the queue's content and order are known exactly.
 */
final class ReviewCalls {

	private final JdbcClient jdbc;

	private final long version;

	ReviewCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.version = jdbc.sql("select id from scorecard_version order by id limit 1").query(Long.class).single();
	}

	/** An answered inbound call, not transcribed (so no pipeline evaluates it behind the test's back). */
	long call(String agent, String queue, Instant startedAt) {
		return this.jdbc.sql("""
				insert into call (source, agent, queue, direction, caller_number, started_at, ended_at, duration_sec,
				  outcome)
				values ('ASTERISK', :agent, :queue, 'INBOUND', null, :started, :ended, 120, 'ANSWERED') returning id""")
			.param("agent", agent)
			.param("queue", queue)
			.param("started", Timestamp.from(startedAt))
			.param("ended", Timestamp.from(startedAt.plusSeconds(120)))
			.query(Long.class)
			.single();
	}

	/**
	 * The call's current automatic evaluation made at {@code at}, with the score given; {@code criticalFailed} adds a
	 * failed critical item "No forbidden phrases". Answers the evaluation's id.
	 */
	long automatic(long call, String agent, double score, boolean criticalFailed, Instant at) {
		long id = this.jdbc.sql("""
				insert into automatic_evaluation (call_id, scorecard_version_id, agent, score, passed, critical_failed,
				  evaluated_at)
				values (:call, :version, :agent, :score, :passed, :critical, :at) returning id""")
			.param("call", call)
			.param("version", this.version)
			.param("agent", agent)
			.param("score", score)
			.param("passed", score >= 80 && !criticalFailed)
			.param("critical", criticalFailed)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		item(id, 0, "greeting", "Greeting in the first 15 s", false, (score > 0) ? "PASS" : "FAIL");
		if (criticalFailed) {
			item(id, 1, "forbidden", "No forbidden phrases", true, "FAIL");
		}
		return id;
	}

	private void item(long evaluation, int seq, String key, String label, boolean critical, String outcome) {
		this.jdbc.sql("""
				insert into automatic_evaluation_item
				  (evaluation_id, seq, item_key, label, critical, outcome, points, max_points, weight, reason, evidence)
				values (:id, :seq, :key, :label, :critical, :outcome, :points, 1, 1, null, '[]')""")
			.param("id", evaluation)
			.param("seq", seq)
			.param("key", key)
			.param("label", label)
			.param("critical", critical)
			.param("outcome", outcome)
			.param("points", "PASS".equals(outcome) ? 1.0 : 0.0)
			.update();
	}

	/** A supervisor confirmed the item: it has been looked at. */
	void confirmed(long evaluation, String itemKey) {
		this.jdbc.sql("""
				insert into automatic_review (evaluation_id, item_key, action, outcome, points, comment, reviewer)
				select evaluation_id, item_key, 'CONFIRM', outcome, points, null, 'supervisor'
				from automatic_evaluation_item where evaluation_id = :id and item_key = :key""")
			.param("id", evaluation)
			.param("key", itemKey)
			.update();
	}

	/** A submitted evaluation of the call the agent disputed at {@code at}. */
	long disputed(long call, String agent, double score, @Nullable String comment, Instant at) {
		return this.jdbc.sql("""
				insert into evaluation (call_id, scorecard_version_id, agent, evaluator, state, score, passed,
				  submitted_at, agent_comment, responded_at)
				values (:call, :version, :agent, 'supervisor', 'DISPUTED', :score, :score >= 80, :submitted, :comment,
				  :at) returning id""")
			.param("call", call)
			.param("version", this.version)
			.param("agent", agent)
			.param("score", score)
			.param("submitted", Timestamp.from(at.minusSeconds(3600)))
			.param("comment", comment)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** A callback promise made on the call, broken at {@code at} (its due time). */
	long brokenPromise(long call, String agent, String queue, Instant at) {
		return this.jdbc.sql("""
				insert into promise (call_id, agent, queue, customer_number, kind, phrase, start_sec, end_sec, speaker,
				  time_phrase, zone, made_at, due_at, state, broken_at)
				values (:call, :agent, :queue, null, 'CALLBACK', 'i will call you back within the hour', 5, 9, 'agent',
				  'within the hour', 'UTC', :made, :at, 'BROKEN', :at) returning id""")
			.param("call", call)
			.param("agent", agent)
			.param("queue", queue)
			.param("made", Timestamp.from(at.minusSeconds(3600)))
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** The caller's survey answer and the LOW_SURVEY alert telephony raises for it, at {@code at}. */
	void lowSurvey(long call, String agent, String queue, int score, Instant at) {
		this.jdbc.sql("""
				insert into survey_response (call_id, agent, queue, score, answered_at)
				values (:call, :agent, :queue, :score, :at)""")
			.param("call", call)
			.param("agent", agent)
			.param("queue", queue)
			.param("score", score)
			.param("at", Timestamp.from(at))
			.update();
		this.jdbc.sql("""
				insert into supervisor_alert (kind, call_id, agent, queue, detail, created_at)
				values ('LOW_SURVEY', :call, :agent, :queue, :detail, :at)""")
			.param("call", call)
			.param("agent", agent)
			.param("queue", queue)
			.param("detail", "Survey score " + score + " of 10")
			.param("at", Timestamp.from(at))
			.update();
	}

}
