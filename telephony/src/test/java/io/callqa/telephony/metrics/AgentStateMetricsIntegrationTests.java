package io.callqa.telephony.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.AgentDay;
import io.callqa.telephony.AgentStateMetrics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests for {@link AgentStateMetrics} over stretches inserted into {@code agent_state_interval} as the floor writes
 * them; every figure is computed by hand. Each test uses agents of its own, so tests (and stretches other features
 * write in the same database) do not mix.
 */
@SpringBootTest(classes = TelephonyTestApplication.class, webEnvironment = WebEnvironment.NONE)
class AgentStateMetricsIntegrationTests {

	private static final ZoneId UTC = ZoneOffset.UTC;

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocalDate DAY = LocalDate.parse("2025-01-15");

	@Autowired
	private AgentStateMetrics metrics;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aDayAddsUpPerStateAndPauseReason() {
		String agent = agent();
		// 08:00-09:00 available 3600, 09:00:00-09:01:00 ringing 60, 09:01-09:31 on call 1800, 09:31-10:01 Lunch 1800,
		// 10:01-10:11 Break 600, 10:11-10:16 paused without a reason 300, 10:16-10:31 unavailable 900,
		// 10:31-10:41 Break 600; then logged out (no stretch) 10:41-11:00, and 11:00:00.4-11:00:10.9 on call 10.5.
		stretch(agent, "AVAILABLE", null, "08:00", "09:00");
		stretch(agent, "RINGING", null, "09:00", "09:01");
		stretch(agent, "ON_CALL", null, "09:01", "09:31");
		stretch(agent, "PAUSED", "Lunch", "09:31", "10:01");
		stretch(agent, "PAUSED", "Break", "10:01", "10:11");
		stretch(agent, "PAUSED", null, "10:11", "10:16");
		stretch(agent, "UNAVAILABLE", null, "10:16", "10:31");
		stretch(agent, "PAUSED", "Break", "10:31", "10:41");
		stretch(agent, "ON_CALL", null, "11:00:00.4", "11:00:10.9");

		List<AgentDay> days = this.metrics.agentDays(DAY, DAY, UTC, agent);

		assertThat(days).hasSize(1);
		AgentDay day = days.get(0);
		assertThat(day.agent()).isEqualTo(agent);
		assertThat(day.day()).isEqualTo(DAY);
		assertThat(day.availableSec()).isEqualTo(3600);
		assertThat(day.ringingSec()).isEqualTo(60);
		// 1800 + 10.5 rounds to 1811 (half up).
		assertThat(day.onCallSec()).isEqualTo(1811);
		assertThat(day.unavailableSec()).isEqualTo(900);
		assertThat(day.pausedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of("Lunch", 1800L, "Break", 1200L, "", 300L));
		assertThat(day.pausedSec()).isEqualTo(3300);
		assertThat(day.loginSec()).isEqualTo(3600 + 60 + 1811 + 3300 + 900);
		assertThat(day.occupancy()).isCloseTo(1811.0 / (1811 + 60 + 3600), within(1e-9));
		assertThat(day.utilization()).isCloseTo(1811.0 / 9671, within(1e-9));
	}

