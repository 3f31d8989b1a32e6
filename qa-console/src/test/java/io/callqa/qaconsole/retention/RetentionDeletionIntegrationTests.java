package io.callqa.qaconsole.retention;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.OwnDataDirectoryTests;
import io.callqa.qaconsole.calldata.CallDeletion;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention end to end, with real uploads (files on disk), real Vosk transcripts, the real index and PostgreSQL: a
 * queue's policy and the default delete exactly the audio, the transcript, or everything of the calls older than
 * their days: the files are gone from disk and no row of any table names a deleted call (every call_id column found
 * in information_schema); newer calls and calls under a hold, on the call or on its number written another way, keep
 * everything; a released hold lets the next run delete; the run's counts and the meters say what went.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionDeletionIntegrationTests extends OwnDataDirectoryTests {

	private static final Duration WAIT = Duration.ofSeconds(120);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CallDeletion deletion;

	@Value("${callqa.telephony.recordings.dir}")
	Path recordings;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final String queue = "ret-e2e-" + this.suffix;

	final String otherQueue = "ret-other-" + this.suffix;

	Http admin;

	Http supervisor;

	RowsNamingCalls rows;

	/** How long ago each uploaded call is to have ended. */
	final Map<Long, Integer> endedDaysAgo = new HashMap<>();

	/** A word Vosk heard in the recording (every call has the same), searched for. */
	String word = "";

	@BeforeAll
	void setUp() {
		this.admin = new Http(this.port);
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"ret-e2e-sup-%s","password":"retention-e2e-pw-1","role":"SUPERVISOR"}"""
			.formatted(this.suffix));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.supervisor = new Http(this.port, "ret-e2e-sup-" + this.suffix, "retention-e2e-pw-1");
		this.rows = new RowsNamingCalls(this.jdbc);
	}

	@AfterAll
	void keepForeverAgain() {
		this.admin.put("/api/retention/policies", "{\"queue\":null}");
		this.admin.delete("/api/retention/policies?queue=" + this.queue);
		// The other tests of this context look for words that only their own calls say.
		this.deletion.deleteCalls(this.endedDaysAgo.keySet());
	}

	@Test
	void runShouldDeleteEachLevelOfTheOldCallsAndNothingOfNewerOrHeldOnes() {
		assertThat(this.rows.columns()).contains("recording.call_id", "transcript.call_id", "utterance.call_id",
				"legal_hold.call_id", "mystery_shopper_call.call_id", "call.id");
		String heldNumber = "1559" + ThreadLocalRandom.current().nextLong(1_000_000L, 10_000_000L);
		long everything = upload(this.queue, null, 100);
		long transcriptAndAudio = upload(this.queue, null, 70);
		long audio = upload(this.queue, null, 40);
		long recent = upload(this.queue, null, 5);
		long heldCall = upload(this.queue, null, 100);
		long heldByNumber = upload(this.queue, "+" + heldNumber, 100);
		long released = upload(this.queue, null, 100);
		// These two are not searched by their words: a short recording saves two transcriptions.
		long noQueue = upload(null, null, 100, "tiny-8k.wav");
		long otherQueue = upload(this.otherQueue, null, 100, "tiny-8k.wav");
		List<Long> all = List.of(everything, transcriptAndAudio, audio, recent, heldCall, heldByNumber, released,
				noQueue, otherQueue);
		all.forEach(this::awaitTranscribedAndAged);
		// Rows of other modules: a supervisor marks a call as a mystery-shopper call (qa-console's table).
		assertThat(this.supervisor.post("/api/calls/" + everything + "/mystery-shopper", "").statusCode())
			.isEqualTo(200);
		Map<Long, Path> files = new HashMap<>();
		all.forEach((call) -> files.put(call, file(call)));
		this.word = longestWord(everything);
		awaitFoundByWords(List.of(everything, transcriptAndAudio, audio, recent, heldCall, heldByNumber, released));

		long callHold = hold("{\"callId\":" + heldCall + ",\"reason\":\"Dispute\"}");
		hold("{\"number\":\"+" + heldNumber.charAt(0) + " " + heldNumber.substring(1, 4) + "-"
				+ heldNumber.substring(4) + "\",\"reason\":\"Litigation\"}");
		long releasedHold = hold("{\"callId\":" + released + ",\"reason\":\"Settled since\"}");
		assertThat(this.admin.post("/api/legal-holds/" + releasedHold + "/release", "{}").statusCode()).isEqualTo(200);

		policy("{\"queue\":\"" + this.queue + "\",\"audioDays\":30,\"transcriptDays\":60,\"metadataDays\":90}");
		policy("{\"queue\":null,\"audioDays\":20,\"transcriptDays\":50,\"metadataDays\":80}");
		Map<String, Double> before = meters();

		JsonNode run = run();
		assertThat(run.path("state").asString()).isEqualTo("DONE");
		assertThat(run.path("errors").asInt()).isZero();

		for (long gone : List.of(everything, released, noQueue, otherQueue)) {
			assertThat(this.rows.of(gone)).as("rows naming call " + gone).isEmpty();
			assertThat(files.get(gone)).doesNotExist();
			assertThat(this.admin.get("/api/calls/" + gone).statusCode()).isEqualTo(404);
		}
		assertThat(this.admin.get("/api/legal-holds/" + releasedHold).statusCode()).isEqualTo(404);
		// Transcript and audio gone; the call stays, with no word of it in the index.
		assertThat(files.get(transcriptAndAudio)).doesNotExist();
		assertThat(this.rows.of(transcriptAndAudio)).containsKey("call.id")
			.doesNotContainKeys("recording.call_id", "transcript.call_id", "utterance.call_id");
		assertThat(this.admin.get("/api/calls/" + transcriptAndAudio).statusCode()).isEqualTo(200);
		// Audio gone, the transcript stays, found by its words.
		assertThat(files.get(audio)).doesNotExist();
		assertThat(this.rows.of(audio)).containsKeys("call.id", "transcript.call_id", "utterance.call_id")
			.doesNotContainKey("recording.call_id");
		for (long kept : List.of(recent, heldCall, heldByNumber)) {
			assertThat(files.get(kept)).exists();
			assertThat(this.rows.of(kept)).containsKeys("call.id", "recording.call_id", "transcript.call_id",
					"utterance.call_id");
		}
		assertThat(Eventually.await("the index without the deleted calls' words", WAIT, this::foundByWords,
				(found) -> !found.contains(everything) && !found.contains(transcriptAndAudio)))
			.contains(audio, recent, heldCall, heldByNumber)
			.doesNotContain(everything, transcriptAndAudio, released);

		JsonNode total = run.path("total");
		assertThat(total.path("callsDeleted").asInt()).isEqualTo(4);
		assertThat(total.path("transcriptsDeleted").asInt()).isEqualTo(1);
		assertThat(total.path("audioFilesDeleted").asInt()).isEqualTo(2);
		assertThat(total.path("heldSkipped").asInt()).isEqualTo(2);
		Map<String, JsonNode> perQueue = new HashMap<>();
		run.path("queues").forEach((q) -> perQueue.put(q.path("queue").asString(), q));
		assertThat(perQueue.get(this.queue).path("counts").path("callsDeleted").asInt()).isEqualTo(2);
		assertThat(perQueue.get(this.queue).path("policyQueue").asString()).isEqualTo(this.queue);
		assertThat(perQueue.get("").path("counts").path("callsDeleted").asInt()).isEqualTo(1);
		assertThat(perQueue.get(this.otherQueue).path("policyQueue").isNull()).isTrue();
		Map<String, Double> after = meters();
		assertThat(after.get("call") - before.get("call")).isEqualTo(4.0);
		assertThat(after.get("transcript") - before.get("transcript")).isEqualTo(1.0);
		assertThat(after.get("audio") - before.get("audio")).isEqualTo(2.0);

		// The hold on the call is released: the next run deletes it; the number's hold still holds.
		assertThat(this.admin.post("/api/legal-holds/" + callHold + "/release", "{}").statusCode()).isEqualTo(200);
		JsonNode second = run();
		assertThat(second.path("total").path("callsDeleted").asInt()).isEqualTo(1);
		assertThat(this.rows.of(heldCall)).isEmpty();
		assertThat(files.get(heldCall)).doesNotExist();
		assertThat(this.rows.of(heldByNumber)).containsKeys("call.id", "recording.call_id", "transcript.call_id");
		assertThat(files.get(heldByNumber)).exists();
		assertThat(files.get(recent)).exists();
	}

	private long upload(@Nullable String queue, @Nullable String callerNumber, int endedDaysAgo) {
		return upload(queue, callerNumber, endedDaysAgo, "refund-8k.wav");
	}

	private long upload(@Nullable String queue, @Nullable String callerNumber, int endedDaysAgo, String fixture) {
		Map<String, String> fields = new HashMap<>();
		fields.put("agent", "ret-agent-" + this.suffix);
		if (queue != null) {
			fields.put("queue", queue);
		}
		if (callerNumber != null) {
			fields.put("callerNumber", callerNumber);
		}
		HttpResponse<String> uploaded = this.admin.upload("/api/recordings", Fixtures.audio(fixture), fields);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
		long call = Http.json(uploaded).path("callId").asLong();
		this.endedDaysAgo.put(call, endedDaysAgo);
		return call;
	}

	/** Uploads are transcribed side by side (two workers); each call is dated back once its transcript is in. */
	private void awaitTranscribedAndAged(long call) {
		Eventually.await("call " + call + " transcribed", WAIT,
				() -> Http.json(this.admin.get("/api/calls/" + call)).path("transcription").path("state").asString(),
				"DONE"::equals);
		Instant ended = Instant.now().minus(Duration.ofDays(this.endedDaysAgo.get(call)));
		this.jdbc.sql("update call set started_at = :started, ended_at = :ended, duration_sec = 10 where id = :id")
			.param("started", Timestamp.from(ended.minusSeconds(10)))
			.param("ended", Timestamp.from(ended))
			.param("id", call)
			.update();
	}

	private Path file(long call) {
		Path file = this.recordings.resolve(this.jdbc.sql("select path from recording where call_id = :id")
			.param("id", call)
			.query(String.class)
			.single());
		assertThat(file).exists();
		return file;
	}

	private String longestWord(long call) {
		List<String> words = new ArrayList<>();
		Http.json(this.admin.get("/api/calls/" + call + "/transcript")).path("utterances")
			.forEach((utterance) -> utterance.path("words").forEach((w) -> words.add(w.path("word").asString())));
		return words.stream().filter((w) -> w.matches("[a-z]+")).max(java.util.Comparator.comparingInt(String::length))
			.orElseThrow(() -> new AssertionError("no word heard in call " + call + ": " + words));
	}

	private List<Long> foundByWords() {
		JsonNode hits = Http.json(this.admin.get("/api/search?q=" + this.word + "&size=100&agent=ret-agent-"
				+ this.suffix))
			.path("hits");
		List<Long> ids = new ArrayList<>();
		hits.forEach((hit) -> ids.add(hit.path("callId").asLong()));
		return ids;
	}

	private void awaitFoundByWords(List<Long> calls) {
		Eventually.await("calls found by their words", WAIT, this::foundByWords, (found) -> found.containsAll(calls));
	}

	private long hold(String body) {
		HttpResponse<String> placed = this.supervisor.post("/api/legal-holds", body);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		return Http.json(placed).path("id").asLong();
	}

	private void policy(String body) {
		HttpResponse<String> saved = this.admin.put("/api/retention/policies", body);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
	}

	private JsonNode run() {
		HttpResponse<String> started = Eventually.await("a run started", WAIT,
				() -> this.admin.post("/api/retention/runs", ""), (response) -> response.statusCode() != 409);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long id = Http.json(started).path("id").asLong();
		return Eventually.await("run " + id + " finished", WAIT,
				() -> Http.json(this.admin.get("/api/retention/runs/" + id)),
				(run) -> !run.path("state").asString().equals("RUNNING"));
	}

	/** {@code callqa.retention.deleted} by level, from the actuator's metrics endpoint. */
	private Map<String, Double> meters() {
		Map<String, Double> meters = new HashMap<>();
		for (String level : List.of("audio", "transcript", "call")) {
			HttpResponse<String> response = this.admin.get("/actuator/metrics/callqa.retention.deleted?tag=level:"
					+ level);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			meters.put(level, Http.json(response).path("measurements").get(0).path("value").asDouble());
		}
		return meters;
	}

}
