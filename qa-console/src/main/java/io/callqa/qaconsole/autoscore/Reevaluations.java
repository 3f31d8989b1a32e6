package io.callqa.qaconsole.autoscore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.callqa.telephony.CallSummary;
import io.callqa.telephony.Calls;
import io.callqa.transcription.Transcriptions;

/**
 * Re-evaluates the transcribed calls of a period after a standard changed: asked for here, run by the pipeline's
 * re-evaluation thread one batch after the other, with its progress stored after every batch (a restart resumes after
 * the last call stored).
 */
@Service
class Reevaluations {

	/** The longest period one re-evaluation covers. */
	static final java.time.Duration MAX_PERIOD = java.time.Duration.ofDays(366);

	private final ReevaluationRepository jobs;

	private final AutomaticEvaluator evaluator;

	private final Transcriptions transcriptions;

	private final Calls calls;

	private final AutoscoreProperties settings;

	/** The one running in this process, for health and metrics without a query. */
	private final AtomicReference<@Nullable Reevaluation> running = new AtomicReference<>();

	private volatile Runnable wakeUp = () -> {
	};

	private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

	private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(THREADS,
			(task) -> {
				Thread thread = new Thread(task, "autoscore-reevaluation-worker");
				thread.setDaemon(true);
				return thread;
			});

	Reevaluations(ReevaluationRepository jobs, AutomaticEvaluator evaluator, Transcriptions transcriptions,
			Calls calls, AutoscoreProperties settings) {
		this.jobs = jobs;
		this.evaluator = evaluator;
		this.transcriptions = transcriptions;
		this.calls = calls;
		this.settings = settings;
	}

	Reevaluation start(Instant from, Instant to, String requestedBy) {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("'from' must be before 'to'");
		}
		if (java.time.Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
			throw new IllegalArgumentException("A re-evaluation covers at most 366 days");
		}
		long id = this.jobs.insert(from, to, requestedBy);
		this.wakeUp.run();
		return find(id).orElseThrow();
	}

	Optional<Reevaluation> find(long id) {
		return this.jobs.find(id);
	}

	List<Reevaluation> latest() {
		return this.jobs.latest(20);
	}

	@Nullable Reevaluation running() {
		return this.running.get();
	}

	void onStart(Runnable wakeUp) {
		this.wakeUp = wakeUp;
	}

	/** Runs the oldest unfinished re-evaluation to its end (or until {@code stop}); false when there was none. */
	boolean runNext(java.util.function.BooleanSupplier stop) {
		Optional<ReevaluationRepository.Unfinished> next = this.jobs.nextUnfinished();
		if (next.isEmpty()) {
			return false;
		}
		Reevaluation job = next.get().reevaluation();
		this.running.set(job);
		try {
			List<Long> remaining = callsOf(job, next.get().lastCallId(), stop);
			int total = (job.total() != null) ? job.total() : remaining.size();
			if (job.total() == null) {
				this.jobs.counted(job.id(), total);
			}
			int done = job.done();
			for (int at = 0; at < remaining.size(); at += this.settings.batchSize()) {
				if (stop.getAsBoolean()) {
					return true;
				}
				List<Long> batch = remaining.subList(at, Math.min(remaining.size(), at + this.settings.batchSize()));
				evaluateInParallel(batch);
				this.jobs.progressed(job.id(), batch.size(), batch.get(batch.size() - 1));
				done += batch.size();
				this.running.set(Reevaluation.of(job.id(), job.from(), job.to(), total, done, job.requestedBy(),
						job.requestedAt(), null));
			}
			if (!stop.getAsBoolean()) {
				this.jobs.finished(job.id());
			}
			return true;
		}
		finally {
			this.running.set(null);
		}
	}

	/** A batch split among the cores: the rules run in memory, each call is stored in its own transaction. */
	private void evaluateInParallel(List<Long> batch) {
		int parts = Math.min(THREADS, batch.size());
		List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
		for (int part = 0; part < parts; part++) {
			List<Long> share = batch.subList(part * batch.size() / parts, (part + 1) * batch.size() / parts);
			results.add(this.workers.submit(() -> this.evaluator.evaluateAll(share, AutomaticEvaluator.Mode.REPLACE)));
		}
		for (java.util.concurrent.Future<Integer> result : results) {
			try {
				result.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Re-evaluation interrupted", ex);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw new IllegalStateException(ex.getCause());
			}
		}
	}

	@jakarta.annotation.PreDestroy
	void stopWorkers() {
		this.workers.shutdownNow();
	}

	/** The transcribed calls after {@code afterCallId} that started in the period, in id order. */
	private List<Long> callsOf(Reevaluation job, long afterCallId, java.util.function.BooleanSupplier stop) {
		List<Long> inPeriod = new ArrayList<>();
		long after = afterCallId;
		for (List<Long> page = page(after); !page.isEmpty() && !stop.getAsBoolean(); page = page(after)) {
			Map<Long, CallSummary> summaries = this.calls.summaries(page);
			for (long id : page) {
				CallSummary call = summaries.get(id);
				if (call != null && !call.startedAt().isBefore(job.from()) && call.startedAt().isBefore(job.to())) {
					inPeriod.add(id);
				}
			}
			after = page.get(page.size() - 1);
		}
		return inPeriod;
	}

	private List<Long> page(long after) {
		return this.transcriptions.transcribedSince(Instant.EPOCH, after, this.settings.batchSize());
	}

}