	@Test
	void aStretchOverMidnightIsSplitAtMidnightOfTheZone() {
		String agent = agent();
		stretch(agent, "AVAILABLE", null, Instant.parse("2025-01-15T22:30:00Z"), Instant.parse("2025-01-16T01:00:00Z"));

		assertThat(this.metrics.agentDays(DAY, DAY.plusDays(1), UTC, agent))
			.extracting(AgentDay::day, AgentDay::availableSec)
			.containsExactly(tuple(DAY, 5400L), tuple(DAY.plusDays(1), 3600L));
		// Berlin is UTC+1 in January: 23:30 to midnight on the 15th, midnight to 02:00 on the 16th.
		assertThat(this.metrics.agentDays(DAY, DAY.plusDays(1), BERLIN, agent))
			.extracting(AgentDay::day, AgentDay::availableSec)
			.containsExactly(tuple(DAY, 1800L), tuple(DAY.plusDays(1), 7200L));
		// A fixed offset east of UTC (PostgreSQL reads offsets the other way round): 03:30 to 06:00 on the 16th.
		assertThat(this.metrics.agentDays(DAY, DAY.plusDays(1), ZoneOffset.ofHours(5), agent))
			.extracting(AgentDay::day, AgentDay::availableSec)
			.containsExactly(tuple(DAY.plusDays(1), 9000L));
		// West of UTC: 17:30 to 20:00 on the 15th.
		assertThat(this.metrics.agentDays(DAY, DAY.plusDays(1), ZoneOffset.ofHours(-5), agent))
			.extracting(AgentDay::day, AgentDay::availableSec)
			.containsExactly(tuple(DAY, 9000L));
	}

	@Test
	void onlyTheDaysAskedForCountAndOnlyTheirPart() {
		String agent = agent();
		stretch(agent, "PAUSED", "Training", Instant.parse("2025-01-14T20:00:00Z"), Instant.parse("2025-01-17T02:00:00Z"));

		assertThat(this.metrics.agentDays(DAY, DAY, UTC, agent)).singleElement().satisfies((day) -> {
			assertThat(day.day()).isEqualTo(DAY);
			assertThat(day.pausedSec()).isEqualTo(86400);
			assertThat(day.pausedByReason()).containsExactlyEntriesOf(Map.of("Training", 86400L));
			assertThat(day.loginSec()).isEqualTo(86400);
			assertThat(day.occupancy()).as("never ready: 0 of 0").isNull();
			assertThat(day.utilization()).isEqualTo(0.0);
		});
	}

	@Test
	void ofTheStretchesBeforeThePeriodOnlyThoseReachingIntoItCount() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String early = "early-" + run;
		String gone = "gone-" + run;
		String stillOn = "still-" + run;
		// Each agent's stretches follow one another; only the last before the period can reach into it.
		stretch(early, "AVAILABLE", null, Instant.parse("2025-01-10T09:00:00Z"), Instant.parse("2025-01-10T17:00:00Z"));
		stretch(early, "PAUSED", "Meeting", Instant.parse("2025-01-14T23:00:00Z"), Instant.parse("2025-01-15T01:00:00Z"));
		stretch(early, "AVAILABLE", null, "01:00", "01:30");
		stretch(gone, "AVAILABLE", null, Instant.parse("2025-01-10T09:00:00Z"), Instant.parse("2025-01-14T17:00:00Z"));
		this.jdbc.sql("""
				insert into agent_state_interval (agent, state, pause_reason, started_at, ended_at, seen_at)
				values (:agent, 'UNAVAILABLE', null, '2025-01-13T12:00:00Z', null, '2025-01-13T12:00:00Z')""")
			.param("agent", stillOn)
			.update();

		List<AgentDay> days = this.metrics.agentDays(DAY, DAY, UTC, null)
			.stream()
			.filter((day) -> day.agent().endsWith(run))
			.toList();

