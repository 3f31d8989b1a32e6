package io.callqa.qaconsole.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

/**
 * The README's demo: with the {@code demo} profile the server starts a simulated Asterisk, follows its calls over
 * AMI, collects their recordings, transcribes them and makes them searchable, with no Asterisk anywhere.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callqa.demo.speed=10", "callqa.demo.call-every=1s", "callqa.demo.seed=7",
				"callqa.security.admin-password=" + Http.ADMIN_PASSWORD,
				"callqa.telephony.recordings.asterisk.settle=300ms" })
@ActiveProfiles({ "test", "demo" })
// Closed after the class: no other class has this configuration, and left in the context cache the demo would go on
// placing calls and transcribing them with the real model for the rest of the test JVM.
@DirtiesContext
class DemoModeIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void demo(DynamicPropertyRegistry registry) throws IOException {
		Path monitor = Files.createTempDirectory("callqa-demo-monitor-");
		int amiPort = freePort();
		registry.add("callqa.demo.ami-port", () -> amiPort);
		registry.add("callqa.demo.monitor-dir", monitor::toString);
		registry.add("callqa.telephony.recordings.asterisk.dir", monitor::toString);
	}

	@Test
	void demoCallsArriveAreRecordedTranscribedAndSearchable() {
		Http http = new Http(this.port);
		Eventually.await("the connector logged into the demo's Asterisk", Duration.ofSeconds(30),
				() -> Http.json(http.get("/api/telephony/status")),
				(status) -> status.path("servers").get(0).path("state").asString().equals("CONNECTED"));

		// Abandoned callers are recorded too (MixMonitor starts before the queue): wait for an answered call.
		JsonNode hits = Eventually.await("an answered demo call searchable", Duration.ofSeconds(120),
				// Every ended call is listed from its end, so only those with words (transcribed) are asked for.
				() -> Http.json(http.get("/api/search?q=" + URLEncoder.encode("text:[* TO *]", StandardCharsets.UTF_8)
						+ "&queue=support&size=50")).path("hits"),
				(found) -> answered(found) != null);
		JsonNode call = Http.json(http.get("/api/calls/" + answered(hits).path("callId").asLong()));
		assertThat(call.path("source").asString()).isEqualTo("ASTERISK");
		assertThat(call.path("agent").asString()).isIn("agent1", "agent2");
		assertThat(call.path("transcription").path("state").asString()).isEqualTo("DONE");

		String today = "from=" + Instant.now().minus(Duration.ofDays(1)) + "&to=" + Instant.now().plusSeconds(3600);
		JsonNode metrics = Http.json(http.get("/api/metrics/calls?groupBy=QUEUE&" + today));
		List<String> queues = new ArrayList<>();
		metrics.forEach((row) -> queues.add(row.path("key").asString()));
		assertThat(queues).contains("support");
		assertThat(http.get("/actuator/health").body()).contains("\"asterisk\"");
		// The demo's users log in with the documented password; agent1 sees only agent1's calls.
		Http agent = new Http(this.port, "agent1", "demo-password");
		assertThat(Http.json(agent.get("/api/me")).path("agent").asString()).isEqualTo("agent1");
		assertThat(Http.json(agent.get("/api/calls?limit=100"))).allSatisfy((row) -> assertThat(row.path("agent")
			.asString()).isEqualTo("agent1"));
	}

	@Test
	void demoConversationsAreRecordedPerPartyAndTheKeptPromiseIsCalledBack() {
		Http http = new Http(this.port);
		// The rude agent's forbidden phrase, said by the agent (a two-channel transcript), found by search.
		String query = URLEncoder.encode("said_by_agent:\"my problem\"", StandardCharsets.UTF_8);
		JsonNode rude = Eventually.await("the rude agent's call searchable by what the agent said",
				Duration.ofSeconds(180), () -> Http.json(http.get("/api/search?q=" + query + "&size=50")).path("hits"),
				(hits) -> caller(hits, "5550102") != null);
		assertThat(caller(rude, "5550102").path("agent").asString()).isEqualTo("agent2");
		JsonNode transcript = Http.json(http.get("/api/calls/" + caller(rude, "5550102").path("callId").asLong()
				+ "/transcript"));
		List<String> speakers = new ArrayList<>();
		transcript.path("utterances").forEach((u) -> speakers.add(u.path("speaker").asString()));
		assertThat(speakers).contains("agent", "customer").doesNotContain("mixed");

		// The kept promise: agent1 calls the customer back on their own, an outbound call that connects.
		Eventually.await("agent1's call back to 5550104", Duration.ofSeconds(120),
				() -> Http.json(http.get("/api/calls?agent=agent1&limit=200")),
				(calls) -> {
					for (JsonNode call : calls) {
						if (call.path("direction").asString().equals("OUTBOUND")
								&& call.path("callerNumber").asString().equals("5550104")
								&& call.path("outcome").asString().equals("CONNECTED")) {
							return true;
						}
					}
					return false;
				});
	}

	@Test
	void demoMysteryShoppersNumberShouldBeListedWithItsStandardAndItsCallMarked() {
		Http http = new Http(this.port);
		assertThat(Http.json(http.get("/api/mystery-shopper/numbers")).valueStream()
			.map((n) -> n.path("number").asString())).contains("5550199");
		assertThat(Http.json(http.get("/api/mystery-shopper/settings")).path("standardName").asString())
			.isEqualTo("Mystery shopper");
		// The eighth conversation: marked by its number when it ends, before it is transcribed and scored.
		Eventually.await("the mystery shopper's call marked as a test call", Duration.ofSeconds(180),
				() -> Http.json(http.get("/api/callers/5550199/history")).path("calls"),
				(calls) -> calls.valueStream()
					.anyMatch((call) -> Http.json(http.get("/api/calls/" + call.path("id").asLong() + "/mystery-shopper"))
						.path("source")
						.asString("")
						.equals("NUMBER")));
	}

	private static JsonNode caller(JsonNode hits, String number) {
		for (JsonNode hit : hits) {
			if (hit.path("callerNumber").asString("").equals(number)) {
				return hit;
			}
		}
		return null;
	}

	private static JsonNode answered(JsonNode hits) {
		for (JsonNode hit : hits) {
			if (!hit.path("agent").asString("").isEmpty() && !hit.path("snippets").isEmpty()) {
				return hit;
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
