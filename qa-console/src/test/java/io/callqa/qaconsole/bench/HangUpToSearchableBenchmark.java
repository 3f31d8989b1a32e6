package io.callqa.qaconsole.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

/**
 * Benchmark, not a test (tag {@code bench}, run with {@code -Pbench}): time from the end of an upload (the call's
 * hang-up, as far as the server knows) until the call is found by search, with idle workers, against the issue's
 * bound of 0.25 × call length + 2 s. Prints its figures; asserts nothing about time.
 */
@Tag("bench")
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HangUpToSearchableBenchmark {

	private static final List<String> FILES = List.of("conversation-8k.wav", "refund-8k.wav",
			"asterisk-inbound-answered.wav", "conversation-stereo-8k.wav");

	private static final int ROUNDS = 5;

	@LocalServerPort
	int port;

	@Test
	void measure() {
		Http http = new Http(this.port);
		List<double[]> samples = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			for (String file : FILES) {
				samples.add(one(http, file, "bench" + round));
			}
		}
		report(samples);
	}

	/** Returns {call length, seconds to searchable}. */
	private double[] one(Http http, String file, String agent) {
		long start = System.nanoTime();
		HttpResponse<String> response = http.upload("/api/recordings", Fixtures.audio(file),
				Map.of("agent", agent, "channels", "agent,customer"));
		long callId = Http.json(response).path("callId").asLong();
		Eventually.await("searchable", Duration.ofMinutes(2),
				() -> Http.json(http.get("/api/search?q=*:*&size=100&agent=" + agent)).path("hits").toString(),
				(hits) -> hits.contains("\"callId\":" + callId + ","));
		double latency = (System.nanoTime() - start) / 1e9;
		double length = Http.json(http.get("/api/calls/" + callId)).path("transcription").path("audioSec").asDouble();
		return new double[] { length, latency };
	}

	private static void report(List<double[]> samples) {
		List<Double> ratios = new ArrayList<>();
		for (double[] s : samples) {
			double bound = 0.25 * s[0] + 2;
			ratios.add(s[1] / bound);
			System.out.printf(Locale.ROOT, "call %.1fs  searchable after %.2fs  bound %.2fs%n", s[0], s[1], bound);
		}
		ratios.sort(Double::compare);
		double p95 = ratios.get((int) Math.ceil(0.95 * ratios.size()) - 1);
		System.out.printf(Locale.ROOT, "hang-up to searchable: %d calls, p95 of latency/bound = %.2f (<= 1.00 meets it)%n",
				samples.size(), p95);
	}

}
