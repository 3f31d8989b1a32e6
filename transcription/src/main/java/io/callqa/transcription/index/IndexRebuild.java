package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import io.callqa.telephony.LifecyclePhases;

/**
 * Builds the current index version from PostgreSQL when the server found only an older one: a second index, in the
 * current version's directory, fed from the outbox from its start in batches (each committed with the sequence number
 * it reached, so a restart resumes from the last one), while searches and the live {@link OutboxFollower} keep using
 * the old index. Once it has caught up, the follower adopts it between two batches (see
 * {@link TranscriptIndex#adoptRebuilt()}); the old index is then deleted.
 */
class IndexRebuild implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

	private final TranscriptIndex live;

	private final IndexDirectories directories;

	private final IndexOutbox outbox;

	private final Function<TranscriptIndex, OutboxFollower> followerOf;

	private final int batch;

	private final Runnable afterBatch;

	private volatile boolean running;

	private @Nullable Thread thread;

	IndexRebuild(TranscriptIndex live, IndexDirectories directories, IndexOutbox outbox,
			Function<TranscriptIndex, OutboxFollower> followerOf, int batch) {
		this(live, directories, outbox, followerOf, batch, () -> {
		});
	}

	/** With {@code afterBatch} run after each committed batch (tests hold the rebuild there to observe it). */
	IndexRebuild(TranscriptIndex live, IndexDirectories directories, IndexOutbox outbox,
			Function<TranscriptIndex, OutboxFollower> followerOf, int batch, Runnable afterBatch) {
		if (batch < 1) {
			throw new IllegalArgumentException("callqa.transcription.index.rebuild-batch must be 1 or more, was " + batch);
		}
		this.live = live;
		this.directories = directories;
		this.outbox = outbox;
		this.followerOf = followerOf;
		this.batch = batch;
		this.afterBatch = afterBatch;
	}

	/** Whether the live index is of another version (or elsewhere) than the current version's directory. */
	boolean needed() {
		Path path = this.live.path();
		return path != null && !this.directories.current().equals(path);
	}

	@Override
	public void start() {
		this.running = true;
		if (!needed()) {
			return;
		}
		this.live.rebuilding(new TranscriptIndex.RebuildProgress(this.directories.version(), 0, 0));
		Thread rebuild = new Thread(this::rebuild, "index-rebuild");
		rebuild.setDaemon(true);
		rebuild.start();
		this.thread = rebuild;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread rebuild = this.thread;
		if (rebuild != null) {
			try {
				// A batch ends before the thread does: its index is closed by the thread, never under its feet.
				rebuild.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
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

	private void rebuild() {
		while (this.running) {
			try {
				if (rebuildOnce()) {
					return;
				}
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Rebuilding the search index failed, will retry: {}", ex.toString());
				pause();
			}
		}
	}

	/** True when done (adopted and the old index deleted), false when stopped first. */
	private boolean rebuildOnce() throws IOException {
		TranscriptIndex rebuilt = TranscriptIndex.open(this.directories.current(), this.directories.version());
		boolean offered = false;
		try {
			OutboxFollower feeder = this.followerOf.apply(rebuilt);
			long total = this.outbox.countUpTo(this.outbox.lastSeq());
			long applied = this.outbox.countUpTo(rebuilt.committedOutboxSeq());
			log.info("Rebuilding the search index as version {}: {} of {} outbox rows applied", this.directories.version(),
					applied, total);
			report(applied, total);
			for (int rows = feeder.applyNext(this.batch); rows > 0 && this.running; rows = feeder.applyNext(this.batch)) {
				applied += rows;
				report(applied, total);
				this.afterBatch.run();
			}
			if (!this.running) {
				return false;
			}
			offered = true;
			Path replaced = this.live.path();
			if (!awaitAdoption(this.live.offer(rebuilt, feeder::catchUp))) {
				return false;
			}
			log.info("Search index version {} took over from {}", this.directories.version(), replaced);
			deleteOld();
			return true;
		}
		finally {
			// Until adopted, the rebuilt index is this thread's to close; its committed batches are kept for a restart.
			if (!offered || this.live.withdraw()) {
				rebuilt.close();
			}
		}
	}

	/** True once the follower has adopted the rebuilt index, false if stopped first. */
	private boolean awaitAdoption(CompletableFuture<Void> adopted) throws IOException {
		while (this.running) {
			try {
				adopted.get(100, TimeUnit.MILLISECONDS);
				return true;
			}
			catch (TimeoutException ex) {
				// Still waiting for the follower's next round.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (ExecutionException ex) {
				throw new IOException("Adopting the rebuilt index failed", ex.getCause());
			}
		}
		return adopted.isDone() && !adopted.isCompletedExceptionally();
	}

	/** The new index serves already: an old one that cannot be deleted now is deleted at the next start. */
	private void deleteOld() {
		try {
			this.directories.deleteAllButCurrent();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Deleting the old search index failed, it is deleted at the next start: {}", ex.toString());
		}
	}

	private void report(long applied, long total) {
		this.live.rebuilding(new TranscriptIndex.RebuildProgress(this.directories.version(), applied, total));
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
