package io.callqa.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.simulator.AmiEvent;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.CallScript;
import io.callqa.simulator.RenderedCall;
import io.callqa.simulator.Scenario;

/**
 * Faults through the whole path (simulator, real client, connector, tracker, database): an Asterisk restart with
 * calls in progress, a link dropped mid-call and restored, and a burst of over 10,000 events.
 */
@SpringBootTest(classes = TelephonyTestApplication.class, properties = "callqa.telephony.callbacks.enabled=false")
class AsteriskFaultsTests {

	private static final AmiSimulator simulator = SimulatedAsterisk.start();

	@Autowired
	private AsteriskConnector connections;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		SimulatedAsterisk.connect(registry, simulator, "pbx1");
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeEach
	void connected() throws InterruptedException {
		await(() -> this.connections.status().allConnected()
				&& this.connections.status().servers().get(0).lastResyncAt() != null);
	}

	@Test
	void callsInProgressWhenAsteriskRestartsAreClosedAsLostAndNewCallsAreFollowed() throws InterruptedException {
		RenderedCall talking = simulator.render(CallScript.answered().caller("5550301", "Kim").agents("agent1")
			.talkFor(Duration.ofMinutes(5)));
		RenderedCall waiting = simulator.render(CallScript.abandoned().queue("support").caller("5550302", "Lou")
			.waitFor(Duration.ofMinutes(5)));
		simulator.play(until(talking, "AgentConnect"));
		simulator.play(until(waiting, "QueueCallerJoin"));
		await(() -> "ACTIVE".equals(state(talking)) && "ACTIVE".equals(state(waiting)));
		Instant lastResync = this.connections.status().servers().get(0).lastResyncAt();

		simulator.restart();
		await(() -> "ENDED".equals(state(talking)) && "ENDED".equals(state(waiting)));
		assertThat(this.connections.status().servers().get(0).lastResyncAt()).isAfter(lastResync);
		Map<String, Object> answered = call(talking);
		assertThat(answered).containsEntry("outcome", "ANSWERED").containsEntry("agent", "agent1");
		assertThat((String) answered.get("anomaly")).contains("disconnected");
		assertThat(answered.get("ended_at")).isNotNull();
		assertThat(call(waiting)).containsEntry("outcome", "LOST");

		RenderedCall after = simulator.play(CallScript.answered().caller("5550303", "Max").agents("agent2")
			.startingAt(Instant.now().minusSeconds(120)));
		await(() -> "ENDED".equals(state(after)));
		assertThat(call(after)).containsEntry("outcome", "ANSWERED").containsEntry("anomaly", null);
	}

	@Test
	void aLinkDroppedMidCallIsRestoredAndTheCallFinishesNormally() throws InterruptedException {
		RenderedCall call = simulator.render(CallScript.answered().caller("5550311", "Ned").agents("agent1")
			.startingAt(Instant.now().minusSeconds(120)));
		List<AmiEvent> events = call.scenario().events();
		int connect = indexOf(events, "AgentConnect");
		simulator.play(new Scenario("first-half", events.subList(0, connect + 1)));
		await(() -> "ACTIVE".equals(state(call)));
		long reconnects = this.connections.status().servers().get(0).reconnects();

		simulator.dropConnections();
		await(() -> this.connections.status().servers().get(0).reconnects() > reconnects
				&& this.connections.status().allConnected());
		// The channels are still up on Asterisk, so the resync keeps the call; its end arrives after the outage.
		assertThat(state(call)).isEqualTo("ACTIVE");
		simulator.play(new Scenario("second-half", events.subList(connect + 1, events.size())));
		await(() -> "ENDED".equals(state(call)));
		assertThat(call(call)).containsEntry("outcome", "ANSWERED").containsEntry("agent", "agent1");
	}

	@Test
	void aBurstOfOverTenThousandEventsLosesNoCall() throws InterruptedException {
		List<RenderedCall> calls = new ArrayList<>();
		int events = 0;
		Instant start = Instant.now().minus(Duration.ofHours(1));
		for (int i = 0; events < 10_000; i++) {
			CallScript script = (i % 4 == 3) ? CallScript.abandoned().queue("support").waitFor(Duration.ofSeconds(20))
					: CallScript.answered().agents((i % 2 == 0) ? "agent1" : "agent2");
			RenderedCall call = simulator.render(script.caller("55504" + String.format("%02d", i % 100), "Burst")
				.startingAt(start.plusSeconds(i)));
			calls.add(call);
			events += call.size();
		}
		assertThat(simulator.playBurst(calls)).isGreaterThanOrEqualTo(10_000);

		await(() -> calls.stream().allMatch((call) -> "ENDED".equals(state(call))));
		assertThat(calls).allSatisfy((call) -> assertThat(call(call).get("outcome")).isIn("ANSWERED", "ABANDONED"));
		assertThat(this.connections.status().dropped()).isZero();
	}

	private static Scenario until(RenderedCall call, String type) {
		List<AmiEvent> events = call.scenario().events();
		return new Scenario(call.linkedid(), events.subList(0, indexOf(events, type) + 1));
	}

	private static int indexOf(List<AmiEvent> events, String type) {
		for (int i = 0; i < events.size(); i++) {
			if (events.get(i).type().equals(type)) {
				return i;
			}
		}
		throw new IllegalArgumentException("No " + type + " event");
	}

	private String state(RenderedCall call) {
		return this.jdbc.sql("select state from call where linkedid = :l")
			.param("l", call.linkedid())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private Map<String, Object> call(RenderedCall call) {
		return this.jdbc.sql("select * from call where linkedid = :l").param("l", call.linkedid()).query().singleRow();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Await.until(Duration.ofSeconds(30), condition);
	}

}
