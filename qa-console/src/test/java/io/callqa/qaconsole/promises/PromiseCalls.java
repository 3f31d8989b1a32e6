package io.callqa.qaconsole.promises;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.qaconsole.TranscribedCalls;

/**
 * Calls as telephony and transcription leave them (call, recording, job, transcript, utterances with word times),
 * written straight into the tables so the promises and the calls that follow them are known exactly.
 */
final class PromiseCalls {

	private final JdbcClient jdbc;

	PromiseCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A number no other test calls. */
	static String number() {
		return "+49301" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000L);
	}

	/** An answered inbound call that ended at {@code endedAt}, transcribed: the agent says {@code agentSaid}. */
	long transcribed(String agent, String queue, @Nullable String number, Instant endedAt, String agentSaid) {
		long call = call(agent, queue, number, "INBOUND", "ANSWERED", endedAt.minusSeconds(60), endedAt);
		TranscribedCalls.transcribed(this.jdbc, call, "promises-missing.wav", 60);
		utterance(call, 0, "customer", 1, "hello my internet is down");
		utterance(call, 1, "agent", 5, agentSaid);
		return call;
	}

	/** A call to or from the number, not transcribed. */
	long call(@Nullable String agent, @Nullable String queue, @Nullable String number, String direction,
			@Nullable String outcome, Instant startedAt, Instant endedAt) {
		return this.jdbc.sql("""
				insert into call (source, agent, queue, direction, caller_number, started_at, ended_at, duration_sec,
				  outcome)
				values ('ASTERISK', :agent, :queue, :direction, :number, :started, :ended, :duration, :outcome)
				returning id""")
			.param("agent", agent)
			.param("queue", queue)
			.param("direction", direction)
			.param("number", number)
			.param("started", Timestamp.from(startedAt))
			.param("ended", Timestamp.from(endedAt))
			.param("duration", (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0)
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

	/** An utterance whose words are one second apart from {@code start}. */
	private void utterance(long call, int seq, String speaker, double start, String text) {
		String[] said = text.split(" ");
		List<String> words = new ArrayList<>();
		for (int i = 0; i < said.length; i++) {
			words.add("{\"w\":\"%s\",\"s\":%s,\"e\":%s,\"c\":0.9}".formatted(said[i], start + i, start + i + 1));
		}
		this.jdbc.sql("""
				insert into utterance (call_id, seq, speaker, start_sec, end_sec, text, words)
				values (:call, :seq, :speaker, :start, :end, :text, cast(:words as jsonb))""")
			.param("call", call)
			.param("seq", seq)
			.param("speaker", speaker)
			.param("start", start)
			.param("end", start + said.length)
			.param("text", text)
			.param("words", "[" + String.join(",", words) + "]")
			.update();
	}

}
