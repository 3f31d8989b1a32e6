package io.callqa.telephony.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.CallScript;
import io.callqa.simulator.DeviceState;
import io.callqa.simulator.SimulatedQueue;
import io.callqa.telephony.AgentDay;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.AgentStateMetrics;
import io.callqa.telephony.AsteriskConnector;
import io.callqa.telephony.Await;
import io.callqa.telephony.LiveFloor;
import io.callqa.telephony.SimulatedAsterisk;

/**
 * End to end: an agent's day driven through the simulator (Asterisk 22's queue events to the real Asterisk-Java
 * client), followed by the live floor, written to {@code agent_state_interval} by the floor's writer, and read back as
 * the agent state metrics.
 * <p>
 * The day runs on the simulator's scripted clock: a played call stamps its events with its script's times, and the
 * floor's own events (a member added, a pause, a device state) are stamped with the time of the last event plus the
 * little real time since, so each step below starts a few milliseconds after the scripted moment; the figures are
 * compared within a second.
 */
@SpringBootTest(classes = TelephonyTestApplication.class, properties = "callqa.telephony.callbacks.enabled=false")
class AgentStatesFromTheFloorTests {

	private static final String AGENT = "metrics-agent";

	/** The member's interface: a Local channel, as the simulator's scripted calls ring members. */
	private static final String PHONE = "Local/" + AGENT + "@agents/n";

	private static final LocalDate DAY = LocalDate.parse("2025-06-10");

	private static final AmiSimulator pbx = SimulatedAsterisk.start()
		.queues(List.of(new SimulatedQueue("metrics", "ringall", 15, 1, List.of()),
				new SimulatedQueue("elsewhere", "ringall", 15, 1, List.of())));

	@Autowired
	private AgentStateMetrics metrics;

	@Autowired
	private LiveFloor floor;

