package io.callqa.qaconsole.autoscore;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

import static io.callqa.qaconsole.autoscore.ScriptedCalls.agent;
import static io.callqa.qaconsole.autoscore.ScriptedCalls.customer;

/**
 * Benchmark, not a test (tag {@code bench}, run with {@code -Pbench}): re-evaluation throughput end to end (transcript
 * and facts read, the default standard's rules run, the evaluation and its items stored), in calls per second, on
 * {@code -Dbench.calls} (default 2,000) stored two-party transcripts of about 20 s.
 */
@Tag("bench")
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "callqa.autoscore.sweep-interval=1h")
@ActiveProfiles("test")
class ReevaluationBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void reevaluationThroughput() {
		int calls = Integer.getInteger("bench.calls", 2000);
		String agentName = "bench-" + UUID.randomUUID().toString().substring(0, 6);
		ScriptedCalls scripted = new ScriptedCalls(this.jdbc);
		Instant start = Instant.parse("2035-01-01T00:00:00Z");
		for (int i = 0; i < calls; i++) {
			scripted.add(agentName, "bench-q", start.plusSeconds(i),
					agent(0.5, "thank you for calling acme my name is anna how can i help you"),
					customer(5, "hi i would like to cancel my order it is not what i wanted"),
					agent(10, "i am sorry to hear that i will cancel it for you right away"),
					customer(15, "great thank you"), agent(17, "is there anything else have a nice day"));
		}
		Http supervisor = new Http(this.port);
		long began = System.nanoTime();
		JsonNode started = Http.json(supervisor.post("/api/automatic-evaluations/reevaluations",
				"{\"from\":\"2035-01-01T00:00:00Z\",\"to\":\"2035-02-01T00:00:00Z\"}"));
		long id = started.path("id").asLong();
		JsonNode finished = Eventually.await("re-evaluation", Duration.ofHours(1),
				() -> Http.json(supervisor.get("/api/automatic-evaluations/reevaluations/" + id)),
				(status) -> status.path("finished").asBoolean());
		double seconds = (System.nanoTime() - began) / 1e9;
		System.out.printf("Re-evaluation of %d stored transcripts: %.1f s, %.0f calls/s (%d cores)%n",
				finished.path("done").asInt(), seconds, finished.path("done").asInt() / seconds,
				Runtime.getRuntime().availableProcessors());
	}

}
