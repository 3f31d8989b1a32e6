package io.callqa.transcription.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Queues a FAILED job again once the recording file it missed exists (a share back online, a file restored, a job
 * failed by an earlier server that looked at the wrong recording), checked every {@code workers.backoff}. A recording's
 * path never changes, so it is read from telephony once per job and kept while the job waits.
 */
class MissingRecordingRecheck implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MissingRecordingRecheck.class);

	private static final int BATCH = 100;

	private final TranscriptionJobs jobs;

	private final JobRecordings recordings;

	/** The recording file of each waiting job, by job id (guarded by this). */
	private final Map<Long, Optional<Path>> files = new HashMap<>();

	private final TranscriptionWorkers workers;

	private final Duration every;

	private volatile ScheduledExecutorService executor;

	MissingRecordingRecheck(TranscriptionJobs jobs, JobRecordings recordings, TranscriptionWorkers workers,
			Duration every) {
		this.jobs = jobs;
		this.recordings = recordings;
		this.workers = workers;
		this.every = every;
	}

	/** @return how many jobs were queued again */
	synchronized int recheck() {
		int requeued = 0;
		List<TranscriptionJobs.MissingFileJob> waiting = this.jobs.failedForMissingFile(BATCH);
		Set<Long> ids = waiting.stream().map(TranscriptionJobs.MissingFileJob::id).collect(Collectors.toSet());
		this.files.keySet().retainAll(ids);
		for (TranscriptionJobs.MissingFileJob job : waiting) {
			boolean present = this.files.computeIfAbsent(job.id(), (id) -> file(job))
				.filter(Files::isRegularFile)
				.isPresent();
			if (present && this.jobs.requeueFailed(job.id(), "Queued again: the recording file is there")) {
				log.info("Job {} of call {}: its recording file is there again; queued", job.id(), job.callId());
				requeued++;
			}
		}
		if (requeued > 0) {
			this.workers.wake();
		}
		return requeued;
	}

	private Optional<Path> file(TranscriptionJobs.MissingFileJob job) {
		return this.recordings.of(job.callId(), job.recordingId()).map(JobRecordings.Recording::path);
	}

	private void recheckQuietly() {
		try {
			recheck();
		}
		catch (RuntimeException ex) {
			log.warn("Looking for recordings that came back failed: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "transcription-missing-recheck");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(this.every.toMillis(), 100);
		this.executor.scheduleWithFixedDelay(this::recheckQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
