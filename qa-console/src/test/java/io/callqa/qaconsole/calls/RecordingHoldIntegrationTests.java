package io.callqa.qaconsole.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.telephony.AudioRedaction;
import io.callqa.transcription.Eventually;

/**
 * A new recording is held from listening until redaction has cleared it ({@code callqa.redaction.mode=redact}, the
 * default): its audio is a 409 problem, the call says so; once cleared it plays. An admin, and only an admin, releases
 * one whose transcription failed, with a reason kept in the audit. Real HTTP with real roles.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingHoldIntegrationTests {

	private static final String PASSWORD = "hold-password-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AudioRedaction redaction;

	Http admin;

	Map<String, Http> others;

	@BeforeAll
	void users() {
		this.admin = new Http(this.port);
		createUser("hold-supervisor", "SUPERVISOR", null);
		createUser("hold-manager", "MANAGER", null);
		createUser("hold-agent", "AGENT", "hold-agent");
		this.others = Map.of("SUPERVISOR", new Http(this.port, "hold-supervisor", PASSWORD), "MANAGER",
				new Http(this.port, "hold-manager", PASSWORD), "AGENT", new Http(this.port, "hold-agent", PASSWORD));
	}

	@Test
	void aNewRecordingIsHeld_itsAudioIsAProblem_untilRedactionClearsIt() throws Exception {
		long callId = upload("tiny-8k.wav");
		// The transcription worker clears a recording once it has redacted it (here: nothing found)...
		awaitTranscription(callId, "DONE");
		assertThat(Http.json(this.admin.get("/api/calls/" + callId)).path("recording").path("clearance").asString())
			.isEqualTo("CLEARED");
		// ...and until then it is held: put back as it was stored, before the worker got to it (a tiny file is
		// transcribed too fast to see it held).
		this.jdbc.sql("update recording set clearance = 'HELD', cleared_at = null where call_id = :id")
			.param("id", callId)
			.update();
		JsonNode recording = Http.json(this.admin.get("/api/calls/" + callId)).path("recording");
		assertThat(recording.path("clearance").asString()).isEqualTo("HELD");
		assertThat(recording.path("playable").asBoolean()).isFalse();

		for (String path : List.of("/audio", "/audio?download=true")) {
			HttpResponse<String> held = this.others.get("AGENT").get("/api/calls/" + callId + path);
			assertThat(held.statusCode()).as(path).isEqualTo(409);
			assertThat(held.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = Http.json(held);
			assertThat(problem.path("title").asString()).isEqualTo("Recording held until card numbers are redacted");
			assertThat(problem.path("clearance").asString()).isEqualTo("HELD");
		}
		assertThat(this.jdbc.sql("select count(*) from recording_access where call_id = :id")
			.param("id", callId)
			.query(Long.class)
			.single()).as("nothing was heard, nothing audited").isZero();

		// What the transcription worker does once it has found nothing to overwrite.
		this.redaction.redact(recording.path("id").asLong(), List.of());

		assertThat(Http.json(this.admin.get("/api/calls/" + callId)).path("recording").path("clearance").asString())
			.isEqualTo("CLEARED");
		HttpResponse<byte[]> audio = this.others.get("AGENT").getBytes("/api/calls/" + callId + "/audio");
		assertThat(audio.statusCode()).isEqualTo(200);
		assertThat(audio.body()).isEqualTo(Files.readAllBytes(Fixtures.audio("tiny-8k.wav")));
	}

	@Test
	void anAdminReleasesARecordingWhoseTranscriptionFailed_withAReasonKeptInTheAudit() {
		long callId = upload("not-audio.wav");
		awaitTranscription(callId, "FAILED");
		String release = "/api/calls/" + callId + "/recording/release";

		HttpResponse<String> noReason = this.admin.post(release, "{\"reason\":\"  \"}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.admin.post(release, "{}").statusCode()).isEqualTo(400);
		assertThat(this.admin.get("/api/calls/" + callId + "/audio").statusCode()).isEqualTo(409);

		HttpResponse<String> released = this.admin.post(release,
				"{\"reason\":\"Not audio at all: nothing to redact (ticket 4711)\"}");

		assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
		assertThat(Http.json(released).path("recording").path("clearance").asString()).isEqualTo("RELEASED");
		assertThat(this.others.get("SUPERVISOR").get("/api/calls/" + callId + "/audio").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("""
				select released_by || ': ' || reason from recording_release where call_id = :id""")
			.param("id", callId)
			.query(String.class)
			.list()).containsExactly("admin: Not audio at all: nothing to redact (ticket 4711)");

		HttpResponse<String> again = this.admin.post(release, "{\"reason\":\"again\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(Http.json(again).path("title").asString()).isEqualTo("Recording not held");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SUPERVISOR", "MANAGER", "AGENT" })
	void onlyAnAdminMayRelease(String role) {
		long callId = upload("not-audio.wav");
		awaitTranscription(callId, "FAILED");

		HttpResponse<String> refused = this.others.get(role)
			.post("/api/calls/" + callId + "/recording/release", "{\"reason\":\"I want to hear it\"}");

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(this.admin.get("/api/calls/" + callId)).path("recording").path("clearance").asString())
			.isEqualTo("HELD");
		assertThat(Http.anonymous(this.port)
			.post("/api/calls/" + callId + "/recording/release", "{\"reason\":\"x\"}")
			.statusCode()).isIn(401, 403);
	}

	@Test
	void releasingAnUnknownCallIs404() {
		HttpResponse<String> unknown = this.admin.post("/api/calls/987654321/recording/release", "{\"reason\":\"x\"}");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private void awaitTranscription(long callId, String state) {
		Eventually.await("call " + callId + " " + state, Duration.ofSeconds(60),
				() -> Http.json(this.admin.get("/api/calls/" + callId)).path("transcription").path("state").asString(),
				state::equals);
	}

	private long upload(String fixture) {
		HttpResponse<String> response = this.admin.upload("/api/recordings", Fixtures.audio(fixture),
				Map.of("agent", "hold-agent"));
		assertThat(response.statusCode()).as(response.body()).isIn(202, 422);
		return Http.json(response).path("callId").asLong();
	}

	private void createUser(String name, String role, String agentName) {
		HttpResponse<String> created = this.admin.post("/api/users",
				"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\",\"agentName\":%s}".formatted(name, PASSWORD,
						role, (agentName != null) ? "\"" + agentName + "\"" : "null"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

}
