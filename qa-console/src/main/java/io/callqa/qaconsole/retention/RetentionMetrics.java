package io.callqa.qaconsole.retention;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Retention's meters: {@code callqa.retention.deleted} by {@code level} (recording files for {@code audio}, calls for
 * {@code transcript} and {@code call}), {@code callqa.retention.errors} (pages not deleted), {@code callqa.retention.runs}
 * by {@code state}, and the gauges {@code callqa.retention.held} (held calls the last run left alone) and
 * {@code callqa.retention.last.run} (when the last run finished, epoch seconds; 0 before the first).
 */
@Component
class RetentionMetrics {

	private final Map<RetentionJob.Level, Counter> deleted = new EnumMap<>(RetentionJob.Level.class);

	private final Counter errors;

	private final MeterRegistry registry;

	private final AtomicLong held = new AtomicLong();

	private final AtomicLong lastRun = new AtomicLong();

	RetentionMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (RetentionJob.Level level : RetentionJob.Level.values()) {
			this.deleted.put(level, Counter.builder("callqa.retention.deleted")
				.description("What retention deleted: recording files (audio), transcripts, calls")
				.tag("level", level.tag)
				.register(registry));
		}
		this.errors = Counter.builder("callqa.retention.errors")
			.description("Pages of calls retention could not delete (tried again by the next run)")
			.register(registry);
		Gauge.builder("callqa.retention.held", this.held, AtomicLong::get)
			.description("Calls under a legal hold the last retention run left alone")
			.register(registry);
		Gauge.builder("callqa.retention.last.run", this.lastRun, AtomicLong::get)
			.description("When the last retention run finished, epoch seconds")
			.baseUnit("seconds")
			.register(registry);
	}

	void deleted(RetentionJob.Level level, int count) {
		this.deleted.get(level).increment(count);
	}

	void error() {
		this.errors.increment();
	}

	void finished(String state, int heldCalls) {
		this.registry.counter("callqa.retention.runs", "state", state.toLowerCase()).increment();
		this.held.set(heldCalls);
		this.lastRun.set(System.currentTimeMillis() / 1000);
	}

}
