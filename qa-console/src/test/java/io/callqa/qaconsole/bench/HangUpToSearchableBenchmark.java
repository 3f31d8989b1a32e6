package io.callqa.qaconsole.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.Transcriptions;

/**
 * Benchmark, not a test (tag {@code bench}, run with {@code -Pbench}): time from the end of an upload (the call's
 * hang-up, as far as the server knows) until the call is found by search, with idle workers, against the issue's
 * bound of 0.25 × call length + 2 s; with automatic scoring on (this class) and off
 * ({@link HangUpToSearchableWithoutScoringBenchmark}), with the CPU each call cost the JVM and PostgreSQL, and, with
 * scoring on, how long after the upload the automatic evaluation was stored. The first round warms the JVM up and is
 * not counted. Prints its figures; asserts nothing about time.
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

	@Autowired
	Transcriptions transcriptions;

	@Autowired
	JdbcClient jdbc;

	@Value("${callqa.autoscore.enabled:true}")
	boolean scoring;

	@Test
	void measure() throws java.io.IOException {
		Http http = new Http(this.port);
		CpuClock cpu = CpuClock.of(this.jdbc);
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
		List<Sample> samples = new ArrayList<>();
		CpuClock.Reading before = null;
		for (int round = 0; round < ROUNDS; round++) {
			if (round == 1) {
				before = cpu.read();
			}
			for (String file : FILES) {
				Sample sample = one(http, file, "bench" + round);
				if (round > 0) {
					samples.add(sample);
				}
			}
		}
		if (this.scoring) {
			Sample last = samples.get(samples.size() - 1);
			Eventually.await("the automatic evaluation", Duration.ofMinutes(2), () -> evaluatedAt(last.callId()),
					(at) -> at != null);
		}
		CpuClock.Reading used = cpu.read().since(before);
		report(samples, used, loadBefore);
	}

	/** One call uploaded and awaited until search finds it. */
	private Sample one(Http http, String file, String agent) {
		Instant uploaded = Instant.now();
		long start = System.nanoTime();
		HttpResponse<String> response = http.upload("/api/recordings", Fixtures.audio(file),
				Map.of("agent", agent, "channels", "agent,customer"));
		long callId = Http.json(response).path("callId").asLong();
		// Asked in the process, not by the API: every request's basic authentication (bcrypt) would cost as much CPU
		// as the work measured.
		Eventually.await("searchable", Duration.ofMinutes(2),
				() -> this.transcriptions.search(new SearchQuery("*:*", agent, null, null, null, null, null, 0, 100)),
				(results) -> results.hits().stream().anyMatch((hit) -> hit.callId() == callId));
		double latency = (System.nanoTime() - start) / 1e9;
		double length = Http.json(http.get("/api/calls/" + callId)).path("transcription").path("audioSec").asDouble();
		return new Sample(callId, uploaded, length, latency);
	}

	private @org.jspecify.annotations.Nullable Instant evaluatedAt(long callId) {
		return this.jdbc.sql("select max(evaluated_at) from automatic_evaluation where call_id = :id")
			.param("id", callId)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(null);
	}

	private void report(List<Sample> samples, CpuClock.Reading used, String loadBefore) throws java.io.IOException {
		List<Double> ratios = new ArrayList<>();
		List<Double> evaluated = new ArrayList<>();
		double latencies = 0;
		for (Sample s : samples) {
			double bound = 0.25 * s.length() + 2;
			ratios.add(s.latency() / bound);
			latencies += s.latency();
			Instant at = this.scoring ? evaluatedAt(s.callId()) : null;
			if (at != null) {
				evaluated.add(Duration.between(s.uploaded(), at).toMillis() / 1000.0);
			}
			System.out.printf(Locale.ROOT, "call %.1fs  searchable after %.2fs  bound %.2fs%s%n", s.length(),
					s.latency(), bound, (at != null) ? String.format(Locale.ROOT, "  automatic evaluation after %.2fs",
							evaluated.get(evaluated.size() - 1)) : "");
		}
		ratios.sort(Double::compare);
		double p95 = ratios.get((int) Math.ceil(0.95 * ratios.size()) - 1);
		System.out.printf(Locale.ROOT,
				"hang-up to searchable, automatic scoring %s: %d calls, mean %.2f s, p95 of latency/bound = %.2f "
						+ "(<= 1.00 meets it); per call %.2f s CPU (JVM %.2f s, PostgreSQL %.2f s)%s; load average "
						+ "before %s, after %s%n",
				this.scoring ? "ON" : "OFF", samples.size(), latencies / samples.size(), p95,
				used.total() / samples.size(), used.jvm() / samples.size(), used.database() / samples.size(),
				evaluated.isEmpty() ? ""
						: String.format(Locale.ROOT, "; automatic evaluation stored %.2f s after the upload on average",
								evaluated.stream().mapToDouble(Double::doubleValue).average().orElse(0)),
				loadBefore, Files.readString(Path.of("/proc/loadavg")).strip());
	}

	record Sample(long callId, Instant uploaded, double length, double latency) {
	}

}
