package io.callqa.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.Await;
import io.callqa.telephony.ami.AsteriskEvent.AgentConnected;
import io.callqa.telephony.ami.AsteriskEvent.CallerJoinedQueue;
import io.callqa.telephony.ami.AsteriskEvent.ChannelCreated;
import io.callqa.telephony.ami.AsteriskEvent.HungUp;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.Scenario;
import io.callqa.telephony.ConnectorStatus;
import io.callqa.telephony.SimulatedAsterisk;

/**
 * The connector logs into the simulator with the real Asterisk-Java client, hands events to handlers on its own
 * thread, translated into our records and without the library's legacy duplicates, and notices and repairs a dropped
 * connection.
 */
@SpringBootTest(classes = { TelephonyTestApplication.class, AmiConnectionsTests.Recorder.class })
class AmiConnectionsTests {

	private static final AmiSimulator simulator = SimulatedAsterisk.start();

	private static final AtomicInteger markers = new AtomicInteger();

	@Autowired
	private AmiConnections connections;

	@Autowired
	private Recorder recorder;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		SimulatedAsterisk.connect(registry, simulator, "pbx1");
		registry.add("callqa.telephony.ami.servers[0].ping-interval", () -> "200ms");
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeEach
	void connected() throws InterruptedException {
		await(() -> this.connections.status().allConnected());
		// Let a previous test's replay drain, so counts below are this test's own.
		handledAllSentSoFar();
		this.recorder.clear();
	}

	@Test
	void eventsReachHandlersInWireOrderOnTheConnectorsThreadWithoutLegacyDuplicates() throws InterruptedException {
		Scenario trace = Scenario.load("inbound-answered").withIdSuffix("-order");
		simulator.play(trace);
		await(() -> this.recorder.count(HungUp.class) >= trace.count("Hangup"));
		// Everything the simulator sent has been handled: no duplicate can still be on its way.
		handledAllSentSoFar();
		assertThat(this.recorder.count(HungUp.class)).isEqualTo(trace.count("Hangup"));

		List<AsteriskEvent> events = this.recorder.events();
		assertThat(this.recorder.named("Dial")).isZero();
		assertThat(this.recorder.named("Bridge")).isZero();
		assertThat(this.recorder.named("DialBegin")).isEqualTo(trace.count("DialBegin"));
		assertThat(this.recorder.threads()).containsOnly("ami-events");
		assertThat(this.recorder.servers()).containsOnly("pbx1");
		List<Class<?>> types = events.stream().<Class<?>>map(Object::getClass).toList();
		assertThat(types.indexOf(ChannelCreated.class)).isLessThan(types.indexOf(CallerJoinedQueue.class));
		assertThat(types.indexOf(CallerJoinedQueue.class)).isLessThan(types.indexOf(AgentConnected.class));
		assertThat(types.lastIndexOf(AgentConnected.class)).isLessThan(types.lastIndexOf(HungUp.class));
		assertThat(this.recorder.flushes()).isPositive();
	}

	@Test
	void statusCountsEventsAndItsLag() throws InterruptedException {
		Scenario trace = Scenario.load("abandoned").withIdSuffix("-status");
		simulator.play(trace);
		await(() -> this.recorder.count(HungUp.class) == trace.count("Hangup"));
		ConnectorStatus status = this.connections.status();
		assertThat(status.handled()).isPositive();
		assertThat(status.dropped()).isZero();
		assertThat(status.lagP99Millis()).isPositive();
		assertThat(status.servers()).singleElement().satisfies((server) -> {
			assertThat(server.name()).isEqualTo("pbx1");
			assertThat(server.connected()).isTrue();
			assertThat(server.lastEventAt()).isNotNull();
		});
	}

	@Test
	void aDroppedConnectionIsReportedThenRestoredAndResynced() throws InterruptedException {
		int resyncs = this.recorder.resyncs();
		simulator.dropConnections();
		await(() -> this.recorder.disconnects() > 0);
		await(() -> this.recorder.resyncs() > resyncs);
		assertThat(this.connections.status().allConnected()).isTrue();
		assertThat(this.connections.status().servers().get(0).reconnects()).isPositive();

		simulator.play(Scenario.load("abandoned").withIdSuffix("-after-drop"));
		await(() -> this.recorder.count(HungUp.class) > 0);
	}

	@Test
	void malformedAndUnknownEventsAreSkippedAndLaterEventsStillArrive() throws InterruptedException {
		simulator.inject("Event: NoSuchEventType\r\nFoo: bar\r\n\r\n");
		simulator.inject("this is not: an event\r\nat all\r\n\r\n");
		simulator.inject("Event: Hangup\r\nUniqueid: \r\nCause: not-a-number\r\n\r\n");
		simulator.play(Scenario.load("abandoned").withIdSuffix("-after-garbage"));
		await(() -> this.recorder.count(HungUp.class) >= 2);
		assertThat(this.connections.status().allConnected()).isTrue();
	}

	/**
	 * Sends a marker after what the simulator was given so far and waits until the handlers had it: events come in
	 * wire order, so everything before it was handled too.
	 */
	private void handledAllSentSoFar() throws InterruptedException {
		String marker = "marker-" + markers.incrementAndGet();
		simulator.inject("Event: VarSet\r\nPrivilege: dialplan,all\r\nVariable: TEST_MARKER\r\nValue: " + marker
				+ "\r\n\r\n");
		await(() -> this.recorder.sawMarker(marker));
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Await.until(Duration.ofSeconds(15), condition);
	}

	/** A handler that remembers what it was given and on which thread. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recorder implements AmiEventHandler {

		private final List<AsteriskEvent> events = new ArrayList<>();

		private final List<String> markers = new ArrayList<>();

		private final List<String> threads = new ArrayList<>();

		private final List<String> servers = new ArrayList<>();

		private int resyncs;

		private int disconnects;

		private int flushes;

		@Override
		public synchronized void onEvent(String server, AsteriskEvent event) {
			if (event instanceof AsteriskEvent.VariableSet marker && "TEST_MARKER".equals(marker.variable())) {
				this.markers.add(marker.value());
				return;
			}
			this.events.add(event);
			this.threads.add(Thread.currentThread().getName());
			this.servers.add(server);
		}

		@Override
		public synchronized void onResync(String server, ChannelSnapshot snapshot) {
			this.resyncs++;
		}

		@Override
		public synchronized void onDisconnect(String server, Instant at) {
			this.disconnects++;
		}

		@Override
		public synchronized void flush() {
			this.flushes++;
		}

		synchronized void clear() {
			this.events.clear();
			this.threads.clear();
			this.servers.clear();
		}

		synchronized List<AsteriskEvent> events() {
			return List.copyOf(this.events);
		}

		synchronized long count(Class<? extends AsteriskEvent> type) {
			return this.events.stream().filter(type::isInstance).count();
		}

		/** Events we have no record for, by AMI name. */
		synchronized long named(String name) {
			return this.events.stream()
				.filter((event) -> event instanceof AsteriskEvent.Other other && other.name().equals(name))
				.count();
		}

		synchronized boolean sawMarker(String marker) {
			return this.markers.contains(marker);
		}

		synchronized List<String> threads() {
			return List.copyOf(this.threads);
		}

		synchronized List<String> servers() {
			return List.copyOf(this.servers);
		}

		synchronized int resyncs() {
			return this.resyncs;
		}

		synchronized int disconnects() {
			return this.disconnects;
		}

		synchronized int flushes() {
			return this.flushes;
		}

	}

}