	@Autowired
	private AsteriskConnector connector;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		SimulatedAsterisk.connect(registry, pbx, "pbx1");
	}

	@AfterAll
	static void stopSimulator() {
		pbx.close();
	}

	@Test
	void anAgentsDayOnTheFloorBecomesTheirAgentStateMetrics() throws InterruptedException {
		await(() -> this.connector.status().allConnected()
				&& this.connector.status().servers().stream().allMatch((server) -> server.lastResyncAt() != null));

		// 09:00 logs in, available.
		clockTo("09:00:00");
		assertThat(pbx.addMember("metrics", PHONE, AGENT, false, null)).isTrue();
		await(() -> state(AGENT) == AgentState.AVAILABLE);
		// 09:10:00 a caller joins and the queue rings the agent's Local channel: the simulator's scripted call reports
		// the member in use (QueueMemberStatus 2) from the first ring, so the floor has them on a call from then;
		// answered after 20 s, 15 minutes of talk, over at 09:25:20. Played 300 times faster than real time, so the
		// floor sees the call begin and end.
		pbx.playPaced(CallScript.answered().queue("metrics").caller("5550170", "Ann").agents(AGENT)
			.waitFor(Duration.ofSeconds(20)).talkFor(Duration.ofMinutes(15)).startingAt(at("09:10:00")), 300);
		await(() -> state(AGENT) == AgentState.AVAILABLE && history(AGENT).size() >= 3);
		// 09:25:20 pauses from the phone for lunch; 09:55:20 back.
		assertThat(pbx.pauseMember(PHONE, null, true, "Lunch")).isTrue();
		await(() -> state(AGENT) == AgentState.PAUSED);
		clockTo("09:55:20");
		assertThat(pbx.pauseMember(PHONE, null, false, null)).isTrue();
		await(() -> state(AGENT) == AgentState.AVAILABLE);
		// 10:05:20 the phone drops off the network; 10:15:20 logs out.
		clockTo("10:05:20");
		pbx.deviceState(PHONE, DeviceState.UNAVAILABLE);
		await(() -> state(AGENT) == AgentState.UNAVAILABLE);
		clockTo("10:15:20");
		assertThat(pbx.removeMember("metrics", PHONE)).isTrue();
		await(() -> state(AGENT) == AgentState.LOGGED_OUT);
		await(() -> history(AGENT).stream().allMatch((row) -> row.get("ended_at") != null)
				&& history(AGENT).stream().anyMatch((row) -> "UNAVAILABLE".equals(row.get("state"))));

		List<AgentDay> days = this.metrics.agentDays(DAY, DAY, ZoneOffset.UTC, AGENT);

		assertThat(days).as("history %s", history(AGENT)).hasSize(1);
		AgentDay day = days.get(0);
		assertThat(history(AGENT)).extracting((row) -> row.get("state") + "/" + row.get("pause_reason"))
			.containsExactly("AVAILABLE/null", "ON_CALL/null", "AVAILABLE/null", "PAUSED/Lunch", "AVAILABLE/null",
					"UNAVAILABLE/null");
		// Available 09:00-09:10 and 09:55:20-10:05:20; on the call 09:10-09:25:20 (the ring from 09:10:00 lands on
		// either side: the floor dates a change by the agent's latest event of the batch it read, and played 300 times
		// faster the 20 s ring and the answer, 67 ms apart, may come in one batch); Lunch 09:25:20-09:55:20;
		// unavailable 10:05:20-10:15:20.
		assertThat(day.availableSec() + day.onCallSec()).as("%s", day).isCloseTo(1200 + 920, within(1L));
		assertThat(day.onCallSec()).as("%s", day).isBetween(899L, 921L);
		assertThat(day.ringingSec()).as("%s", day).isZero();
		assertThat(day.pausedByReason()).as("%s", day).containsOnlyKeys("Lunch");
		assertThat(day.pausedSec()).as("%s", day).isCloseTo(1800, within(1L));
		assertThat(day.unavailableSec()).as("%s", day).isCloseTo(600, within(1L));
		assertThat(day.loginSec()).as("%s", day).isCloseTo(4520, within(2L));
		assertThat(day.occupancy()).isCloseTo((double) day.onCallSec() / (day.onCallSec() + day.availableSec()),
				within(1e-9));
		assertThat(day.utilization()).isCloseTo((double) day.onCallSec() / day.loginSec(), within(1e-9));
	}

	@Test
	void aPauseOverMidnightIsSplitAtTheZonesMidnight() throws InterruptedException {
		String agent = "night-agent";
		String phone = "Local/" + agent + "@agents/n";
		await(() -> this.connector.status().allConnected());
		// 23:50 logs in paused for training; 00:20 back; 00:30 logs out.
		clockTo(DAY.minusDays(1) + "T23:50:00Z");
		assertThat(pbx.addMember("metrics", phone, agent, true, "Training")).isTrue();
		await(() -> state(agent) == AgentState.PAUSED);
		clockTo(DAY + "T00:20:00Z");
		assertThat(pbx.pauseMember(phone, null, false, null)).isTrue();
		await(() -> state(agent) == AgentState.AVAILABLE);
		clockTo(DAY + "T00:30:00Z");
		assertThat(pbx.removeMember("metrics", phone)).isTrue();
		await(() -> state(agent) == AgentState.LOGGED_OUT);
		await(() -> history(agent).size() == 2 && history(agent).stream().allMatch((row) -> row.get("ended_at") != null));

		List<AgentDay> utc = this.metrics.agentDays(DAY.minusDays(1), DAY, ZoneOffset.UTC, agent);
		assertThat(utc).as("history %s", history(agent)).extracting(AgentDay::day).containsExactly(DAY.minusDays(1), DAY);
		assertThat(utc.get(0).pausedByReason().get("Training")).isCloseTo(600L, within(1L));
		assertThat(utc.get(1).pausedByReason().get("Training")).isCloseTo(1200L, within(1L));
		assertThat(utc.get(1).availableSec()).isCloseTo(600L, within(1L));
		// Berlin is two hours ahead in June: 01:50 to 02:30 on the 10th, all one day.
		List<AgentDay> berlin = this.metrics.agentDays(DAY.minusDays(1), DAY, ZoneId.of("Europe/Berlin"), agent);
		assertThat(berlin).extracting(AgentDay::day).containsExactly(DAY);
		assertThat(berlin.get(0).pausedSec()).isCloseTo(1800L, within(1L));
		assertThat(berlin.get(0).loginSec()).isCloseTo(2400L, within(1L));
	}

	/**
	 * Moves the simulator's clock to {@code time} on {@link #DAY}: a caller in another queue who hangs up after 5 s,
	 * then (the simulator's clock is the time of the last event it sent, plus the real time since).
	 */
	private static void clockTo(String time) {
		Instant end = time.contains("T") ? Instant.parse(time) : at(time);
		pbx.play(CallScript.abandoned().queue("elsewhere").caller("5550999", "Clock")
			.waitFor(Duration.ofSeconds(5)).startingAt(end.minusSeconds(5)));
	}

	private static Instant at(String time) {
		return Instant.parse(DAY + "T" + time + "Z");
	}

	private AgentState state(String agent) {
		return this.floor.agent(agent).map((floor) -> floor.state()).orElse(null);
	}

	private List<Map<String, Object>> history(String agent) {
		return this.jdbc.sql("select state, pause_reason, started_at, ended_at from agent_state_interval "
				+ "where agent = ? order by started_at, id").param(agent).query().listOfRows();
	}

	private void await(BooleanSupplier condition) throws InterruptedException {
		try {
			Await.until(Duration.ofSeconds(20), condition);
		}
		catch (AssertionError ex) {
			throw new AssertionError("floor: " + this.floor.snapshot().agents() + ", history of " + AGENT + ": "
					+ history(AGENT), ex);
		}
	}

}
