package io.callqa.qaconsole.calldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test rows about a customer's call in every table that keeps something per call (where the application would write
 * them, inserted directly to cover every table at once), each mentioning the customer's number where a column could,
 * and Asterisk's recording files of the call in its MixMonitor directory.
 */
public final class CustomerRows {

	private final JdbcClient jdbc;

	private final Path asteriskDir;

	private int sequence;

	public CustomerRows(JdbcClient jdbc, Path asteriskDir) {
		this.jdbc = jdbc;
		this.asteriskDir = asteriskDir;
	}

	/**
	 * Adds the rows of {@code callId} (a call of {@code number}) and Asterisk's files; returns the files written.
	 */
	public List<Path> add(long callId, String number) {
		int n = ++this.sequence;
		Instant now = Instant.now();
		String uniqueid = "1796047513." + (callId * 10 + n);
		List<Path> files = new ArrayList<>();
		this.jdbc.sql("update call set caller_name = :name, linkedid = :uid, server = 'pbx1', anomaly = :anomaly where id = :id")
			.param("name", "Customer " + number)
			.param("uid", uniqueid)
			.param("anomaly", "caller " + number + " hung up early")
			.param("id", callId)
			.update();
		this.jdbc.sql("insert into call_leg (server, uniqueid, call_id, channel) values ('pbx1', :u, :id, :channel)")
			.param("u", uniqueid)
			.param("id", callId)
			.param("channel", "PJSIP/trunk-" + number.replaceAll("[^0-9]", ""))
			.update();
		this.jdbc.sql("""
				insert into call_transfer (call_id, kind, from_agent, to_target, transferred_at)
				values (:id, 'BLIND', 'alice', :target, now())""")
			.param("id", callId)
			.param("target", number)
			.update();
		long request = this.jdbc.sql("""
				insert into callback_request (queue, number, name, source, origin_call_id, requested_at, promised_by,
				    next_attempt_at, state, max_attempts, note)
				values ('support', :number, 'Pat Customer', 'IVR', :id, :at, :at, :at, 'DONE', 3, :note) returning id""")
			.param("number", number)
			.param("id", callId)
			.param("at", Timestamp.from(now))
			.param("note", "call " + number + " after six")
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into callback_attempt (request_id, attempt_no, agent, action_id, started_at, outcome, reason, call_id)
				values (:r, 1, 'alice', :action, now(), 'ANSWERED', :reason, :id)""")
			.param("r", request)
			.param("action", "erasure-test-" + callId + "-" + n)
			.param("reason", "dialled " + number)
			.param("id", callId)
			.update();
		this.jdbc.sql("""
				insert into survey_response (call_id, server, uniqueid, agent, queue, score, answered_at)
				values (:id, 'pbx1', :u, 'alice', 'support', 3, now())""")
			.param("id", callId)
			.param("u", uniqueid)
			.update();
		long alert = this.jdbc.sql("""
				insert into supervisor_alert (kind, call_id, agent, queue, detail)
				values ('LOW_SURVEY', :id, 'alice', 'support', :detail) returning id""")
			.param("id", callId)
			.param("detail", "Survey score 3 from " + number)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into supervisor_alert (kind, call_id, agent, queue, detail, callback_request_id)
				values ('OVERDUE_CALLBACK', :id, 'alice', 'support', :detail, :r)""")
			.param("id", callId)
			.param("detail", "Callback to " + number + " overdue")
			.param("r", request)
			.update();
		long version = this.jdbc.sql("select min(id) from scorecard_version").query(Long.class).single();
		long evaluation = this.jdbc.sql("""
				insert into evaluation (call_id, scorecard_version_id, agent, evaluator, state, score, comment,
				    agent_comment, resolution_comment)
				values (:id, :v, 'alice', 'supervisor', 'SUBMITTED', 80, :c, :ac, :rc) returning id""")
			.param("id", callId)
			.param("v", version)
			.param("c", "Caller " + number + " was upset")
			.param("ac", "they called from " + number)
			.param("rc", "checked with " + number)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into evaluation_item (evaluation_id, item_key, value, comment, evidence_sec)
				values (:e, 'greeting', 1, :c, 3.5)""")
			.param("e", evaluation)
			.param("c", "repeated the number " + number)
			.update();
		long automatic = this.jdbc.sql("""
				insert into automatic_evaluation (call_id, scorecard_version_id, agent, score, current)
				values (:id, :v, 'alice', 50, false) returning id""")
			.param("id", callId)
			.param("v", version)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into automatic_evaluation_item (evaluation_id, seq, item_key, label, critical, outcome, max_points,
				    weight, reason, evidence)
				values (:e, 1, 'no-number', 'No number read out', false, 'FAIL', 1, 1, :reason, cast(:evidence as jsonb))""")
			.param("e", automatic)
			.param("reason", "said " + number)
			.param("evidence", "[{\"startSec\":1,\"endSec\":2,\"speaker\":\"agent\",\"words\":\"" + number + "\"}]")
			.update();
		this.jdbc.sql("""
				insert into automatic_review (evaluation_id, item_key, action, outcome, comment, reviewer)
				values (:e, 'no-number', 'OVERRIDE', 'PASS', :c, 'supervisor')""")
			.param("e", automatic)
			.param("c", "the number " + number + " is the customer's own")
			.update();
		this.jdbc.sql("""
				insert into automatic_critical_alert (call_id, evaluation_id, alert_id) values (:id, :e, :a)""")
			.param("id", callId)
			.param("e", automatic)
			.param("a", alert)
			.update();
		this.jdbc.sql("""
				insert into promise (call_id, agent, queue, customer_number, kind, phrase, start_sec, end_sec, speaker,
				    time_phrase, zone, made_at, due_at, state, alert_id, callback_request_id)
				values (:id, 'alice', 'support', :number, 'CALLBACK', :phrase, :n, :n + 1, 'agent', 'tomorrow',
				    'UTC', now(), now() + interval '1 day', 'OPEN', :a, :r)""")
			.param("id", callId)
			.param("number", number)
			.param("phrase", "I will call you back on " + number)
			.param("n", (double) n)
			.param("a", alert)
			.param("r", request)
			.update();
		this.jdbc.sql("insert into promise_detection (call_id, promises) values (:id, 1) on conflict do nothing")
			.param("id", callId)
			.update();
		long session = this.jdbc.sql("""
				insert into calibration_session (title, scorecard_version_id, owner) values ('erasure', :v, 'supervisor')
				returning id""")
			.param("v", version)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into calibration_call (session_id, call_id, seq) values (:s, :id, 1)")
			.param("s", session)
			.param("id", callId)
			.update();
		this.jdbc.sql("insert into calibration_participant (session_id, username) values (:s, 'supervisor')")
			.param("s", session)
			.update();
		this.jdbc.sql("""
				insert into calibration_answer (session_id, call_id, username, item_key, value, comment)
				values (:s, :id, 'supervisor', 'greeting', 1, :c)""")
			.param("s", session)
			.param("id", callId)
			.param("c", "number " + number + " heard")
			.update();
		this.jdbc.sql("""
				insert into calibration_agreed (session_id, call_id, item_key, value, comment, decided_by)
				values (:s, :id, 'greeting', 1, :c, 'supervisor')""")
			.param("s", session)
			.param("id", callId)
			.param("c", "agreed on " + number)
			.update();
		this.jdbc.sql("insert into mystery_shopper_call (call_id, source, marked_by) values (:id, 'API', 'supervisor')")
			.param("id", callId)
			.update();
		this.jdbc.sql("""
				insert into recording_access (username, call_id, action, range) values ('supervisor', :id, 'PLAY', 'bytes=0-')""")
			.param("id", callId)
			.update();
		this.jdbc.sql("""
				insert into recording_release (recording_id, call_id, released_by, reason)
				select id, call_id, 'admin', 'transcription failed' from recording where call_id = :id""")
			.param("id", callId)
			.update();
		// A span redacted in its transcript (when it has one already).
		this.jdbc.sql("""
				insert into redaction (call_id, seq, kind, speaker, start_sec, end_sec, redacted)
				select call_id, 1000, 'card number', 'customer', 1.0, 2.0, true from transcript where call_id = :id""")
			.param("id", callId)
			.update();
		// Asterisk's MixMonitor files of the call: the mixed file and a per-party pair.
		files.add(write("support-" + uniqueid + ".wav"));
		files.add(write("support-" + uniqueid + "-agent.wav"));
		files.add(write("support-" + uniqueid + "-customer.wav"));
		return files;
	}

	private Path write(String name) {
		try {
			Files.createDirectories(this.asteriskDir);
			return Files.write(this.asteriskDir.resolve(name), new byte[] { 'R', 'I', 'F', 'F' });
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
