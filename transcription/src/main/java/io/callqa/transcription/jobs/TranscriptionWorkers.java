package io.callqa.transcription.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
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

import io.callqa.telephony.LifecyclePhases;
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

	/** How long a stop waits for the workers to hand their jobs back. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(20);

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

	/**
	 * Stops within a second or so: each worker notices between two blocks of audio, saves a checkpoint and hands its
	 * job back QUEUED without counting the attempt (see {@link TranscriptionWorker#run}); the lease renewals go on
	 * until then. Spring waits for the callback at most {@code spring.lifecycle.timeout-per-shutdown-phase}, and the
	 * database stays up until it came (or the timeout passed).
	 */
	@Override
	public void stop(Runnable callback) {
		List<Thread> stopped = signalStop();
		Thread waiting = new Thread(() -> {
			awaitEnd(stopped);
			callback.run();
		}, "transcription-workers-stop");
		waiting.setDaemon(true);
		waiting.start();
	}

	@Override
	public void stop() {
		awaitEnd(signalStop());
	}

	private synchronized List<Thread> signalStop() {
		this.stopping = true;
		this.wakeUp.release(this.threads.size());
		List<Thread> stopped = List.copyOf(this.threads);
		this.threads.clear();
		return stopped;
	}

	private void awaitEnd(List<Thread> stopped) {
		long deadline = System.nanoTime() + STOP_WAIT.toNanos();
		try {
			for (Thread thread : stopped) {
				thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// A worker stuck (in reading a file, say) does not hold its job: it is handed back all the same.
		this.running.forEach((owner, jobId) -> {
			log.warn("Transcription worker {} did not stop in time; its job {} is handed back", owner, jobId);
			this.jobs.release(jobId, owner);
		});
		this.leases.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return !this.threads.isEmpty();
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.TRANSCRIPTION_WORKERS;
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
			this.worker.run(job, owner, () -> this.stopping);
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
