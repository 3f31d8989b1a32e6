package io.callqa.transcription.index;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import io.callqa.telephony.LifecyclePhases;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.Calls;
import io.callqa.transcription.AutomaticScores;
import io.callqa.transcription.CallScores;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptReady;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.Transcriptions;

/**
 * Keeps the index in step with PostgreSQL: applies index outbox rows after the sequence number of the index's last
 * commit, and commits that number with the documents, so a restart (or an empty index) resumes where it stopped.
 * Woken at once by transcripts stored in this process; polls for those stored by worker processes.
 *
 * <p>A document joins the transcript, read through this module's front door, with the call's metadata, recording,
 * survey and callback facts, which are telephony's and read through its {@code Calls} in one query per batch, and the
 * current QA score and the automatic one, read through the {@link CallScores} and {@link AutomaticScores} the
 * scoring modules provide, also once per batch: an outbox
 * row names only the call, and an empty index replays every row long after any event could have carried the facts.
 *
 * <p>Every call with a row gets a document: a followed call has one from its end, with or without a transcript (so
 * unrecorded and abandoned calls are found by their filters). An uploaded call has a row only once its transcript is
 * stored.
 */
class OutboxFollower implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxFollower.class);

	private static final int BATCH = 200;

	private static final String UPLOAD = "UPLOAD";

	private final TranscriptIndex index;

	private final IndexOutbox outbox;

	private final Calls calls;

	private final Transcriptions transcripts;

	private final ObjectProvider<CallScores> scores;

	private final ObjectProvider<AutomaticScores> automaticScores;

	private final TranscriptionProperties.Index settings;

	/** Tags each document with the categories saved when its batch starts. */
	private final CategoryTagger tagger;

	private final Semaphore wakeUp = new Semaphore(0);

	private volatile boolean running;

	private Thread thread = new Thread(() -> {
	});

	OutboxFollower(TranscriptIndex index, IndexOutbox outbox, Calls calls, Transcriptions transcripts,
			ObjectProvider<CallScores> scores, ObjectProvider<AutomaticScores> automaticScores,
			TranscriptionProperties.Index settings, CategoryTagger tagger) {
		this.automaticScores = automaticScores;
		this.tagger = tagger;
		this.index = index;
		this.outbox = outbox;
		this.calls = calls;
		this.transcripts = transcripts;
		this.scores = scores;
		this.settings = settings;
	}

	@EventListener
	void on(TranscriptReady event) {
		this.wakeUp.release();
	}

	/** Applies every outbox row there is now; returns how many. */
	synchronized int catchUp() throws IOException {
		// Between batches, so a rebuilt index (see IndexRebuild) takes over with nothing left uncommitted.
		this.index.adoptRebuilt();
		int applied = 0;
		for (List<IndexOutbox.Entry> batch = next(); !batch.isEmpty(); batch = next()) {
			apply(batch);
			applied += batch.size();
		}
		return applied;
	}

	/** Applies at most {@code limit} rows after the index's last commit (a rebuild's batch); returns how many. */
	synchronized int applyNext(int limit) throws IOException {
		List<IndexOutbox.Entry> batch = select(limit);
		if (!batch.isEmpty()) {
			apply(batch);
		}
		return batch.size();
	}

	/**
	 * Erasure and retention: applies the outbox, removes the documents of calls deleted (their outbox rows went with
	 * them) and merges away deleted documents, under the lock of the indexing, so no batch read before the calls were
	 * deleted writes their documents back afterwards.
	 */
	synchronized void purge(java.util.Collection<Long> forgottenCallIds) throws IOException {
		catchUp();
		for (long callId : forgottenCallIds) {
			this.index.delete(callId);
		}
		this.index.purgeDeleted();
	}

	private List<IndexOutbox.Entry> next() {
		return select(BATCH);
	}

	/**
	 * The next rows to apply, recorded as picked up before {@link #apply} reads the categories: a re-tagging relies on
	 * rows after the last one picked up being tagged with the categories saved before it (see
	 * {@link TranscriptIndex.OutboxPosition}).
	 */
	private List<IndexOutbox.Entry> select(int limit) {
		List<IndexOutbox.Entry> batch = this.outbox.after(this.index.committedOutboxSeq(), limit);
		if (!batch.isEmpty()) {
			this.index.selected(batch.get(batch.size() - 1).seq());
		}
		return batch;
	}

	private void apply(List<IndexOutbox.Entry> batch) throws IOException {
		Set<Long> callIds = new LinkedHashSet<>();
		batch.forEach((entry) -> callIds.add(entry.callId()));
		Map<Long, CallSummary> summaries = this.calls.summaries(callIds);
		// Read after the rows were picked up (and recorded so, see select): never move this before it.
		CallTags tags = this.tagger.current();
		Map<Long, Double> current = currentScores(callIds);
		Map<Long, AutomaticScores.Result> automatic = automaticScores(callIds);
		for (long callId : callIds) {
			Optional<IndexedCall> call = load(callId, summaries.get(callId), current.get(callId),
					automatic.get(callId));
			if (call.isPresent()) {
				this.index.index(call.get(), tags);
			}
			else {
				this.index.delete(callId);
			}
		}
		this.index.commit(batch.get(batch.size() - 1).seq());
	}

	private Map<Long, Double> currentScores(Set<Long> callIds) {
		CallScores scores = this.scores.getIfAvailable();
		return (scores != null) ? scores.currentScores(callIds) : Map.of();
	}

	private Map<Long, AutomaticScores.Result> automaticScores(Set<Long> callIds) {
		AutomaticScores scores = this.automaticScores.getIfAvailable();
		return (scores != null) ? scores.automaticScores(callIds) : Map.of();
	}

	/**
	 * Empty when the call no longer exists, or is an upload without a transcript (an upload is only a recording to
	 * transcribe): its document is then deleted.
	 */
	private Optional<IndexedCall> load(long callId, @Nullable CallSummary call, @Nullable Double qaScore,
			AutomaticScores.@Nullable Result automatic) {
		if (call == null) {
			return Optional.empty();
		}
		Transcript transcript = this.transcripts.transcriptOf(callId).orElse(null);
		if (transcript == null && UPLOAD.equals(call.source())) {
			return Optional.empty();
		}
		return Optional.of(indexed(call, transcript, qaScore, automatic));
	}

	private static IndexedCall indexed(CallSummary call, @Nullable Transcript transcript, @Nullable Double qaScore,
			AutomaticScores.@Nullable Result automatic) {
		double duration = (call.durationSec() != null) ? call.durationSec()
				: (transcript != null) ? transcript.audioSec() : 0;
		return new IndexedCall(call.id(), call.agent(), call.queue(), call.direction(), call.callerNumber(),
				call.startedAt(), duration, call.outcome(), transcript,
				new IndexedCall.Facts(call.hasRecording(), qaScore, call.surveyScore(), call.callbackRequested(),
						(automatic != null) ? automatic.score() : null,
						automatic != null && automatic.criticalFailed()));
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::loop, "transcript-indexer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.wakeUp.release();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.INDEX_FOLLOWER;
	}

	private void loop() {
		while (this.running) {
			try {
				catchUp();
				this.wakeUp.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				this.wakeUp.drainPermits();
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Indexing transcripts failed, will retry: {}", ex.getMessage());
				sleepQuietly();
			}
		}
	}

	private void sleepQuietly() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
