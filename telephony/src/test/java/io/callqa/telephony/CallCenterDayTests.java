package io.callqa.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import io.callqa.telephony.CallCenterMetrics;
import io.callqa.telephony.CallStats;
import io.callqa.telephony.Grouping;
import io.callqa.telephony.MetricsQuery;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.CallScript;
import io.callqa.simulator.RenderedCall;

/**
 * A scripted day of queue calls goes from the simulator through the real Asterisk-Java client, the connector and the
 * call tracker into the database, with MixMonitor files collected; the manager metrics match hand-computed values.
 */
@SpringBootTest(classes = TelephonyTestApplication.class,
		properties = { "callqa.telephony.callbacks.enabled=false",
				"callqa.telephony.recordings.asterisk.settle=200ms",
				"callqa.telephony.metrics.service-level-threshold=20s",
				"callqa.telephony.metrics.short-abandon-threshold=5s" })
class CallCenterDayTests {

	private static final Path MONITOR = SimulatedAsterisk.monitorDirectory();

	private static final AmiSimulator simulator = SimulatedAsterisk.start().recordInto(MONITOR);

	private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");

	@Autowired
	private AsteriskConnector connections;

	@Autowired
	private CallCenterMetrics metrics;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		SimulatedAsterisk.connect(registry, simulator, "pbx1", MONITOR);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void aScriptedDayBecomesCallRecordsRecordingsAndMetricsThatMatchHandComputedValues() throws Exception {
		await(() -> this.connections.status().allConnected() && this.connections.status().servers().get(0)
			.lastResyncAt() != null);
		List<RenderedCall> day = new ArrayList<>();
		day.add(simulator.play(CallScript.answered().caller("5550101", "Ann").agents("agent1")
			.waitFor(Duration.ofSeconds(10)).talkFor(Duration.ofSeconds(60)).startingAt(at("09:00:00"))
			.holdAt(Duration.ofSeconds(10), Duration.ofSeconds(15)).holdAt(Duration.ofSeconds(40), Duration.ofSeconds(5))));
		day.add(simulator.play(CallScript.answered().caller("5550102", "Bob").agents("agent2").ringNoAnswer(1)
			.waitFor(Duration.ofSeconds(30)).talkFor(Duration.ofSeconds(120)).startingAt(at("09:10:00"))));
		day.add(simulator.play(CallScript.abandoned().queue("support").caller("5550103", "Cid").waitFor(Duration.ofSeconds(40))
			.startingAt(at("09:20:00"))));
		day.add(simulator.play(CallScript.abandoned().queue("support").caller("5550104", "Dee").waitFor(Duration.ofSeconds(3))
			.startingAt(at("09:30:00"))));
		day.add(simulator.play(CallScript.queueTimeout().queue("support").caller("5550105", "Eve").waitFor(Duration.ofSeconds(50))
			.startingAt(at("09:40:00"))));
		day.add(simulator.play(CallScript.callbackOffer().queue("support").caller("5550106", "Fay").waitFor(Duration.ofSeconds(25))
			.startingAt(at("09:50:00"))));
		day.add(simulator.play(CallScript.answered().caller("5550107", "Gus").agents("agent1")
			.waitFor(Duration.ofSeconds(20)).talkFor(Duration.ofSeconds(30)).startingAt(at("10:05:00"))
			.holdAt(Duration.ofSeconds(25), Duration.ofSeconds(20))));
		await(() -> endedCalls() == day.size());

		Map<String, Object> first = call(day.get(0));
		assertThat(first).containsEntry("outcome", "ANSWERED").containsEntry("agent", "agent1")
			.containsEntry("queue", "support").containsEntry("caller_number", "5550101")
			.containsEntry("caller_name", "Ann").containsEntry("direction", "INBOUND");
		assertThat((Double) first.get("wait_sec")).isCloseTo(10.0, within(0.01));
		assertThat((Double) first.get("talk_sec")).isCloseTo(60.0, within(0.01));
		assertThat(call(day.get(1))).containsEntry("ring_no_answer", 1).containsEntry("agent", "agent2");
		// Hold/Unhold on the agent's channel: 15 s + 5 s; none; held 25 s into a 30 s talk until the caller hung up;
		// a call no agent answered has no hold time at all.
		assertThat((Double) first.get("hold_sec")).isCloseTo(20.0, within(0.01));
		assertThat((Double) call(day.get(1)).get("hold_sec")).isCloseTo(0.0, within(0.01));
		assertThat((Double) call(day.get(6)).get("hold_sec")).isCloseTo(5.0, within(0.01));
		assertThat(call(day.get(2))).containsEntry("hold_sec", null);
		assertThat(call(day.get(2))).containsEntry("outcome", "ABANDONED");
		assertThat(call(day.get(4))).containsEntry("outcome", "TIMEOUT");
		assertThat(call(day.get(5))).containsEntry("outcome", "CALLBACK_REQUESTED");

		// Support, 09:00-11:00: 7 offered; answered 3 (waits 10, 30, 20; talks 60, 120, 30); abandoned 1 (40 s);
		// short abandon 1 (3 s < 5 s, not abandoned); timeout 1; callback requested 1.
		// ASA = (10 + 30 + 20) / 3 = 20 s. Within 20 s (inclusive): the 10 s and 20 s calls = 2.
		// Service level = 100 * 2 / (7 - 1 short abandon) = 33.33 %. AHT = (60 + 120 + 30) / 3 = 70 s. Max wait 50 s.
		CallStats support = this.metrics.calls(new MetricsQuery(DAY, DAY.plus(Duration.ofDays(1)), ZoneOffset.UTC,
				Grouping.QUEUE)).get(0);
		assertThat(support.key()).isEqualTo("support");
		assertThat(support.offered()).isEqualTo(7);
		assertThat(support.answered()).isEqualTo(3);
		assertThat(support.abandoned()).isEqualTo(1);
		assertThat(support.shortAbandoned()).isEqualTo(1);
		assertThat(support.timeouts()).isEqualTo(1);
		assertThat(support.callbackRequested()).isEqualTo(1);
		assertThat(support.asaSec()).isCloseTo(20.0, within(0.01));
		assertThat(support.serviceLevelPct()).isCloseTo(33.33, within(0.01));
		assertThat(support.ahtSec()).isCloseTo(70.0, within(0.01));
		assertThat(support.maxWaitSec()).isCloseTo(50.0, within(0.01));

		// Per hour: 09:00 has six calls (two answered), 10:00 one (answered in 20 s: service level 100 %).
		List<CallStats> hours = this.metrics.calls(new MetricsQuery(DAY, DAY.plus(Duration.ofDays(1)),
				ZoneOffset.UTC, Grouping.HOUR));
		assertThat(hours).extracting(CallStats::key).containsExactly("2026-03-10T09:00", "2026-03-10T10:00");
		assertThat(hours.get(0).offered()).isEqualTo(6);
		assertThat(hours.get(1).serviceLevelPct()).isCloseTo(100.0, within(0.01));

		// Every call that was recorded has its file attached once it was complete.
		for (RenderedCall call : day) {
			if (call.recordingFile() != null) {
				long id = ((Number) call(call).get("id")).longValue();
				await(() -> recordings(id) == 1);
			}
		}
	}

	private static Instant at(String time) {
		return Instant.parse("2026-03-10T" + time + "Z");
	}

	private long endedCalls() {
		return this.jdbc.sql("select count(*) from call where source = 'ASTERISK' and state = 'ENDED'")
			.query(Long.class)
			.single();
	}

	private Map<String, Object> call(RenderedCall call) {
		return this.jdbc.sql("select * from call where linkedid = :l").param("l", call.linkedid()).query().singleRow();
	}

	private long recordings(long callId) {
		return this.jdbc.sql("select count(*) from recording where call_id = :id and origin = 'CALL_END'")
			.param("id", callId)
			.query(Long.class)
			.single();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Await.until(Duration.ofSeconds(20), condition);
	}

}
