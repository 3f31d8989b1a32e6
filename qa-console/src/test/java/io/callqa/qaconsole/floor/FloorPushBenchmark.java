package io.callqa.qaconsole.floor;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.SimulatedQueue;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast an AMI change reaches every wallboard, and what the push costs: 500 agents in 50 queues and 200 waiting
 * callers on a simulated Asterisk, 50 SSE clients (JDK HttpClient; half as a WALLBOARD user, half as staff) connected, then member changes fired at a steady
 * rate (each a QueueMemberPause with a reason naming the change, so each client can tell when it got it). Prints
 * p50/p95/p99/max from the moment the simulator sent the event to each client's receipt of the {@code changes} event
 * carrying it, and the CPU of the pusher thread and of the whole process (which also runs the simulator and the 50
 * clients). Settings: {@code -Dbench.changes=2000}, {@code -Dbench.rate=100} (changes a second),
 * {@code -Dbench.clients=50}.
 *
 * <pre>mvn -Pbench -pl qa-console -am verify -Dtest=FloorPushBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("bench")
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FloorPushBenchmark {

	private static final int QUEUES = 50;

	private static final int AGENTS_PER_QUEUE = 10;

	private static final int CALLERS = 200;

	private static final int CLIENTS = Integer.getInteger("bench.clients", 50);

	private static final int CHANGES = Integer.getInteger("bench.changes", 2000);

	private static final int RATE = Integer.getInteger("bench.rate", 100);

	private static final Pattern CHANGE = Pattern.compile("\"pauseReason\":\"bench(\\d+)\"");

	private static final AmiSimulator simulator = AmiSimulator.start("callqa", "s3cret").queues(queues());

	@LocalServerPort
	int port;

	@Autowired
	FloorStream stream;

	static List<SimulatedQueue> queues() {
		return IntStream.range(0, QUEUES)
			.mapToObj((q) -> FloorApiIntegrationTests.queue(queue(q),
					IntStream.range(0, AGENTS_PER_QUEUE).mapToObj((a) -> agent(q * AGENTS_PER_QUEUE + a))
						.toArray(String[]::new)))
			.toList();
	}

	static String queue(int q) {
		return "bq" + q;
	}

	static String agent(int a) {
		return "ba" + a;
	}

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		registry.add("callqa.telephony.ami.servers[0].name", () -> "pbx1");
		registry.add("callqa.telephony.ami.servers[0].port", simulator::port);
		registry.add("callqa.telephony.ami.servers[0].username", () -> "callqa");
		registry.add("callqa.telephony.ami.servers[0].secret", () -> "s3cret");
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void changesReachEveryWallboard() throws Exception {
		assertThat(simulator.awaitLoggedInClients(1, Duration.ofSeconds(30))).isTrue();
		Http admin = new Http(this.port);
		for (int c = 0; c < CALLERS; c++) {
			simulator.inject(FloorEvents.callerJoin(queue(c % QUEUES), "1795500000." + c, "+1555" + (1_000_000 + c),
					c / QUEUES + 1));
		}
		Eventually.await("500 agents and 200 callers on the floor", Duration.ofSeconds(60),
				() -> Http.json(admin.get("/api/floor")).path("floor"), (floor) -> floor.path("agents").size() >= 500
						&& sum(floor.path("queues"), "waiting") >= CALLERS);

		long[] sent = new long[CHANGES];
		// received[k * CLIENTS + client]: when that client got change k (0: not yet).
		AtomicLongArray received = new AtomicLongArray(CHANGES * CLIENTS);
		HttpClient http = HttpClient.newHttpClient();
		// Half the screens are TV wallboards (the JSON without callers), half supervisors' browsers.
		String wallboard = "bench-tv";
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"WALLBOARD","agentName":null,"displayName":"TV"}"""
			.formatted(wallboard, FloorApiIntegrationTests.PASSWORD)).statusCode()).isEqualTo(201);
		List<SseClient> clients = new ArrayList<>();
		ConcurrentHashMap<Integer, Boolean> snapshots = new ConcurrentHashMap<>();
		for (int i = 0; i < CLIENTS; i++) {
			int client = i;
			boolean tv = i % 2 == 1;
			clients.add(SseClient.connect(http, this.port, tv ? wallboard : "admin",
					tv ? FloorApiIntegrationTests.PASSWORD : Http.ADMIN_PASSWORD, (event) -> {
				if (event.name().equals("snapshot")) {
					snapshots.put(client, true);
				}
				else if (event.name().equals("changes")) {
					Matcher m = CHANGE.matcher(event.data());
					while (m.find()) {
						int k = Integer.parseInt(m.group(1));
						if (k < CHANGES) {
							received.compareAndSet(k * CLIENTS + client, 0, event.receivedNanos());
						}
					}
				}
			}));
		}
		Eventually.await(CLIENTS + " snapshots", Duration.ofSeconds(60), snapshots::size, (n) -> n == CLIENTS);

		FloorStream.PushFigures before = this.stream.figures();
		long processCpuBefore = processCpuNanos();
		long started = System.nanoTime();
		for (int k = 0; k < CHANGES; k++) {
			long due = started + k * 1_000_000_000L / RATE;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			// Agents in turn: one agent changes again only after all 500 did.
			int a = k % (QUEUES * AGENTS_PER_QUEUE);
			sent[k] = System.nanoTime();
			simulator.inject(FloorEvents.memberPause(queue(a / AGENTS_PER_QUEUE), agent(a), true, "bench" + k));
		}
		long firedIn = System.nanoTime() - started;
		Eventually.await("every client got every change", Duration.ofSeconds(60), () -> missing(received),
				(n) -> n == 0);
		long wall = System.nanoTime() - started;
		FloorStream.PushFigures after = this.stream.figures();
		long processCpu = processCpuNanos() - processCpuBefore;
		clients.forEach(SseClient::close);

		long[] latencies = new long[CHANGES * CLIENTS];
		for (int k = 0; k < CHANGES; k++) {
			for (int c = 0; c < CLIENTS; c++) {
				latencies[k * CLIENTS + c] = received.get(k * CLIENTS + c) - sent[k];
			}
		}
		Arrays.sort(latencies);
		double pusherCpu = (after.pusherCpuNanos() - before.pusherCpuNanos()) / 1e9;
		System.out.printf(Locale.ROOT, """

				FloorPushBenchmark: %d agents in %d queues, %d waiting callers, %d SSE clients, %d member changes \
				fired in %.1f s (%d/s)
				  AMI event sent -> changes event received, over %d receipts: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, \
				max %.1f ms
				  pushes %d, bytes written to all clients %.1f MB
				  CPU: pusher thread %.2f s (%.2f ms per change, %.1f %% of one core over %.1f s); whole process \
				%.2f s (server + simulator + 50 clients in one JVM)
				""", QUEUES * AGENTS_PER_QUEUE, QUEUES, CALLERS, CLIENTS, CHANGES, firedIn / 1e9, RATE,
				latencies.length, ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99),
				latencies[latencies.length - 1] / 1e6, after.pushes() - before.pushes(),
				(after.bytes() - before.bytes()) / 1e6, pusherCpu, 1000 * pusherCpu / CHANGES,
				100 * pusherCpu / (wall / 1e9), wall / 1e9, processCpu / 1e9);
	}

	private static int sum(tools.jackson.databind.JsonNode queues, String list) {
		int n = 0;
		for (tools.jackson.databind.JsonNode q : queues) {
			n += q.path(list).size();
		}
		return n;
	}

	private static int missing(AtomicLongArray received) {
		int missing = 0;
		for (int i = 0; i < received.length(); i++) {
			if (received.get(i) == 0) {
				missing++;
			}
		}
		return missing;
	}

	private static double ms(long[] sorted, double quantile) {
		int rank = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, rank)] / 1e6;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
