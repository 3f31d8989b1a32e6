package io.callqa.transcription.jobs;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import io.callqa.telephony.Calls;

/**
 * Queues a FAILED job again once the recording file it missed exists (a share back online, a file restored, a job
 * failed by an earlier server that looked at the wrong recording), checked every {@code workers.backoff}.
 */
class MissingRecordingRecheck implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MissingRecordingRecheck.class);

	private static final int BATCH = 100;

	private final TranscriptionJobs jobs;

	private final Calls calls;

	private final TranscriptionWorkers workers;

	private final Duration every;

	private volatile ScheduledExecutorService executor;

	MissingRecordingRecheck(TranscriptionJobs jobs, Calls calls, TranscriptionWorkers workers, Duration every) {
		this.jobs = jobs;
		this.calls = calls;
		this.workers = workers;
		this.every = every;
	}

	/** @return how many jobs were queued again */
	int recheck() {
		int requeued = 0;
		for (TranscriptionJobs.MissingFileJob job : this.jobs.failedForMissingFile(BATCH)) {
			boolean present = this.calls.recording(job.callId(), job.recordingId())
				.filter((recording) -> Files.isRegularFile(recording.path()))
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
