package io.callqa.transcription.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.transcription.Redaction;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * SQL for the {@code transcript} and {@code utterance} tables, and the {@code index_outbox} row each stored transcript
 * adds. Words are kept as JSON with their utterance: they are always read together, and a long call has tens of
 * thousands of them.
 */
@Repository
class TranscriptRepository {

	private static final JsonMapper json = JsonMapper.builder().build();


	private final JdbcClient jdbc;

	TranscriptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the call's transcript (a re-transcription overwrites the earlier one) and adds the index outbox row that
	 * tells the index to take it, both in the caller's transaction.
	 */
	void save(Transcript transcript, long recordingId, long jobId, String model) {
		this.jdbc.sql("delete from transcript where call_id = :callId").param("callId", transcript.callId()).update();
		this.jdbc.sql("""
				insert into transcript (call_id, recording_id, job_id, model, audio_sec)
				values (:callId, :recordingId, :jobId, :model, :sec)""")
			.param("callId", transcript.callId())
			.param("recordingId", recordingId)
			.param("jobId", jobId)
			.param("model", model)
			.param("sec", transcript.audioSec())
			.update();
		List<Utterance> utterances = transcript.utterances();
		for (int seq = 0; seq < utterances.size(); seq++) {
			insert(transcript.callId(), seq, utterances.get(seq));
		}
		List<Redaction> redactions = transcript.redactions();
		for (int seq = 0; seq < redactions.size(); seq++) {
			insert(transcript.callId(), seq, redactions.get(seq));
		}
		recordInOutbox(transcript.callId());
	}

	private void insert(long callId, int seq, Redaction redaction) {
		this.jdbc.sql("""
				insert into redaction (call_id, seq, kind, speaker, start_sec, end_sec, redacted, heard)
				values (:callId, :seq, :kind, :speaker, :start, :end, :redacted, :heard)""")
			.param("callId", callId)
			.param("seq", seq)
			.param("kind", redaction.kind())
			.param("speaker", redaction.speaker())
			.param("start", redaction.start())
			.param("end", redaction.end())
			.param("redacted", redaction.redacted())
			.param("heard", redaction.heard(), java.sql.Types.VARCHAR)
			.update();
	}

