package io.callqa.qaconsole.floor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.callqa.telephony.CallCenterMetrics;
import io.callqa.telephony.CallStats;
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.CallbackRequests;
import io.callqa.telephony.CallbackState;
import io.callqa.telephony.Grouping;
import io.callqa.telephony.MetricsQuery;

/**
 * Today's service level, abandoned calls and callbacks per queue, computed by one task for every wallboard (never per
 * client): every {@code callqa.floor.stats-interval} (15 s), and the stream pushes each new result.
 */
@Component
class TodaysFigures {

	private static final Logger logger = LoggerFactory.getLogger(TodaysFigures.class);

	/** Open callbacks read per state for the counts; more than this many open at once is beyond a wallboard. */
	static final int MAX_OPEN_CALLBACKS = 10_000;

	private final CallCenterMetrics metrics;

	private final CallbackRequests callbacks;

	private final Clock clock;

	private final ZoneId zone;

	private final List<Consumer<FloorToday>> listeners = new CopyOnWriteArrayList<>();

	private volatile @Nullable FloorToday current;

	TodaysFigures(CallCenterMetrics metrics, CallbackRequests callbacks, Clock clock, WallboardProperties properties) {
		this.metrics = metrics;
		this.callbacks = callbacks;
		this.clock = clock;
		this.zone = properties.zoneOrDefault();
	}

	/** The latest figures; computed now if the task has not run yet. */
	FloorToday current() {
		FloorToday today = this.current;
		return (today != null) ? today : refresh();
	}

	void addListener(Consumer<FloorToday> listener) {
		this.listeners.add(listener);
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${callqa.floor.stats-interval:15s}")
	void run() {
		try {
			FloorToday today = refresh();
			this.listeners.forEach((listener) -> listener.accept(today));
		}
		catch (RuntimeException ex) {
			// The wallboards keep the last figures; the next run tries again.
			logger.warn("Today's queue figures failed, the next run retries: {}", ex.toString());
		}
	}

	FloorToday refresh() {
		Instant now = this.clock.instant();
		LocalDate day = LocalDate.ofInstant(now, this.zone);
		Instant midnight = day.atStartOfDay(this.zone).toInstant();
		Map<String, Counts> byQueue = new TreeMap<>();
		for (CallStats stats : this.metrics.calls(new MetricsQuery(midnight, now, this.zone, Grouping.QUEUE))) {
			if (stats.key() != null) {
				byQueue.computeIfAbsent(stats.key(), (q) -> new Counts()).stats = stats;
			}
		}
		for (CallbackState state : List.of(CallbackState.OPEN, CallbackState.DIALLING)) {
			for (CallbackRequest request : this.callbacks.list(null, state, MAX_OPEN_CALLBACKS)) {
				Counts counts = byQueue.computeIfAbsent(request.queue(), (q) -> new Counts());
				if (state == CallbackState.OPEN && !request.nextAttemptAt().isAfter(now)) {
					counts.due++;
				}
				if (request.promisedBy().isBefore(now)) {
					counts.overdue++;
				}
			}
		}
		List<QueueToday> queues = byQueue.entrySet().stream().map((e) -> e.getValue().today(e.getKey())).toList();
		FloorToday today = new FloorToday(now, day, this.zone.getId(), queues);
		this.current = today;
		return today;
	}

	private static final class Counts {

		@Nullable CallStats stats;

		int due;

		int overdue;

		QueueToday today(String queue) {
			CallStats s = this.stats;
			if (s == null) {
				return new QueueToday(queue, 0, 0, 0, 0, null, null, this.due, this.overdue);
			}
			long counted = s.offered() - s.shortAbandoned();
			Double abandonedPct = (counted > 0) ? 100.0 * s.abandoned() / counted : null;
			return new QueueToday(queue, s.offered(), s.answered(), s.abandoned(), s.shortAbandoned(),
					s.serviceLevelPct(), abandonedPct, this.due, this.overdue);
		}

	}

}
