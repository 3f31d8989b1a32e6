package io.callqa.telephony.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.Await;
import io.callqa.telephony.SimulatedAsterisk;
import io.callqa.telephony.Calls;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.CallScript;
import io.callqa.simulator.RenderedCall;

/**
 * An Asterisk with {@code systemname = pbx1} in asterisk.conf, simulated and followed through the real Asterisk-Java
 * client: its Uniqueids are {@code pbx1-<epoch>.<n>} and its files {@code sales-pbx1-<epoch>.<n>.wav} (plus the
 * per-party pair), and every recording reaches its own call, none becomes an orphan.
 */
@SpringBootTest(classes = TelephonyTestApplication.class,
		properties = { "callqa.telephony.callbacks.enabled=false",
				"callqa.telephony.recordings.asterisk.settle=100ms",
				"callqa.telephony.recordings.asterisk.sweep-interval=100ms",
				"callqa.telephony.recordings.asterisk.sweep-min-age=0s" })
class SystemNameRecordingsTests {

	private static final Path MONITOR = SimulatedAsterisk.monitorDirectory();

	private static final AmiSimulator simulator = SimulatedAsterisk.start().systemName("pbx1")
		.recordInto(MONITOR, true);

	@Autowired
	private Calls calls;

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
	void recordingsNamedWithASystemnameReachTheirCalls() throws Exception {
		assertThat(simulator.awaitLoggedInClients(1, Duration.ofSeconds(30))).isTrue();
		// The repository's dialplan records per party only once an agent answered: the abandoned call has the mixed
		// file alone.
		Map<RenderedCall, List<String>> expected = new LinkedHashMap<>();
		expected.put(simulator.play(CallScript.answered().recordingPrefix("sales")), List.of("agent,customer", "-"));
		expected.put(simulator.play(CallScript.abandoned().recordingPrefix("sales")), List.of("-"));
		expected.put(simulator.play(CallScript.survey().recordingPrefix("support")), List.of("agent,customer", "-"));
		for (Map.Entry<RenderedCall, List<String>> entry : expected.entrySet()) {
			RenderedCall call = entry.getKey();
			assertThat(call.linkedid()).matches("pbx1-\\d+\\.\\d+");
			assertThat(Path.of(call.recordingFile()).getFileName().toString()).endsWith("-pbx1-" + call.linkedid()
				.substring(5) + ".wav");
			Await.until(Duration.ofSeconds(20), () -> this.calls.findByUniqueid(call.linkedid()).isPresent());
			long callId = this.calls.findByUniqueid(call.linkedid()).orElseThrow();
			Await.until(Duration.ofSeconds(20), () -> recordings(callId) == entry.getValue().size());
			// In any order (a sweep may find the mixed file before the pair), but the pair is the one transcribed.
			assertThat(this.jdbc.sql("select coalesce(channel_map, '-') from recording where call_id = :id")
				.param("id", callId)
				.query(String.class)
				.list()).containsExactlyInAnyOrderElementsOf(entry.getValue());
			List<String> transcribed = this.calls.find(callId).recording().channelMap();
			assertThat(transcribed.isEmpty() ? "-" : String.join(",", transcribed)).isEqualTo(entry.getValue().get(0));
		}
		assertThat(this.jdbc.sql("select count(*) from call where linkedid like 'orphan-%'").query(Long.class).single())
			.isZero();
	}

	private long recordings(long callId) {
		return this.jdbc.sql("select count(*) from recording where call_id = :id")
			.param("id", callId)
			.query(Long.class)
			.single();
	}

}
