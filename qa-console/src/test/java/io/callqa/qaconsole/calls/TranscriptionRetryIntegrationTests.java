package io.callqa.qaconsole.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

/**
 * {@code POST /api/calls/{id}/transcription/retry} over real HTTP: only an admin may, only a FAILED transcription,
 * and every refusal is problem+json.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptionRetryIntegrationTests {

	private static final String PASSWORD = "retry-horse-battery-9";

	@LocalServerPort
	int port;

	Http admin;

	long failed;

	long failedToo;

	long done;

	@BeforeAll
	void callsAndUsers() {
		this.admin = new Http(this.port);
		for (String[] user : new String[][] { { "retry-agent", "AGENT", "\"retry-agent\"" },
				{ "retry-supervisor", "SUPERVISOR", "null" }, { "retry-manager", "MANAGER", "null" } }) {
			HttpResponse<String> created = this.admin.post("/api/users", """
					{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(user[0], PASSWORD,
					user[1], user[2]));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		HttpResponse<String> notAudio = this.admin.upload("/api/recordings", Fixtures.audio("not-audio.wav"),
				Map.of("agent", "retry-agent"));
		assertThat(notAudio.statusCode()).isEqualTo(422);
		this.failed = Http.json(notAudio).path("callId").asLong();
		this.failedToo = Http.json(this.admin.upload("/api/recordings", Fixtures.audio("not-audio.wav"),
				Map.of("agent", "retry-agent"))).path("callId").asLong();
		this.done = Http.json(this.admin.upload("/api/recordings", Fixtures.audio("tiny-8k.wav"),
				Map.of("agent", "retry-agent"))).path("callId").asLong();
		Eventually.await("call " + this.done + " transcribed", Duration.ofSeconds(90),
				() -> state(this.done), (state) -> state.equals("DONE"));
	}

	@Test
	void anAdminRetriesAFailedTranscriptionWhichRunsAgain() {
		HttpResponse<String> response = this.admin.post(retry(this.failed), "");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode status = Http.json(response);
		assertThat(status.path("state").asString()).isEqualTo("QUEUED");
		assertThat(status.path("attempts").asInt()).isZero();
		// Not audio, so it fails again, with the reason; and can be retried again.
		JsonNode call = Eventually.await("the retried job finished", Duration.ofSeconds(60),
				() -> Http.json(this.admin.get("/api/calls/" + this.failed)),
				(json) -> json.path("transcription").path("state").asString().equals("FAILED")
						&& json.path("transcription").path("attempts").asInt() > 0);
		assertThat(call.path("transcription").path("reason").asString()).containsIgnoringCase("not a WAV");
		assertThat(this.admin.post(retry(this.failed), "").statusCode()).isEqualTo(202);
	}

	@Test
	void aTranscriptionThatDidNotFailCannotBeRetried() {
		HttpResponse<String> response = this.admin.post(retry(this.done), "");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(response).path("state").asString()).isEqualTo("DONE");
		assertThat(state(this.done)).isEqualTo("DONE");
	}

	@Test
	void anUnknownCallIs404() {
		HttpResponse<String> response = this.admin.post(retry(987654321), "");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void everyOtherRoleIsRefusedAndNothingIsQueued() {
		for (String user : new String[] { "retry-agent", "retry-supervisor", "retry-manager" }) {
			HttpResponse<String> response = new Http(this.port, user, PASSWORD).post(retry(this.failedToo), "");
			assertThat(response.statusCode()).as(user).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).as(user).hasValue("application/problem+json");
			assertThat(Http.json(response).path("status").asInt()).isEqualTo(403);
		}
		// Anonymous: refused before any controller (CSRF without a session: 403; else 401).
		assertThat(Http.anonymous(this.port).post(retry(this.failedToo), "").statusCode()).isIn(401, 403);
		JsonNode status = Http.json(this.admin.get("/api/calls/" + this.failedToo)).path("transcription");
		assertThat(status.path("state").asString()).isEqualTo("FAILED");
		assertThat(status.path("attempts").asInt()).isZero();
	}

	private String state(long callId) {
		return Http.json(this.admin.get("/api/calls/" + callId)).path("transcription").path("state").asString();
	}

	private static String retry(long callId) {
		return "/api/calls/" + callId + "/transcription/retry";
	}

}
