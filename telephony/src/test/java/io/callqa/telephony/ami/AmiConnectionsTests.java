package io.callqa.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.SimulatedAsterisk;
import io.callqa.telephony.Await;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.Scenario;

/**
 * The connector logs into the simulator with the real Asterisk-Java client, hands events to handlers on its own
 * thread without the library's legacy duplicates, and notices and repairs a dropped connection.
 */
@SpringBootTest(classes = { TelephonyTestApplication.class, AmiConnectionsTests.Recorder.class })
class AmiConnectionsTests {

	private static final AmiSimulator simulator = SimulatedAsterisk.start();

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
		int seen = -1;
		while (seen != this.recorder.events().size()) {
			seen = this.recorder.events().size();
			Thread.sleep(300);
		}
		this.recorder.clear();
	}

	@Test
	void eventsReachHandlersInWireOrderOnTheConnectorsThreadWithoutLegacyDuplicates() throws InterruptedException {
		Scenario trace = Scenario.load("inbound-answered").withIdSuffix("-order");
		simulator.play(trace);
		await(() -> this.recorder.count(HangupEvent.class) >= trace.count("Hangup"));
		Thread.sleep(300);
		assertThat(this.recorder.count(HangupEvent.class)).isEqualTo(trace.count("Hangup"));

		List<ManagerEvent> events = this.recorder.events();
		assertThat(events).noneMatch((event) -> event.getClass() == DialEvent.class)
			.noneMatch((event) -> event.getClass() == BridgeEvent.class);
		assertThat(this.recorder.count(DialBeginEvent.class)).isEqualTo(trace.count("DialBegin"));
		assertThat(this.recorder.threads()).containsOnly("ami-events");
		assertThat(this.recorder.servers()).containsOnly("pbx1");
		List<String> types = events.stream().map((event) -> event.getClass().getSimpleName()).toList();
		assertThat(types.indexOf("NewChannelEvent")).isLessThan(types.indexOf("QueueCallerJoinEvent"));
		assertThat(types.indexOf("QueueCallerJoinEvent")).isLessThan(types.indexOf("AgentConnectEvent"));
		assertThat(types.lastIndexOf("AgentConnectEvent")).isLessThan(types.lastIndexOf("HangupEvent"));
		assertThat(this.recorder.flushes()).isPositive();
	}

	@Test
	void statusCountsEventsAndItsLag() throws InterruptedException {
		Scenario trace = Scenario.load("abandoned").withIdSuffix("-status");
		simulator.play(trace);
		await(() -> this.recorder.count(HangupEvent.class) == trace.count("Hangup"));
		AmiStatus status = this.connections.status();
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
		await(() -> this.recorder.count(HangupEvent.class) > 0);
	}

	@Test
	void malformedAndUnknownEventsAreSkippedAndLaterEventsStillArrive() throws InterruptedException {
		simulator.inject("Event: NoSuchEventType\r\nFoo: bar\r\n\r\n");
		simulator.inject("this is not: an event\r\nat all\r\n\r\n");
		simulator.inject("Event: Hangup\r\nUniqueid: \r\nCause: not-a-number\r\n\r\n");
		simulator.play(Scenario.load("abandoned").withIdSuffix("-after-garbage"));
		await(() -> this.recorder.count(HangupEvent.class) >= 2);
		assertThat(this.connections.status().allConnected()).isTrue();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Await.until(Duration.ofSeconds(15), condition);
	}

	/** A handler that remembers what it was given and on which thread. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recorder implements AmiEventHandler {

		private final List<ManagerEvent> events = new ArrayList<>();

		private final List<String> threads = new ArrayList<>();

		private final List<String> servers = new ArrayList<>();

		private int resyncs;

		private int disconnects;

		private int flushes;

		@Override
		public synchronized void onEvent(String server, ManagerEvent event, Instant receivedAt) {
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

		synchronized List<ManagerEvent> events() {
			return List.copyOf(this.events);
		}

		synchronized long count(Class<? extends ManagerEvent> type) {
			return this.events.stream().filter(type::isInstance).count();
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
