package io.callqa.qaconsole.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily run, kept in the database: a day's run is due from the schedule's time of day until it has finished
 * ({@code retention_schedule.last_done_day}), so a server down at that time runs it when it starts, a run cut short
 * by a stop runs again, and with two servers on one database the one that gets the run's lock runs it and the other
 * then finds the day done.
 */
@Component
class RetentionSchedule {

	private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

	private final RetentionJob job;

	private final RunRepository runs;

	private final RetentionProperties.Schedule schedule;

	RetentionSchedule(RetentionJob job, RunRepository runs, RetentionProperties properties) {
		this.job = job;
		this.runs = runs;
		this.schedule = properties.schedule();
	}

	@Scheduled(initialDelayString = "${callqa.retention.schedule.check-every:1m}",
			fixedDelayString = "${callqa.retention.schedule.check-every:1m}")
	void check() {
		if (this.schedule.enabled()) {
			runIfDue(Instant.now());
		}
	}

	/** Starts the run of the day {@code now} falls in if it is due and not done; the run's id if this started it. */
	Optional<Long> runIfDue(Instant now) {
		LocalDate day = dueDay(now);
		if (this.runs.lastDoneDay().filter((done) -> !done.isBefore(day)).isPresent()) {
			return Optional.empty();
		}
		Optional<Long> run = this.job.start("SCHEDULE", null, day);
		run.ifPresent((id) -> log.info("Retention run {} started for {}", id, day));
		return run;
	}

	/** The last day whose run time has come by {@code now}. */
	LocalDate dueDay(Instant now) {
		ZonedDateTime local = now.atZone(this.schedule.zone());
		LocalDate today = local.toLocalDate();
		return local.toLocalTime().isBefore(this.schedule.runAt()) ? today.minusDays(1) : today;
	}

}