	/** What was redacted (or found in highlight mode) in these calls' transcripts, in time order. */
	private Map<Long, List<Redaction>> redactions(Collection<Long> callIds) {
		Map<Long, List<Redaction>> result = new HashMap<>();
		this.jdbc.sql("""
				select call_id, kind, speaker, start_sec, end_sec, redacted, heard from redaction
				where call_id = any(cast(:ids as bigint[])) order by call_id, seq""")
			.param("ids", callIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs) -> {
				result.computeIfAbsent(rs.getLong("call_id"), (id) -> new ArrayList<>())
					.add(new Redaction(rs.getString("kind"), rs.getString("speaker"), rs.getDouble("start_sec"),
							rs.getDouble("end_sec"), rs.getBoolean("redacted"), rs.getString("heard")));
			});
		return result;
	}

	/**
	 * The transaction-scoped lock makes outbox rows commit in sequence order, so the indexer can never read sequence
	 * n+1 before n is visible and skip n for good.
	 */
	private void recordInOutbox(long callId) {
		this.jdbc.sql("select pg_advisory_xact_lock(7277001)").query((rs, row) -> 1).list();
		this.jdbc.sql("insert into index_outbox (call_id) values (:callId)").param("callId", callId).update();
	}

	private void insert(long callId, int seq, Utterance utterance) {
		this.jdbc.sql("""
				insert into utterance (call_id, seq, speaker, start_sec, end_sec, text, words)
				values (:callId, :seq, :speaker, :start, :end, :text, cast(:words as jsonb))""")
			.param("callId", callId)
			.param("seq", seq)
			.param("speaker", utterance.speaker())
			.param("start", utterance.start())
			.param("end", utterance.end())
			.param("text", utterance.text())
			.param("words", json.writeValueAsString(utterance.words().stream().map(TranscriptRepository::toJson).toList()))
			.update();
	}

	List<Long> transcribedSince(Instant since, long afterCallId, int limit) {
		return this.jdbc.sql("""
				select call_id from transcript where created_at >= :since and call_id > :after
				order by call_id limit :limit""")
			.param("since", Timestamp.from(since))
			.param("after", afterCallId)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	Optional<Transcript> find(long callId) {
		Optional<Double> audioSec = this.jdbc.sql("select audio_sec from transcript where call_id = :callId")
			.param("callId", callId)
			.query(Double.class)
			.optional();
		return audioSec.map((sec) -> new Transcript(callId, sec, utterances(callId),
				redactions(List.of(callId)).getOrDefault(callId, List.of())));
	}

	/** The transcripts of these calls that have one, in one query (a call without utterances has an empty list). */
	Map<Long, Transcript> findAll(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Double> audioSec = new HashMap<>();
		Map<Long, List<Utterance>> utterances = new HashMap<>();
		this.jdbc.sql("""
				select t.call_id, t.audio_sec, u.seq, u.speaker, u.start_sec, u.end_sec, u.text, u.words
				from transcript t left join utterance u on u.call_id = t.call_id
				where t.call_id = any(cast(:ids as bigint[])) order by t.call_id, u.seq""")
			.param("ids", callIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs) -> {
				long callId = rs.getLong("call_id");
				audioSec.put(callId, rs.getDouble("audio_sec"));
				List<Utterance> ofCall = utterances.computeIfAbsent(callId, (id) -> new ArrayList<>());
				if (rs.getObject("seq") != null) {
					ofCall.add(new Utterance(rs.getString("speaker"), rs.getDouble("start_sec"), rs.getDouble("end_sec"),
							rs.getString("text"), fromJson(rs.getString("words"))));
				}
			});
		Map<Long, Transcript> transcripts = new HashMap<>();
		Map<Long, List<Redaction>> redactions = redactions(audioSec.keySet());
		audioSec.forEach((callId, sec) -> transcripts.put(callId,
				new Transcript(callId, sec, utterances.get(callId), redactions.getOrDefault(callId, List.of()))));
		return transcripts;
	}

	private List<Utterance> utterances(long callId) {
		return this.jdbc.sql("select * from utterance where call_id = :callId order by seq")
			.param("callId", callId)
			.query((rs, row) -> new Utterance(rs.getString("speaker"), rs.getDouble("start_sec"),
					rs.getDouble("end_sec"), rs.getString("text"), fromJson(rs.getString("words"))))
			.list();
	}

	/** A word's alternatives ("a") only when it has some: most words have none, and most calls are without. */
	private static Map<String, Object> toJson(Word word) {
		if (word.alternatives().isEmpty()) {
			return Map.of("w", word.word(), "s", word.start(), "e", word.end(), "c", word.conf());
		}
		return Map.of("w", word.word(), "s", word.start(), "e", word.end(), "c", word.conf(), "a",
				word.alternatives());
	}

	/**
	 * Read token by token: a map per word cost a tenth of a re-evaluation's CPU. Fields other than w, s, e, c, a are
	 * skipped, a missing number is 0.
	 */
	private static List<Word> fromJson(String words) {
		List<Word> result = new ArrayList<>();
		try (tools.jackson.core.JsonParser parser = json.createParser(words)) {
			if (parser.nextToken() != tools.jackson.core.JsonToken.START_ARRAY) {
				throw new IllegalStateException("words are not a JSON array: " + words);
			}
			while (parser.nextToken() == tools.jackson.core.JsonToken.START_OBJECT) {
				String word = null;
				double start = 0;
				double end = 0;
				double conf = 0;
				List<String> alternatives = List.of();
				while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					tools.jackson.core.JsonToken value = parser.nextToken();
					switch (name) {
						case "w" -> word = parser.getString();
						case "s" -> start = parser.getDoubleValue();
						case "e" -> end = parser.getDoubleValue();
						case "c" -> conf = parser.getDoubleValue();
						case "a" -> alternatives = (value == tools.jackson.core.JsonToken.START_ARRAY) ? strings(parser) : List.of();
						default -> {
							if (value.isStructStart()) {
								parser.skipChildren();
							}
						}
					}
				}
				result.add(new Word(word, start, end, conf, alternatives));
			}
		}
		return result;
	}

	/** The strings of the array the parser is at the start of. */
	private static List<String> strings(tools.jackson.core.JsonParser parser) {
		List<String> strings = new ArrayList<>();
		while (parser.nextToken() == tools.jackson.core.JsonToken.VALUE_STRING) {
			strings.add(parser.getString());
		}
		return strings;
	}

}
