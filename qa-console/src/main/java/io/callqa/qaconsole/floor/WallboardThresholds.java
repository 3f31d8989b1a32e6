package io.callqa.qaconsole.floor;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every queue's thresholds, kept in memory for the wallboards: read again after a change here and every
 * {@code callqa.floor.stats-interval} (another server sharing the database may have changed them).
 */
@Component
class WallboardThresholds {

	private static final Logger logger = LoggerFactory.getLogger(WallboardThresholds.class);

	private final QueueThresholdRepository repository;

	private final QueueThresholds defaults;

	private final Clock clock;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private volatile @Nullable Thresholds current;

	WallboardThresholds(QueueThresholdRepository repository, WallboardProperties properties, Clock clock) {
		this.repository = repository;
		this.defaults = properties.thresholds().forQueue(null);
		this.clock = clock;
	}

	/**
	 * @param defaults the thresholds of a queue not in {@code queues}
	 * @param queues the queues with their own
	 */
	record Thresholds(QueueThresholds defaults, List<QueueThresholds> queues) {
	}

	Thresholds current() {
		Thresholds thresholds = this.current;
		return (thresholds != null) ? thresholds : reload();
	}

	QueueThresholds of(String queue) {
		return current().queues().stream().filter((t) -> queue.equals(t.queue())).findFirst()
			.orElseGet(() -> forQueue(queue));
	}

	QueueThresholds save(QueueThresholds thresholds, String user) {
		QueueThresholds saved = this.repository.save(thresholds, user, this.clock.instant());
		reload();
		this.listeners.forEach(Runnable::run);
		return saved;
	}

	void addListener(Runnable listener) {
		this.listeners.add(listener);
	}

	@Scheduled(initialDelayString = "${callqa.floor.stats-interval:15s}",
			fixedDelayString = "${callqa.floor.stats-interval:15s}")
	void refresh() {
		try {
			Thresholds before = this.current;
			if (!reload().equals(before)) {
				this.listeners.forEach(Runnable::run);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Reading the queues' thresholds failed, the next run retries: {}", ex.toString());
		}
	}

	private Thresholds reload() {
		Thresholds thresholds = new Thresholds(this.defaults, this.repository.all());
		this.current = thresholds;
		return thresholds;
	}

	private QueueThresholds forQueue(String queue) {
		QueueThresholds d = this.defaults;
		return new QueueThresholds(queue, d.waiting(), d.longestWaitSec(), d.serviceLevelPct(), d.abandonedPct(),
				d.callbacksOverdue(), null, null);
	}

}
