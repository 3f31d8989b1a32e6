package io.callqa.qaconsole.autoscore;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.qaconsole.TranscribedCalls;

/**
 * Transcribed calls with known words at known seconds, written into the tables as a finished transcription leaves
 * them (call, recording, job, transcript, utterances with timed words), so the rules' decisions are known without the
 * speech model. Other features' tests use it too (the mystery shopper's, with a caller number of their own).
 */
public final class ScriptedCalls {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Every word lasts this long, the next one starts right after it. */
	static final double WORD_SEC = 0.4;

	private final JdbcClient jdbc;

	public ScriptedCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One utterance: who, from which second, what. */
	public record Line(String speaker, double start, String text) {
	}

	public static Line agent(double start, String text) {
		return new Line("agent", start, text);
	}

	public static Line customer(double start, String text) {
		return new Line("customer", start, text);
	}

	/**
	 * A transcribed two-party call of the agent in the queue, started at {@code startedAt}, ending a second after its
	 * last word.
	 */
	long add(@org.jspecify.annotations.Nullable String agent, String queue, Instant startedAt, Line... lines) {
		return add(agent, queue, "+15550100", startedAt, lines);
	}

	/** The same, from {@code callerNumber}. */
	public long add(@org.jspecify.annotations.Nullable String agent, String queue, String callerNumber,
			Instant startedAt, Line... lines) {
		double seconds = 1 + java.util.Arrays.stream(lines)
			.mapToDouble((line) -> line.start() + WORD_SEC * line.text().split("\\s+").length)
			.max()
			.orElse(0);
		long call = this.jdbc.sql("""
				insert into call (agent, queue, started_at, ended_at, duration_sec, outcome, caller_number)
				values (:agent, :queue, :started, :ended, :seconds, 'ANSWERED', :caller) returning id""")
			.param("caller", callerNumber)
			.param("agent", agent)
			.param("queue", queue)
			.param("started", Timestamp.from(startedAt))
			.param("ended", Timestamp.from(startedAt.plusMillis((long) (seconds * 1000))))
			.param("seconds", seconds)
			.query(Long.class)
			.single();
		TranscribedCalls.transcribed(this.jdbc, call, "autoscore-missing.wav", seconds);
		for (int seq = 0; seq < lines.length; seq++) {
			utterance(call, seq, lines[seq]);
		}
		return call;
	}

	private void utterance(long call, int seq, Line line) {
		List<Map<String, Object>> words = new ArrayList<>();
		double at = line.start();
		for (String word : line.text().toLowerCase(Locale.ROOT).split("\\s+")) {
			words.add(Map.of("w", word, "s", at, "e", at + WORD_SEC - 0.05, "c", 1.0));
			at += WORD_SEC;
		}
		this.jdbc.sql("""
				insert into utterance (call_id, seq, speaker, start_sec, end_sec, text, words)
				values (:call, :seq, :speaker, :start, :end, :text, cast(:words as jsonb))""")
			.param("call", call)
			.param("seq", seq)
			.param("speaker", line.speaker())
			.param("start", line.start())
			.param("end", at - 0.05)
			.param("text", line.text().toLowerCase(Locale.ROOT))
			.param("words", json.writeValueAsString(words))
			.update();
	}

}
