package io.callqa.transcription.jobs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import io.callqa.transcription.TranscriptionProperties;

/**
 * The worker threads of this process: each claims a job, runs it, and sleeps until woken or the poll interval passes
 * when there is none. A scheduler renews the lease of every running job.
 */
class TranscriptionWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TranscriptionWorkers.class);

	private final TranscriptionWorker worker;

	private final TranscriptionJobs jobs;

	private final TranscriptionProperties.Workers settings;

	private final Semaphore wakeUp = new Semaphore(0);

	private final Map<String, Long> running = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean stopping;

	private ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor();

	TranscriptionWorkers(TranscriptionWorker worker, TranscriptionJobs jobs, TranscriptionProperties.Workers settings) {
		this.worker = worker;
		this.jobs = jobs;
		this.settings = settings;
	}

	/** Wakes one idle worker: a job was queued in this process. */
	void wake() {
		this.wakeUp.release();
	}

	@Override
	public synchronized void start() {
		this.stopping = false;
		this.leases = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "transcription-leases"));
		long renewEvery = Math.max(this.settings.lease().toMillis() / 3, 100);
		this.leases.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
		String process = ManagementFactory.getRuntimeMXBean().getName();
		for (int i = 1; i <= this.settings.threads(); i++) {
			String owner = process + "/worker-" + i;
			Thread thread = daemon(() -> loop(owner), "transcription-worker-" + i);
			this.threads.add(thread);
			thread.start();
		}
		log.info("Started {} transcription workers", this.threads.size());
	}

	@Override
	public synchronized void stop() {
		this.stopping = true;
		this.wakeUp.release(this.threads.size());
		this.leases.shutdownNow();
		// A job still running is handed back at once rather than waiting for its lease to expire.
		this.running.forEach((owner, jobId) -> this.jobs.release(jobId, owner));
		this.threads.forEach(TranscriptionWorkers::awaitEnd);
		this.threads.clear();
	}

	/** Gives a worker in the middle of a recording a moment to finish before the model it uses is closed. */
	private static void awaitEnd(Thread thread) {
		try {
			thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return !this.threads.isEmpty();
	}

	private void loop(String owner) {
		while (!this.stopping) {
			try {
				Optional<TranscriptionJob> job = this.worker.claim(owner);
				if (job.isPresent()) {
					run(job.get(), owner);
				}
				else {
					this.wakeUp.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				pauseAfter(ex);
			}
		}
	}

	private void run(TranscriptionJob job, String owner) {
		this.running.put(owner, job.id());
		try {
			this.worker.run(job, owner);
		}
		finally {
			this.running.remove(owner);
		}
	}

	private void renewLeases() {
		this.running.forEach((owner, jobId) -> {
			try {
				this.jobs.renew(jobId, owner, this.settings.lease());
			}
			catch (RuntimeException ex) {
				log.warn("Could not renew the lease of job {}: {}", jobId, ex.getMessage());
			}
		});
	}

	/** The database is unreachable or similar: wait a little instead of spinning. */
	private void pauseAfter(RuntimeException ex) {
		if (!this.stopping) {
			log.warn("Transcription worker: {}", ex.getMessage());
			try {
				Thread.sleep(this.settings.pollInterval().toMillis());
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
