package io.callqa.qaconsole.autoscore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.callqa.telephony.LifecyclePhases;
import io.callqa.transcription.TranscriptReady;
import io.callqa.transcription.Transcriptions;

/**
 * Every transcribed call is evaluated: each {@link TranscriptReady} queues its call for this pipeline's thread (the
 * transcription worker that publishes it does not wait for the rules), and a sweep, at start and every
 * {@code sweep-interval}, evaluates transcribed calls that have no automatic evaluation (a crash, a stop, an event
 * published in a worker process that does not score), so nothing is lost. A second thread runs the re-evaluations.
 */
@Component
@EnableConfigurationProperties(AutoscoreProperties.class)
class AutomaticScoringPipeline implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AutomaticScoringPipeline.class);

	/** A transcript's row is dated when its transaction began, which may commit a little later. */
	private static final Duration SWEEP_OVERLAP = Duration.ofMinutes(5);

	private final AutomaticEvaluator evaluator;

	private final AutomaticEvaluationRepository evaluations;

	private final Transcriptions transcriptions;

	private final Reevaluations reevaluations;

	private final AutoscoreProperties settings;

	private final Set<Long> queued = new LinkedHashSet<>();

	private final Semaphore wakeUp = new Semaphore(0);

	private final Semaphore reevaluationWakeUp = new Semaphore(0);

	private final AtomicLong evaluated = new AtomicLong();

	private volatile boolean running;

	private @Nullable Instant lastSweepStart;

	private final List<Thread> threads = new ArrayList<>();

	AutomaticScoringPipeline(AutomaticEvaluator evaluator, AutomaticEvaluationRepository evaluations,
			Transcriptions transcriptions, Reevaluations reevaluations, AutoscoreProperties settings) {
		this.evaluator = evaluator;
		this.evaluations = evaluations;
		this.transcriptions = transcriptions;
		this.reevaluations = reevaluations;
		this.settings = settings;
	}

	@EventListener
	void on(TranscriptReady event) {
		if (!this.settings.enabled()) {
			return;
		}
		synchronized (this.queued) {
			this.queued.add(event.callId());
		}
		this.wakeUp.release();
	}

	/** Calls waiting in memory for their evaluation. */
	int queued() {
		synchronized (this.queued) {
			return this.queued.size();
		}
	}

	/** Calls evaluated by this process since it started. */
	long evaluated() {
		return this.evaluated.get();
	}

	@Override
	public void start() {
		if (!this.settings.enabled()) {
			return;
		}
		this.running = true;
		this.reevaluations.onStart(this.reevaluationWakeUp::release);
		this.threads.add(thread("autoscore", this::evaluateLoop));
		this.threads.add(thread("autoscore-reevaluation", this::reevaluationLoop));
	}

	@Override
	public void stop() {
		this.running = false;
		this.wakeUp.release();
		this.reevaluationWakeUp.release();
		for (Thread thread : this.threads) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.threads.clear();
	}

	private static Thread thread(String name, Runnable loop) {
		Thread thread = new Thread(loop, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the transcription workers (nothing new is transcribed), before the index and the database. */
	@Override
	public int getPhase() {
		return LifecyclePhases.TRANSCRIPTION_WORKERS - 50;
	}

	private void evaluateLoop() {
		long nextSweep = System.nanoTime();
		while (this.running) {
			try {
				evaluateQueued();
				if (System.nanoTime() - nextSweep >= 0) {
					sweep();
					nextSweep = System.nanoTime() + this.settings.sweepInterval().toNanos();
				}
				long wait = Math.max(1, nextSweep - System.nanoTime());
				this.wakeUp.tryAcquire(wait, TimeUnit.NANOSECONDS);
				this.wakeUp.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The database went away for a moment: the next round (or the next start's sweep) catches up.
				log.warn("Automatic scoring: {}", ex.toString());
				sleepQuietly();
			}
		}
	}

	private void evaluateQueued() {
		while (this.running) {
			List<Long> batch;
			synchronized (this.queued) {
				if (this.queued.isEmpty()) {
					return;
				}
				batch = new ArrayList<>(this.queued);
				this.queued.clear();
			}
			this.evaluated.addAndGet(this.evaluator.evaluateAll(batch, AutomaticEvaluator.Mode.REPLACE));
		}
	}

	/** Evaluates the transcribed calls that have no automatic evaluation; the first sweep looks at all of them. */
	void sweep() {
		Instant started = Instant.now();
		Instant since = (this.lastSweepStart != null) ? this.lastSweepStart.minus(SWEEP_OVERLAP) : Instant.EPOCH;
		long after = 0;
		int found = 0;
		for (List<Long> page = this.transcriptions.transcribedSince(since, after, this.settings.batchSize());
				!page.isEmpty() && this.running;
				page = this.transcriptions.transcribedSince(since, after, this.settings.batchSize())) {
			List<Long> missing = this.evaluations.withoutEvaluation(page);
			found += missing.size();
			this.evaluated.addAndGet(this.evaluator.evaluateAll(missing, AutomaticEvaluator.Mode.IF_MISSING));
			after = page.get(page.size() - 1);
			evaluateQueued();
		}
		if (found > 0) {
			log.info("Automatic scoring: the sweep found {} transcribed calls without an automatic evaluation", found);
		}
		this.lastSweepStart = started;
	}

	private void reevaluationLoop() {
		while (this.running) {
			try {
				if (!this.reevaluations.runNext(() -> !this.running)) {
					this.reevaluationWakeUp.tryAcquire(this.settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Re-evaluation: {}", ex.toString());
				sleepQuietly();
			}
		}
	}

	private void sleepQuietly() {
		try {
			this.wakeUp.tryAcquire(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
