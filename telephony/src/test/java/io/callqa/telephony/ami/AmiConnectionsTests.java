package io.callqa.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

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
class AmiConnectionsTests {

	private static final AmiSimulator simulator = SimulatedAsterisk.start();

	private static final AtomicInteger markers = new AtomicInteger();

	private static final Recorder recorder = new Recorder();

	// The connector alone, as its configuration builds it: what is tested here needs no database and no other bean.
	private static final AmiConnections connections = new AmiConnections(
			new AmiProperties(List.of(new AmiProperties.Server("pbx1", "127.0.0.1", simulator.port(),
					SimulatedAsterisk.USER, SimulatedAsterisk.SECRET, Duration.ofSeconds(30), Duration.ofMillis(200),
					Duration.ofSeconds(30))), 1_000_000),
			new StaticListableBeanFactory(Map.of("recorder", recorder)).getBeanProvider(AmiEventHandler.class));

	@BeforeAll
	static void startConnector() {
		connections.start();
	}

	@AfterAll
	static void stopConnectorAndSimulator() {
		connections.stop();
		simulator.close();
	}

	@BeforeEach
	void connected() throws InterruptedException {
		await(() -> connections.status().allConnected());
		// Let a previous test's replay drain, so counts below are this test's own.
		handledAllSentSoFar();
		recorder.clear();
	}

	@Test
	void eventsReachHandlersInWireOrderOnTheConnectorsThreadWithoutLegacyDuplicates() throws InterruptedException {
		Scenario trace = Scenario.load("inbound-answered").withIdSuffix("-order");
		simulator.play(trace);
		await(() -> recorder.count(HungUp.class) >= trace.count("Hangup"));
		// Everything the simulator sent has been handled: no duplicate can still be on its way.
		handledAllSentSoFar();
		assertThat(recorder.count(HungUp.class)).isEqualTo(trace.count("Hangup"));

		List<AsteriskEvent> events = recorder.events();
		assertThat(recorder.named("Dial")).isZero();
		assertThat(recorder.named("Bridge")).isZero();
		assertThat(recorder.named("DialBegin")).isEqualTo(trace.count("DialBegin"));
		assertThat(recorder.threads()).containsOnly("ami-events");
		assertThat(recorder.servers()).containsOnly("pbx1");
		List<Class<?>> types = events.stream().<Class<?>>map(Object::getClass).toList();
		assertThat(types.indexOf(ChannelCreated.class)).isLessThan(types.indexOf(CallerJoinedQueue.class));
		assertThat(types.indexOf(CallerJoinedQueue.class)).isLessThan(types.indexOf(AgentConnected.class));
		assertThat(types.lastIndexOf(AgentConnected.class)).isLessThan(types.lastIndexOf(HungUp.class));
		assertThat(recorder.flushes()).isPositive();
	}

	@Test
	void statusCountsEventsAndItsLag() throws InterruptedException {
		Scenario trace = Scenario.load("abandoned").withIdSuffix("-status");
		simulator.play(trace);
		await(() -> recorder.count(HungUp.class) == trace.count("Hangup"));
		ConnectorStatus status = connections.status();
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
		int resyncs = recorder.resyncs();
		simulator.dropConnections();
		await(() -> recorder.disconnects() > 0);
		await(() -> recorder.resyncs() > resyncs);
		assertThat(connections.status().allConnected()).isTrue();
		assertThat(connections.status().servers().get(0).reconnects()).isPositive();

		simulator.play(Scenario.load("abandoned").withIdSuffix("-after-drop"));
		await(() -> recorder.count(HungUp.class) > 0);
	}

	@Test
	void malformedAndUnknownEventsAreSkippedAndLaterEventsStillArrive() throws InterruptedException {
		simulator.inject("Event: NoSuchEventType\r\nFoo: bar\r\n\r\n");
		simulator.inject("this is not: an event\r\nat all\r\n\r\n");
		simulator.inject("Event: Hangup\r\nUniqueid: \r\nCause: not-a-number\r\n\r\n");
		simulator.play(Scenario.load("abandoned").withIdSuffix("-after-garbage"));
		await(() -> recorder.count(HungUp.class) >= 2);
		assertThat(connections.status().allConnected()).isTrue();
	}

	/**
	 * Sends a marker after what the simulator was given so far and waits until the handlers had it: events come in
	 * wire order, so everything before it was handled too.
	 */
	private void handledAllSentSoFar() throws InterruptedException {
		String marker = "marker-" + markers.incrementAndGet();
		simulator.inject("Event: VarSet\r\nPrivilege: dialplan,all\r\nVariable: TEST_MARKER\r\nValue: " + marker
				+ "\r\n\r\n");
		await(() -> recorder.sawMarker(marker));
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Await.until(Duration.ofSeconds(15), condition);
	}

	/** A handler that remembers what it was given and on which thread. */
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
