package io.callqa.telephony.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.SimulatedAsterisk;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.CallScript;
import io.callqa.simulator.RenderedCall;
import io.callqa.telephony.AsteriskConnector;
import io.callqa.telephony.Await;
import io.callqa.telephony.ConnectorStatus;

/**
 * Sustained AMI event rates from the simulator through the real client, the connector and the call tracker into
 * PostgreSQL; prints events/s and the lag from reading an event to its batch being committed (p50/p99/max, sampled
 * every second over the connector's window of the last 16,384 events). Run:
 * {@code mvn -Pbench -pl telephony -am verify -Dtest=AmiThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@SpringBootTest(classes = TelephonyTestApplication.class,
		properties = { "callqa.telephony.callbacks.enabled=false", "logging.level.io.callqa=INFO" })
class AmiThroughputBenchmark {

	private static final AmiSimulator simulator = SimulatedAsterisk.start();

	private static final int SECONDS = Integer.getInteger("bench.seconds", 30);

	@Autowired
	private AsteriskConnector connections;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		SimulatedAsterisk.connect(registry, simulator, "bench");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void sustainedRates() throws Exception {
		Await.until(Duration.ofSeconds(30), () -> this.connections.status().allConnected());
		run(2_000, 10, "warm-up");
		for (int rate : new int[] { 5_000, 7_500, 10_000 }) {
			run(rate, SECONDS, "run");
		}
	}

	private void run(int rate, int seconds, String label) throws Exception {
		List<RenderedCall> calls = render(rate * seconds);
		int events = calls.stream().mapToInt(RenderedCall::size).sum();
		long handledBefore = this.connections.status().handled();
		List<Double> p99s = new ArrayList<>();
		List<Double> p50s = new ArrayList<>();
		List<Double> maxes = new ArrayList<>();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			ConnectorStatus status = this.connections.status();
			p99s.add(status.lagP99Millis());
			p50s.add(status.lagP50Millis());
			maxes.add(status.lagMaxMillis());
		}, 1, 1, TimeUnit.SECONDS);
		long start = System.nanoTime();
		simulator.playAtRate(calls, rate);
		long sent = System.nanoTime();
		while (this.connections.status().handled() - handledBefore < events - 50
				&& System.nanoTime() - sent < Duration.ofSeconds(60).toNanos()) {
			Thread.sleep(20);
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		sampler.shutdownNow();
		long ended = this.jdbc.sql("select count(*) from call where state = 'ENDED'").query(Long.class).single();
		System.out.printf("%s: target %,d events/s, sent %,d events (%,d calls) in %.1f s; handled %,.0f events/s; "
				+ "lag p50 %.1f ms, p99 median %.1f ms / worst %.1f ms, max %.1f ms; %,d calls ended in total%n", label,
				rate, events, calls.size(), (sent - start) / 1e9,
				(this.connections.status().handled() - handledBefore) / elapsed, median(p50s), median(p99s),
				worst(p99s), worst(maxes), ended);
	}

	private static List<RenderedCall> render(int events) {
		List<RenderedCall> calls = new ArrayList<>();
		Instant start = Instant.now().minus(Duration.ofHours(2));
		int total = 0;
		for (int i = 0; total < events; i++) {
			CallScript script = (i % 5 == 4) ? CallScript.abandoned().queue("support")
					: CallScript.answered().agents((i % 2 == 0) ? "agent1" : "agent2").ringNoAnswer(i % 3 == 0 ? 1 : 0);
			RenderedCall call = simulator.render(script.caller(String.valueOf(5_550_000 + i % 10_000), "Bench")
				.startingAt(start.plusMillis(i * 50L)));
			calls.add(call);
			total += call.size();
		}
		return calls;
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return (sorted.length == 0) ? 0 : sorted[sorted.length / 2];
	}

	private static double worst(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
	}

}
