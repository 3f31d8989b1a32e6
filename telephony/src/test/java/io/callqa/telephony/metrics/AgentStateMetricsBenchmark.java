package io.callqa.telephony.metrics;

import java.time.LocalDate;
import java.time.ZoneId;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.AgentStateMetrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the agent state metrics take over a year of history: 500 agents, 20 stretches of 24 minutes a day for 365
 * days (3.65 million rows); prints the time of a week and a month for everyone and a week for one agent. Run:
 * {@code mvn -Pbench -pl telephony -am verify -Dtest=AgentStateMetricsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@SpringBootTest(classes = TelephonyTestApplication.class, webEnvironment = WebEnvironment.NONE)
class AgentStateMetricsBenchmark {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	private AgentStateMetrics metrics;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aYearOfFiveHundredAgents() {
		long started = System.nanoTime();
		this.jdbc.sql("""
				insert into agent_state_interval (agent, state, pause_reason, started_at, ended_at, seen_at)
				select 'bench-agent' || a, (array['AVAILABLE', 'ON_CALL', 'PAUSED', 'RINGING'])[1 + (s % 4)],
				  case when s % 4 = 2 then 'Break' end,
				  timestamptz '2025-01-01T08:00:00Z' + d * interval '1 day' + s * interval '24 minutes',
				  timestamptz '2025-01-01T08:00:00Z' + d * interval '1 day' + (s + 1) * interval '24 minutes',
				  timestamptz '2025-01-01T08:00:00Z' + d * interval '1 day' + (s + 1) * interval '24 minutes'
				from generate_series(1, 500) a, generate_series(0, 364) d, generate_series(0, 19) s""").update();
		this.jdbc.sql("analyze agent_state_interval").update();
		System.out.printf("agent state history: 3,650,000 stretches inserted in %d ms%n", millisSince(started));
		for (int round = 1; round <= 3; round++) {
			time(round, "week, every agent", "2025-12-24", "2025-12-30", null);
			time(round, "month, every agent", "2025-12-01", "2025-12-30", null);
			time(round, "week, one agent", "2025-12-24", "2025-12-30", "bench-agent7");
		}
	}

	private void time(int round, String what, String from, String to, String agent) {
		long started = System.nanoTime();
		int rows = this.metrics.agentDays(LocalDate.parse(from), LocalDate.parse(to), BERLIN, agent).size();
		System.out.printf("round %d, %s: %d agent days in %d ms%n", round, what, rows, millisSince(started));
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

}
