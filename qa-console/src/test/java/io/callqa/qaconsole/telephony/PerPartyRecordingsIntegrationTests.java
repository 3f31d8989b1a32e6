package io.callqa.qaconsole.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.telephony.Calls;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.CallScript;
import io.callqa.simulator.RenderedCall;
import io.callqa.transcription.Eventually;

/**
 * The README's per-party dialplan on a simulated Asterisk, through the real Asterisk-Java client: every recorded
 * channel leaves a mixed file and {@code -agent}/{@code -customer} files that close within milliseconds of each other,
 * and the directory sweep (every 100 ms, no minimum age) races the call's end for them. Each call must end with one
 * transcript of the stereo pair, the job's recording being the one the call shows; a file that exists is never
 * reported missing.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callqa.telephony.recordings.asterisk.settle=100ms",
				"callqa.telephony.recordings.asterisk.sweep-interval=100ms",
				"callqa.telephony.recordings.asterisk.sweep-min-age=0s" })
@ActiveProfiles("test")
// Closed after the class: no other class has this configuration (its simulator's port), and left in the context cache
// it would keep a database, workers and a connector retrying its stopped simulator for the rest of the test JVM.
@DirtiesContext
class PerPartyRecordingsIntegrationTests {

	private static final Path MONITOR = monitorDirectory();

	private static final AmiSimulator simulator = AmiSimulator.start("callqa", "s3cret").recordInto(MONITOR, true);

	@LocalServerPort
	int port;

	@Autowired
	Calls calls;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		registry.add("callqa.telephony.ami.servers[0].name", () -> "pbx1");
		registry.add("callqa.telephony.ami.servers[0].port", simulator::port);
		registry.add("callqa.telephony.ami.servers[0].username", () -> "callqa");
		registry.add("callqa.telephony.ami.servers[0].secret", () -> "s3cret");
		registry.add("callqa.telephony.recordings.asterisk.dir", MONITOR::toString);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void abandonedCallbackOfferAndSurveyCallsEachGetTheTranscriptOfTheirStereoRecording() throws Exception {
		assertThat(simulator.awaitLoggedInClients(1, Duration.ofSeconds(30))).isTrue();
		List<RenderedCall> played = new ArrayList<>();
		played.add(simulator.play(CallScript.abandoned().recordingPrefix("sales")));
		played.add(simulator.play(CallScript.callbackOffer().waitFor(Duration.ofSeconds(4)).recordingPrefix("support")));
		played.add(simulator.play(CallScript.survey().waitFor(Duration.ofSeconds(2)).talkFor(Duration.ofSeconds(6))
			.recordingPrefix("support")));
		Http http = new Http(this.port);

		for (RenderedCall call : played) {
			// The repository's dialplan records per party on the agent's channel once an agent answered: the
			// abandoned and the callback-offer call have the mixed file alone.
			boolean perParty = call == played.get(2);
			String base = Path.of(call.recordingFile()).getFileName().toString().replace(".wav", "");
			assertThat(MONITOR.resolve(base + ".wav")).exists();
			assertThat(MONITOR.resolve(base + "-agent.wav").toFile().exists()).isEqualTo(perParty);
			assertThat(MONITOR.resolve(base + "-customer.wav").toFile().exists()).isEqualTo(perParty);
			long callId = Eventually.await("call " + call.linkedid() + " known", Duration.ofSeconds(30),
					() -> this.calls.findByUniqueid(call.linkedid()), (id) -> id.isPresent())
				.orElseThrow();
			JsonNode details = Eventually.await("call " + callId + " transcribed", Duration.ofSeconds(120),
					() -> Http.json(http.get("/api/calls/" + callId)),
					(json) -> json.path("transcription").path("state").asString().matches("DONE|FAILED"));

			assertThat(details.path("transcription").path("reason").asString(""))
				.as("call %d (%s)", callId, call.scenario().name()).doesNotContain("missing");
			assertThat(details.path("transcription").path("state").asString()).isEqualTo("DONE");
			assertThat(details.path("transcription").path("attempts").asInt()).isEqualTo(1);
			if (perParty) {
				assertThat(details.path("recording").path("channels").toString()).isEqualTo("[\"agent\",\"customer\"]");
			}
			assertThat(details.path("recording").path("id").asLong()).as("the call shows the transcribed recording")
				.isEqualTo(jobRecording(callId));
			assertThat(recordings(callId)).as("the stereo pair and the mixed file, each once").isEqualTo(perParty ? 2 : 1);
			JsonNode transcript = Http.json(http.get("/api/calls/" + callId + "/transcript"));
			List<String> speakers = new ArrayList<>();
			transcript.path("utterances").forEach((u) -> speakers.add(u.path("speaker").asString()));
			assertThat(speakers).isNotEmpty().isSubsetOf(perParty ? List.of("agent", "customer") : List.of("mixed"));
		}
	}

	private long jobRecording(long callId) {
		return this.jdbc.sql("select recording_id from transcription_job where call_id = :id")
			.param("id", callId)
			.query(Long.class)
			.single();
	}

	private long recordings(long callId) {
		return this.jdbc.sql("select count(*) from recording where call_id = :id")
			.param("id", callId)
			.query(Long.class)
			.single();
	}

	private static Path monitorDirectory() {
		try {
			return Files.createTempDirectory("callqa-per-party-monitor-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
