package io.callqa.qaconsole.promises;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From recording to promise with the real speech model: a two-channel recording is uploaded, transcribed, and the
 * agent's promises are found when its transcript is stored (the {@code TranscriptReady} event, no sweep).
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PromisesFromRecordingIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theAgentsPromisesShouldBeFoundWhenTheTranscriptIsStored() {
		Http http = new Http(this.port);
		// The agent says "... i will process the refund today and call you back within one hour"; the model hears
		// "i'm sorry about that guy will profit the reef and today and call you back within one hour".
		HttpResponse<String> uploaded = http.upload("/api/recordings", Fixtures.audio("conversation-stereo-8k.wav"),
				Map.of("agent", "pr-recorded", "queue", "support", "callerNumber", "+15550123",
						"startedAt", "2031-05-06T10:00:00Z", "channels", "agent,customer"));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
		long callId = Http.json(uploaded).path("callId").asLong();
		// The model and two workers share the machine with every other test: transcribing may take a while.
		JsonNode call = Eventually.await("call " + callId + " transcribed", Duration.ofSeconds(300),
				() -> Http.json(http.get("/api/calls/" + callId)),
				(c) -> c.path("transcription").path("state").asString().matches("DONE|FAILED"));
		assertThat(call.path("transcription").path("state").asString()).isEqualTo("DONE");
		JsonNode promises = Eventually.await("promises of call " + callId, Duration.ofSeconds(30),
				() -> Http.json(http.get("/api/calls/" + callId + "/promises")), (found) -> !found.isEmpty());
		assertThat(promises).extracting((p) -> p.path("kind").asString()).containsExactly("CALLBACK");
		JsonNode callback = promises.get(0);
		assertThat(callback.path("speaker").asString()).isEqualTo("agent");
		assertThat(callback.path("timePhrase").asString()).isEqualTo("within one hour");
		assertThat(callback.path("state").asString()).isEqualTo("OPEN");
		assertThat(callback.path("customerNumber").asString()).isEqualTo("+15550123");
		assertThat(callback.path("startSec").asDouble()).isPositive();
	}

}