		assertThat(days).extracting(AgentDay::agent, AgentDay::pausedSec, AgentDay::availableSec, AgentDay::unavailableSec)
			.containsExactly(tuple(early, 3600L, 1800L, 0L), tuple(stillOn, 0L, 0L, 86400L));
	}

	@Test
	void daylightSavingDaysHave23And25Hours() {
		String agent = agent();
		stretch(agent, "AVAILABLE", null, Instant.parse("2025-03-29T12:00:00Z"), Instant.parse("2025-03-31T12:00:00Z"));
		stretch(agent, "AVAILABLE", null, Instant.parse("2025-10-25T12:00:00Z"), Instant.parse("2025-10-27T12:00:00Z"));

		assertThat(this.metrics.agentDays(LocalDate.parse("2025-03-30"), LocalDate.parse("2025-03-30"), BERLIN, agent))
			.extracting(AgentDay::loginSec)
			.containsExactly(23 * 3600L);
		assertThat(this.metrics.agentDays(LocalDate.parse("2025-10-26"), LocalDate.parse("2025-10-26"), BERLIN, agent))
			.extracting(AgentDay::loginSec)
			.containsExactly(25 * 3600L);
		assertThat(this.metrics.agentDays(LocalDate.parse("2025-10-26"), LocalDate.parse("2025-10-26"), UTC, agent))
			.extracting(AgentDay::loginSec)
			.containsExactly(24 * 3600L);
	}

	@Test
	void aStretchStillGoingCountsUntilNow() {
		String agent = agent();
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5400);
		this.jdbc.sql("""
				insert into agent_state_interval (agent, state, pause_reason, started_at, ended_at, seen_at)
				values (:agent, 'ON_CALL', null, :started, null, :started)""")
			.param("agent", agent)
			.param("started", Timestamp.from(started))
			.update();
		LocalDate today = LocalDate.now(UTC);

		long before = Instant.now().getEpochSecond() - started.getEpochSecond();
		List<AgentDay> days = this.metrics.agentDays(today.minusDays(1), today.plusDays(1), UTC, agent);
		long after = Instant.now().getEpochSecond() - started.getEpochSecond() + 1;

		long onCall = days.stream().mapToLong(AgentDay::onCallSec).sum();
		assertThat(onCall).isBetween(before, after);
		assertThat(days).allSatisfy((day) -> {
			assertThat(day.day()).isBeforeOrEqualTo(today);
			assertThat(day.utilization()).isEqualTo(1.0);
		});
	}

	@Test
	void agentsAreOrderedAndOneCanBeAskedFor() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String anna = "anna-" + run;
		String bert = "bert-" + run;
		stretch(bert, "AVAILABLE", null, "09:00", "10:00");
		stretch(anna, "AVAILABLE", null, Instant.parse("2025-01-16T09:00:00Z"), Instant.parse("2025-01-16T09:30:00Z"));
		stretch(anna, "AVAILABLE", null, "09:00", "09:10");

		List<AgentDay> all = this.metrics.agentDays(DAY, DAY.plusDays(1), UTC, null)
			.stream()
			.filter((day) -> day.agent().endsWith(run))
			.toList();
		assertThat(all).extracting(AgentDay::agent, AgentDay::day, AgentDay::availableSec)
			.containsExactly(tuple(anna, DAY, 600L), tuple(anna, DAY.plusDays(1), 1800L), tuple(bert, DAY, 3600L));
		assertThat(this.metrics.agentDays(DAY, DAY.plusDays(1), UTC, bert)).extracting(AgentDay::agent)
			.containsExactly(bert);
		assertThat(this.metrics.agentDays(DAY.plusDays(2), DAY.plusDays(3), UTC, anna)).as("no stretch those days")
			.isEmpty();
	}

	@Test
	void aBadPeriodIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.metrics.agentDays(DAY, DAY.minusDays(1), UTC, null))
			.withMessageContaining("before");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.metrics.agentDays(DAY, DAY.plusYears(2), UTC, null))
			.withMessageContaining("days at a time");
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.api.Assertions.tuple(values);
	}

	private static String agent() {
		return "agent-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A closed stretch on {@link #DAY}, times of day in UTC. */
	private void stretch(String agent, String state, @Nullable String reason, String from, String to) {
		stretch(agent, state, reason, at(from), at(to));
	}

	private static Instant at(String time) {
		return Instant.parse(DAY + "T" + (time.length() == 5 ? time + ":00" : time) + "Z");
	}

	private void stretch(String agent, String state, @Nullable String reason, Instant from, Instant to) {
		this.jdbc.sql("""
				insert into agent_state_interval (agent, state, pause_reason, started_at, ended_at, seen_at)
				values (:agent, :state, :reason, :from, :to, :to)""")
			.param("agent", agent)
			.param("state", state)
			.param("reason", reason)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.update();
	}

}
