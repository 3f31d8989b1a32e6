package io.callqa.qaconsole.standardsreport;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.qaconsole.standardsreport.StandardsReportRepository.DayRow;
import io.callqa.qaconsole.standardsreport.StandardsReportRepository.FailedItemRow;
import io.callqa.qaconsole.standardsreport.StandardsReportRepository.Filter;
import io.callqa.qaconsole.standardsreport.StandardsReportRepository.PromiseRow;
import io.callqa.qaconsole.standardsreport.StandardsReportRepository.WeekRow;

/**
 * The daily standards report and its weekly trend, from the current automatic evaluations and the promises of the
 * calls started in the period (their day is the call's start in the configured zone).
 */
@Service
@EnableConfigurationProperties(StandardsReportProperties.class)
class StandardsReport {

	/** The most failed items listed per line. */
	static final int TOP_ITEMS = 3;

	/** The longest period one request covers. */
	static final int MAX_DAYS = 366;

	static final int MAX_WEEKS = 104;

	private final StandardsReportRepository repository;

	private final StandardsReportProperties properties;

	StandardsReport(StandardsReportRepository repository, StandardsReportProperties properties) {
		this.repository = repository;
		this.properties = properties;
	}

	ZoneId zone() {
		return this.properties.zone();
	}

	int defaultWeeks() {
		return this.properties.weeks();
	}

	/** An item failed on some of the day's calls. */
	record FailedItem(String key, String label, int count) {
	}

	/**
	 * One agent's day.
	 * @param calls calls evaluated automatically (mystery-shopper calls left out)
	 * @param scored those of them with a score (at least one rule applied)
	 * @param average mean automatic score of the scored calls, null when none
	 * @param passShare percent of the scored calls that passed, null when none
	 * @param passMark the pass mark the day is held to: the mean of the scored calls' versions' pass marks
	 * @param mostFailed the items failed most often, at most three, most failed first (ties by key)
	 * @param promisesMade promises found on the day's calls
	 * @param promisesBroken those broken by now (due, no call kept them)
	 * @param promisesLate those kept only after their due time
	 */
	record Line(String agent, LocalDate day, int calls, int scored, @Nullable Double average,
			@Nullable Double passShare, @Nullable Double passMark, int criticalFails, List<FailedItem> mostFailed,
			int promisesMade, int promisesBroken, int promisesLate) {
	}

	record Daily(LocalDate from, LocalDate to, String zone, List<Line> lines) {
	}

	record WeekPoint(String week, LocalDate monday, int calls, @Nullable Double average) {
	}

	record AgentTrend(String agent, List<WeekPoint> weeks) {
	}

	/** Per agent, one point per ISO week of the period (null average where no call was scored). */
	record Weekly(String zone, List<String> weeks, List<AgentTrend> agents) {
	}

	/** The lines of the days [from, to] (inclusive, in the zone), ordered by agent and day. */
	@Transactional(readOnly = true)
	Daily daily(LocalDate from, LocalDate to, @Nullable String agent, @Nullable String queue) {
		requirePeriod(from, to);
		ZoneId zone = zone();
		Filter filter = new Filter(start(from), start(to.plusDays(1)), zone, agent, queue);
		Map<Key, DayRow> days = new HashMap<>();
		this.repository.days(filter).forEach((row) -> days.put(new Key(row.agent(), row.day()), row));
		Map<Key, PromiseRow> promises = new HashMap<>();
		this.repository.promises(filter).forEach((row) -> promises.put(new Key(row.agent(), row.day()), row));
		Map<Key, List<FailedItem>> failed = new HashMap<>();
		for (FailedItemRow row : this.repository.failedItems(filter)) {
			failed.computeIfAbsent(new Key(row.agent(), row.day()), (key) -> new ArrayList<>())
				.add(new FailedItem(row.key(), row.label(), row.count()));
		}
		TreeMap<Key, Line> lines = new TreeMap<>(Comparator.comparing(Key::agent).thenComparing(Key::day));
		for (Key key : union(days.keySet(), promises.keySet())) {
			DayRow day = days.get(key);
			PromiseRow promise = promises.get(key);
			List<FailedItem> top = failed.getOrDefault(key, List.of())
				.stream()
				.sorted(Comparator.comparingInt(FailedItem::count).reversed().thenComparing(FailedItem::key))
				.limit(TOP_ITEMS)
				.toList();
			lines.put(key, new Line(key.agent(), key.day(), (day != null) ? day.calls() : 0,
					(day != null) ? day.scored() : 0, (day != null) ? round(day.average()) : null,
					(day != null && day.scored() > 0) ? round(100.0 * day.passed() / day.scored()) : null,
					(day != null) ? round(day.passMark()) : null, (day != null) ? day.criticalFails() : 0, top,
					(promise != null) ? promise.made() : 0, (promise != null) ? promise.broken() : 0,
					(promise != null) ? promise.late() : 0));
		}
		return new Daily(from, to, zone.getId(), List.copyOf(lines.values()));
	}

	/** The ISO weeks that end with the week of {@code last}, {@code weeks} of them, per agent. */
	@Transactional(readOnly = true)
	Weekly weekly(LocalDate last, int weeks, @Nullable String agent, @Nullable String queue) {
		if (weeks < 1 || weeks > MAX_WEEKS) {
			throw new IllegalArgumentException("'weeks' must be 1 to " + MAX_WEEKS + ", not " + weeks);
		}
		ZoneId zone = zone();
		LocalDate lastMonday = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstMonday = lastMonday.minusWeeks(weeks - 1L);
		List<LocalDate> mondays = new ArrayList<>();
		for (int i = 0; i < weeks; i++) {
			mondays.add(firstMonday.plusWeeks(i));
		}
		Map<String, Map<LocalDate, WeekRow>> byAgent = new LinkedHashMap<>();
		for (WeekRow row : this.repository
			.weeks(new Filter(start(firstMonday), start(lastMonday.plusWeeks(1)), zone, agent, queue))) {
			byAgent.computeIfAbsent(row.agent(), (a) -> new HashMap<>()).put(row.monday(), row);
		}
		List<AgentTrend> agents = new ArrayList<>();
		byAgent.forEach((name, rows) -> agents.add(new AgentTrend(name, mondays.stream().map((monday) -> {
			WeekRow row = rows.get(monday);
			return new WeekPoint(isoWeek(monday), monday, (row != null) ? row.calls() : 0,
					(row != null) ? round(row.average()) : null);
		}).toList())));
		return new Weekly(zone.getId(), mondays.stream().map(StandardsReport::isoWeek).toList(), agents);
	}

	/** Today in the report's zone. */
	LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, zone());
	}

	private Instant start(LocalDate day) {
		return day.atStartOfDay(zone()).toInstant();
	}

	static String isoWeek(LocalDate day) {
		return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	private static void requirePeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("'to' (" + to + ") must not be before 'from' (" + from + ")");
		}
		if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
			throw new IllegalArgumentException("A report covers at most " + MAX_DAYS + " days");
		}
	}

	private static java.util.Set<Key> union(java.util.Set<Key> a, java.util.Set<Key> b) {
		java.util.Set<Key> all = new java.util.HashSet<>(a);
		all.addAll(b);
		return all;
	}

	static @Nullable Double round(@Nullable Double value) {
		return (value != null) ? Math.round(value * 100) / 100.0 : null;
	}

	private record Key(String agent, LocalDate day) {
	}

}
