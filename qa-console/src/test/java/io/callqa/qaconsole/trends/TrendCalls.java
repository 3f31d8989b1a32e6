package io.callqa.qaconsole.trends;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.qaconsole.TranscribedCalls;

/**
 * Transcribed calls with known words, written straight into the tables as a finished transcription leaves them (call,
 * recording, job, transcript, utterances, outbox row), so the numbers of the trends are known without the model.
 */
public final class TrendCalls {

	/** 2031: no other test's calls are there. */
	static final String QUEUE = "trends-q";

	private final JdbcClient jdbc;

	private final String queue;

	TrendCalls(JdbcClient jdbc) {
		this(jdbc, QUEUE);
	}

	public TrendCalls(JdbcClient jdbc, String queue) {
		this.jdbc = jdbc;
		this.queue = queue;
	}

	/** A call of the queue: the agent says {@code agent}, the customer {@code customer}. */
	public long add(String startedAt, String agent, String customer) {
		long call = this.jdbc.sql("""
				insert into call (agent, queue, started_at, duration_sec, outcome)
				values ('trends-agent', :queue, :started, 60, 'ANSWERED') returning id""")
			.param("queue", this.queue)
			.param("started", Timestamp.from(Instant.parse(startedAt)))
			.query(Long.class)
			.single();
		TranscribedCalls.transcribed(this.jdbc, call, "trends-missing.wav", 60);
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
