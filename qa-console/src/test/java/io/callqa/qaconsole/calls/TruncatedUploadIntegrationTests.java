package io.callqa.qaconsole.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

/**
 * Uploads whose data chunk is shorter than their header claims are transcribed as far as they go and marked
 * truncated with the reason; complete files and files still being written (size 0) are not.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TruncatedUploadIntegrationTests {

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@Test
	void aFileCutInHalfIsTranscribedAsFarAsItGoesAndMarkedTruncated() throws IOException {
		byte[] whole = Files.readAllBytes(Fixtures.audio("conversation-8k.wav"));
		int dataStart = dataStart(whole);
		long declared = ByteBuffer.wrap(whole, dataStart - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
		int half = dataStart + (whole.length - dataStart) / 2;
		long callId = upload(Files.write(this.dir.resolve("cut-in-half.wav"), Arrays.copyOf(whole, half)),
				"trunc-half");

		JsonNode transcription = awaitFinished(callId).path("transcription");
		assertThat(transcription.path("state").asString()).isEqualTo("DONE");
		assertThat(transcription.path("truncated").asBoolean()).isTrue();
		assertThat(transcription.path("note").asString()).isEqualTo("truncated: the header declares " + declared
				+ " bytes of audio, " + (half - dataStart) + " present");
		Http http = new Http(this.port);
		JsonNode transcript = Http.json(http.get("/api/calls/" + callId + "/transcript"));
		assertThat(transcript.path("utterances").size()).isPositive();
		JsonNode hits = Eventually.await("the partial transcript indexed", Duration.ofSeconds(30),
				() -> Http.json(http.get("/api/search?q=*:*&agent=trunc-half")).path("hits"),
				(found) -> found.size() == 1);
		assertThat(hits.get(0).path("callId").asLong()).isEqualTo(callId);
	}

	@Test
	void aHeaderDeclaringFourGigabytesWithSixteenKilobytesPresentIsMarkedTruncated() throws IOException {
		byte[] whole = Files.readAllBytes(Fixtures.audio("conversation-8k.wav"));
		int dataStart = dataStart(whole);
		byte[] cut = Arrays.copyOf(whole, dataStart + 16 * 1024);
		ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN).putInt(dataStart - 4, (int) 4_000_000_000L);
		long callId = upload(Files.write(this.dir.resolve("four-gigabytes.wav"), cut), "trunc-4g");

		JsonNode transcription = awaitFinished(callId).path("transcription");
		assertThat(transcription.path("state").asString()).isEqualTo("DONE");
		assertThat(transcription.path("truncated").asBoolean()).isTrue();
		assertThat(transcription.path("note").asString())
			.isEqualTo("truncated: the header declares 4000000000 bytes of audio, 16384 present");
		assertThat(transcription.path("audioSec").asDouble()).isCloseTo(1.024, within(0.01));
	}

	@Test
	void completeFilesAndFilesStillBeingWrittenAreNotTruncated() {
		for (String fixture : new String[] { "conversation-8k.wav", "still-recording-8k.wav" }) {
			long callId = upload(Fixtures.audio(fixture), "trunc-none");
			JsonNode transcription = awaitFinished(callId).path("transcription");
			assertThat(transcription.path("state").asString()).as(fixture).isEqualTo("DONE");
			assertThat(transcription.path("truncated").asBoolean()).as(fixture).isFalse();
			assertThat(transcription.path("note").isNull() || transcription.path("note").isMissingNode()).as(fixture)
				.isTrue();
		}
	}

	private long upload(Path file, String agent) {
		HttpResponse<String> response = new Http(this.port).upload("/api/recordings", file, Map.of("agent", agent));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return Http.json(response).path("callId").asLong();
	}

	private JsonNode awaitFinished(long callId) {
		Http http = new Http(this.port);
		return Eventually.await("call " + callId + " transcribed", Duration.ofSeconds(90),
				() -> Http.json(http.get("/api/calls/" + callId)),
				(call) -> call.path("transcription").path("state").asString().matches("DONE|FAILED"));
	}

	/** Where the samples start: after the {@code data} chunk's id and size. */
	private static int dataStart(byte[] wav) {
		for (int i = 12; i + 8 <= wav.length; i++) {
			if (wav[i] == 'd' && wav[i + 1] == 'a' && wav[i + 2] == 't' && wav[i + 3] == 'a') {
				return i + 8;
			}
		}
		throw new IllegalStateException("no data chunk");
	}

}
