package io.callqa.transcription.index;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Transcribed calls with known words written straight into the tables as a finished transcription leaves them (call,
 * recording, job, transcript, two utterances, outbox row), so tagging is checked without the speech model.
 */
final class WrittenCalls {

	private final JdbcClient jdbc;

	private final TransactionOperations transaction;

	private final String queue;

	WrittenCalls(JdbcClient jdbc, TransactionOperations transaction, String queue) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.queue = queue;
	}

	/**
	 * A call of the queue: the agent says {@code agent}, the customer {@code customer}; in one transaction holding
	 * the outbox's order lock, as the transcription's own.
	 */
	long add(String startedAt, String agent, String customer) {
		Long call = this.transaction.execute((status) -> write(startedAt, agent, customer));
		return java.util.Objects.requireNonNull(call);
	}

	private long write(String startedAt, String agent, String customer) {
		long call = this.jdbc.sql("""
				insert into call (agent, queue, started_at, duration_sec, outcome)
				values ('retag-agent', :queue, :started, 60, 'ANSWERED') returning id""")
			.param("queue", this.queue)
			.param("started", Timestamp.from(Instant.parse(startedAt)))
			.query(Long.class)
			.single();
		long recording = this.jdbc.sql("""
				insert into recording (call_id, path, size_bytes, channel_map)
				values (:call, 'retag-missing.wav', 0, 'agent,customer') returning id""")
			.param("call", call)
			.query(Long.class)
			.single();
		long job = this.jdbc.sql("""
				insert into transcription_job (call_id, recording_id, state, max_attempts)
				values (:call, :recording, 'DONE', 3) returning id""")
			.param("call", call)
			.param("recording", recording)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into transcript (call_id, recording_id, job_id, model, audio_sec)
				values (:call, :recording, :job, 'test', 60)""")
			.param("call", call)
			.param("recording", recording)
			.param("job", job)
			.update();
		utterance(call, 0, "agent", agent);
		utterance(call, 1, "customer", customer);
		this.jdbc.sql("select pg_advisory_xact_lock(7277001)").query((rs, row) -> 1).list();
		this.jdbc.sql("insert into index_outbox (call_id) values (:call)").param("call", call).update();
		return call;
	}

	private void utterance(long call, int seq, String speaker, String text) {
		this.jdbc.sql("""
				insert into utterance (call_id, seq, speaker, start_sec, end_sec, text, words)
				values (:call, :seq, :speaker, :start, :end, :text, '[]'::jsonb)""")
			.param("call", call)
			.param("seq", seq)
			.param("speaker", speaker)
			.param("start", seq * 10.0)
			.param("end", seq * 10.0 + 9)
			.param("text", text)
			.update();
	}

}
