package io.callqa.telephony.metrics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.callqa.telephony.AgentDay;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.AgentStateMetrics;
import io.callqa.telephony.metrics.AgentStateRepository.StateSeconds;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Where agents' days went, from the floor's recorded state stretches; definitions in the README ("Agent states").
 */
@Service
class AgentStateMetricsService implements AgentStateMetrics {

	/** A year and a day: enough for any report, and a bound on the days the SQL generates. */
	static final int MAX_DAYS = 367;

	private final AgentStateRepository repository;

	AgentStateMetricsService(AgentStateRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true)
	@Override
	public List<AgentDay> agentDays(LocalDate from, LocalDate to, ZoneId zone, @Nullable String agent) {
		Assert.notNull(from, "'from' must not be null");
		Assert.notNull(to, "'to' must not be null");
		Assert.notNull(zone, "'zone' must not be null");
		Assert.isTrue(!to.isBefore(from), "'to' must not be before 'from'");
		Assert.isTrue(ChronoUnit.DAYS.between(from, to) < MAX_DAYS, "at most " + MAX_DAYS + " days at a time");
		Assert.isTrue(from.getYear() >= 1970 && to.getYear() <= 9999, "days go from 1970-01-01 to 9999-12-31");
		Map<String, Map<LocalDate, Totals>> byAgentAndDay = new TreeMap<>();
		for (StateSeconds row : this.repository.secondsPerDayAndState(from, to, zone, agent)) {
			byAgentAndDay.computeIfAbsent(row.agent(), (a) -> new TreeMap<>())
				.computeIfAbsent(row.day(), (d) -> new Totals())
				.add(row);
		}
		List<AgentDay> days = new ArrayList<>();
		byAgentAndDay.forEach((name, perDay) -> perDay.forEach((day, totals) -> days.add(totals.toAgentDay(name, day))));
		return days;
	}

	/**
	 * One agent's day: seconds per state, rounded to whole seconds per state and per pause reason; login time and
	 * paused time are the sums of the rounded parts, so the figures of a row always add up.
	 */
	private static final class Totals {

		private double available;

		private double ringing;

		private double onCall;

		private double unavailable;

		private final Map<String, Double> paused = new TreeMap<>();

		void add(StateSeconds row) {
			switch (AgentState.valueOf(row.state())) {
				case AVAILABLE -> this.available += row.seconds();
				case RINGING -> this.ringing += row.seconds();
				case ON_CALL -> this.onCall += row.seconds();
				case UNAVAILABLE -> this.unavailable += row.seconds();
				case PAUSED -> this.paused.merge(row.reason(), row.seconds(), Double::sum);
				// Never recorded (logged out is the absence of a stretch); nothing to count.
				case LOGGED_OUT -> {
				}
			}
		}

		AgentDay toAgentDay(String agent, LocalDate day) {
			long availableSec = Math.round(this.available);
			long ringingSec = Math.round(this.ringing);
			long onCallSec = Math.round(this.onCall);
			long unavailableSec = Math.round(this.unavailable);
			Map<String, Long> pausedByReason = new LinkedHashMap<>();
			this.paused.forEach((reason, seconds) -> pausedByReason.put(reason, Math.round(seconds)));
			long pausedSec = pausedByReason.values().stream().mapToLong(Long::longValue).sum();
			long loginSec = availableSec + ringingSec + onCallSec + pausedSec + unavailableSec;
			return new AgentDay(agent, day, loginSec, availableSec, ringingSec, onCallSec, pausedSec, unavailableSec,
					pausedByReason, ratio(onCallSec, onCallSec + ringingSec + availableSec), ratio(onCallSec, loginSec));
		}

		private static @Nullable Double ratio(long part, long whole) {
			return (whole > 0) ? (double) part / whole : null;
		}

	}

}
