package io.callqa.qaconsole.calls;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.telephony.AudioRedaction;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recordings and calls API over real HTTP, with the real model, database and index behind it.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecordingApiIntegrationTests {

	@LocalServerPort
	int port;

	Http http;

	@Autowired
	AudioRedaction redaction;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void uploadShouldQueueTheCallAndEndWithATranscriptAndPlayableAudio() throws Exception {
		HttpResponse<String> response = upload("conversation-8k.wav", Map.of("agent", "alice", "queue", "support",
				"callerNumber", "+15550123", "startedAt", "2026-11-20T10:15:00Z"));
		assertThat(response.statusCode()).isEqualTo(202);
		long callId = Http.json(response).path("callId").asLong();
		assertThat(response.headers().firstValue("Location")).hasValue("/api/calls/" + callId);
		JsonNode call = awaitTranscribed(callId);
		assertThat(call.path("agent").asString()).isEqualTo("alice");
		assertThat(call.path("startedAt").asString()).isEqualTo("2026-11-20T10:15:00Z");
		assertThat(call.path("transcription").path("sampleRate").asInt()).isEqualTo(8000);
		JsonNode transcript = Http.json(this.http.get("/api/calls/" + callId + "/transcript"));
		assertThat(transcript.path("utterances").get(0).path("words").get(0).has("start")).isTrue();
		assertThat(transcript.toString()).contains("\"order\"");
	}

	@Test
	void audioWhenRangeRequestedShouldAnswerPartialContent() throws Exception {
		long callId = Http.json(upload("tiny-8k.wav", Map.of())).path("callId").asLong();
		// Held until redacted: cleared as redaction that found nothing would.
		this.redaction.redact(Http.json(this.http.get("/api/calls/" + callId)).path("recording").path("id").asLong(),
				List.of());
		HttpResponse<byte[]> whole = this.http.getBytes("/api/calls/" + callId + "/audio");
		HttpResponse<byte[]> part = this.http.getBytes("/api/calls/" + callId + "/audio", "Range", "bytes=44-99");
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(Files.readAllBytes(Fixtures.audio("tiny-8k.wav")));
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 44-99/" + whole.body().length);
		assertThat(part.body()).hasSize(56);
	}

	@ParameterizedTest
	@CsvSource({ "not-audio.wav, not a WAV", "song.mp3, MP3", "truncated-header.wav, truncated" })
	void uploadWhenNotReadableAudioShouldAnswer422WithTheReasonAndKeepTheCall(String file, String reason) {
		HttpResponse<String> response = upload(file, Map.of("agent", "bob"));
		JsonNode problem = Http.json(response);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(problem.path("detail").asString()).containsIgnoringCase(reason);
		assertThat(problem.path("status").asInt()).isEqualTo(422);
		assertThat(problem.path("state").asString()).isEqualTo("FAILED");
		JsonNode call = Http.json(this.http.get("/api/calls/" + problem.path("callId").asLong()));
		assertThat(call.path("transcription").path("state").asString()).isEqualTo("FAILED");
		assertThat(call.path("transcription").path("reason").asString()).containsIgnoringCase(reason);
		assertThat(this.http.get("/api/calls/" + problem.path("callId").asLong() + "/transcript").statusCode())
			.isEqualTo(409);
	}

	@Test
	void uploadWhenFileIsEmptyShouldAnswer400() {
		HttpResponse<String> response = upload("empty.wav", Map.of());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).path("detail").asString()).isEqualTo("The file is empty");
	}

	@Test
	void uploadWhenDirectionUnknownShouldAnswer400() {
		assertThat(upload("tiny-8k.wav", Map.of("direction", "SIDEWAYS")).statusCode()).isEqualTo(400);
	}

	@Test
	void uploadWhenSilenceOrVeryShortShouldEndDoneWithoutError() {
		long silence = Http.json(upload("silence-8k.wav", Map.of())).path("callId").asLong();
		long tiny = Http.json(upload("tiny-8k.wav", Map.of())).path("callId").asLong();
		assertThat(awaitTranscribed(silence).path("transcription").path("state").asString()).isEqualTo("DONE");
		assertThat(awaitTranscribed(tiny).path("transcription").path("state").asString()).isEqualTo("DONE");
		assertThat(Http.json(this.http.get("/api/calls/" + silence + "/transcript")).path("utterances").size()).isZero();
	}

	@Test
	void callWhenUnknownShouldAnswer404ProblemAndWhenNotANumber400() {
		HttpResponse<String> unknown = this.http.get("/api/calls/987654");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(Http.json(unknown).path("detail").asString()).isEqualTo("No call with id 987654");
		assertThat(this.http.get("/api/calls/987654/audio").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/api/calls/abc").statusCode()).isEqualTo(400);
		assertThat(this.http.get("/api/calls/abc").body()).doesNotContain("Exception");
	}

	private HttpResponse<String> upload(String file, Map<String, String> fields) {
		return this.http.upload("/api/recordings", Fixtures.audio(file), fields);
	}

	private JsonNode awaitTranscribed(long callId) {
		return Eventually.await("call " + callId + " transcribed", Duration.ofSeconds(90),
				() -> Http.json(this.http.get("/api/calls/" + callId)),
				(call) -> call.path("transcription").path("state").asString().matches("DONE|FAILED"));
	}

}
