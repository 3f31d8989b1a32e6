package io.callqa.qaconsole.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * One run of retention: for each policy, the calls of its queues that ended more than its days ago lose their call
 * (everything of it, in every module), then their transcript, then their audio, a page of calls at a time; calls under
 * a legal hold are left alone. A run holds a PostgreSQL advisory lock for its whole length (on a connection of its
 * own), so two servers on one database never run at once, and a server that dies lets go of it with its connection.
 */
@Service
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionJob implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	/** The advisory lock's key: "retn". */
	static final long LOCK = 0x7265746eL;

	private static final Duration START_WAIT = Duration.ofSeconds(30);

	enum Level {

		CALL("call"), TRANSCRIPT("transcript"), AUDIO("audio");

		final String tag;

		Level(String tag) {
			this.tag = tag;
		}

	}

	private final DataSource dataSource;

	private final PolicyRepository policies;

	private final RunRepository runs;

	private final LegalHolds holds;

	private final RetentionTargets targets;

	private final RetentionMetrics metrics;

	private final RetentionProperties properties;

	/** A run of this server is starting or running. */
	private final AtomicBoolean busy = new AtomicBoolean();

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "retention");
		thread.setDaemon(true);
		return thread;
	});

	RetentionJob(DataSource dataSource, PolicyRepository policies, RunRepository runs, LegalHolds holds,
			RetentionTargets targets, RetentionMetrics metrics, RetentionProperties properties) {
		this.dataSource = dataSource;
		this.policies = policies;
		this.runs = runs;
		this.holds = holds;
		this.targets = targets;
		this.metrics = metrics;
		this.properties = properties;
	}

	/**
	 * Starts a run in the background, unless one runs (here or on another server) or, for the schedule's {@code day},
	 * that day's run is done already. Answers the new run's id once it has the lock and its row.
	 */
	Optional<Long> start(String trigger, @Nullable String by, @Nullable LocalDate day) {
		if (!this.busy.compareAndSet(false, true)) {
			return Optional.empty();
		}
		CompletableFuture<Optional<Long>> started = new CompletableFuture<>();
		this.executor.execute(() -> {
			try {
				runLocked(trigger, by, day, started);
			}
			finally {
				this.busy.set(false);
			}
		});
		try {
			return started.get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting a retention run", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			// Not started within the wait (the database is slow to give a connection): it may still start.
			log.warn("A retention run did not start within {}: {}", START_WAIT, ex.toString());
			return Optional.empty();
		}
	}

	private void runLocked(String trigger, @Nullable String by, @Nullable LocalDate day,
			CompletableFuture<Optional<Long>> started) {
		try (Connection lock = this.dataSource.getConnection()) {
			if (!lock(lock, "select pg_try_advisory_lock(?)")) {
				started.complete(Optional.empty());
				return;
			}
			try {
				if (day != null && this.runs.lastDoneDay().filter((done) -> !done.isBefore(day)).isPresent()) {
					started.complete(Optional.empty());
					return;
				}
				int interrupted = this.runs.markInterrupted();
				if (interrupted > 0) {
					log.warn("{} retention run(s) had been interrupted by a stop of their server", interrupted);
				}
				long runId = this.runs.start(trigger, by);
				started.complete(Optional.of(runId));
				run(runId, trigger, by);
				if (day != null) {
					this.runs.doneDay(day);
				}
			}
			finally {
				lock(lock, "select pg_advisory_unlock(?)");
			}
		}
		catch (SQLException | RuntimeException ex) {
			log.error("Retention could not run: {}", ex.toString(), ex);
			started.complete(Optional.empty());
		}
	}

	private static boolean lock(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, LOCK);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private void run(long runId, String trigger, @Nullable String by) {
		Instant now = Instant.now();
		log.info("Retention run {} started ({}{})", runId, trigger, (by != null) ? " by " + by : "");
		Tally total = new Tally("", null);
		List<Tally> queues = new ArrayList<>();
		String state = "DONE";
		try {
			for (Map.Entry<String, RetentionPolicy> scope : scopes().entrySet()) {
				Tally tally = new Tally(scope.getKey(), scope.getValue().queue());
				@Nullable String queue = scope.getKey().isEmpty() ? null : scope.getKey();
				RetentionPolicy policy = scope.getValue();
				level(this.targets, queue, Level.CALL, policy.metadataDays(), now, tally, total);
				level(this.targets, queue, Level.TRANSCRIPT, policy.transcriptDays(), now, tally, total);
				level(this.targets, queue, Level.AUDIO, policy.audioDays(), now, tally, total);
				if (tally.any()) {
					queues.add(tally);
					this.runs.addQueue(runId, tally.counts());
					log.info("Retention run {}, queue '{}' (policy: {}): {} calls, {} transcripts, {} recording files"
							+ " deleted; {} held calls kept", runId, tally.queue,
							(tally.policyQueue != null) ? tally.policyQueue : "default", tally.calls, tally.transcripts,
							tally.audio, tally.held.size());
				}
				total.held.addAll(tally.held);
			}
		}
		catch (RuntimeException ex) {
			state = "FAILED";
			total.error(ex);
			log.error("Retention run {} failed: {}", runId, ex.toString(), ex);
		}
		this.runs.finish(runId, state, total.total(), total.errors, total.lastError);
		this.metrics.finished(state, total.held.size());
		log.info("Retention run {} {}: {} calls, {} transcripts, {} recording files deleted; {} held calls kept;"
				+ " {} errors", runId, state.toLowerCase(), total.calls, total.transcripts, total.audio,
				total.held.size(), total.errors);
	}

	/**
	 * Which policy each queue follows, by queue ("" for calls in no queue): queues with a policy their own, the rest
	 * and calls in no queue the default.
	 */
	private Map<String, RetentionPolicy> scopes() {
		Map<String, RetentionPolicy> scopes = new LinkedHashMap<>();
		RetentionPolicy fallback = null;
		for (RetentionPolicy policy : this.policies.all()) {
			if (policy.queue() == null) {
				fallback = policy;
			}
			else {
				scopes.put(policy.queue(), policy);
			}
		}
		if (fallback != null && !keepsForever(fallback)) {
			scopes.put("", fallback);
			for (String queue : this.targets.queues()) {
				scopes.putIfAbsent(queue, fallback);
			}
		}
		scopes.values().removeIf(RetentionJob::keepsForever);
		return scopes;
	}

	private static boolean keepsForever(RetentionPolicy policy) {
		return policy.audioDays() == null && policy.transcriptDays() == null && policy.metadataDays() == null;
	}

	/** Pages through the queue's calls older than the level's days; each page is deleted on its own. */
	private void level(RetentionTargets targets, @Nullable String queue, Level level, @Nullable Integer days,
			Instant now, Tally tally, Tally total) {
		if (days == null) {
			return;
		}
		Instant cutoff = now.minus(Duration.ofDays(days));
		int size = this.properties.pageSize();
		long after = 0;
		while (true) {
			List<Long> page = targets.endedBefore(queue, cutoff, level == Level.AUDIO, after, size);
			if (page.isEmpty()) {
				return;
			}
			after = page.get(page.size() - 1);
			try {
				Set<Long> held = this.holds.held(page);
				List<Long> doomed = new ArrayList<>(page);
				doomed.removeAll(held);
				tally.held.addAll(held);
				int deleted = switch (level) {
					case CALL -> targets.deleteCalls(doomed);
					case TRANSCRIPT -> targets.deleteTranscripts(doomed);
					case AUDIO -> targets.deleteAudio(doomed);
				};
				tally.add(level, deleted);
				total.add(level, deleted);
				this.metrics.deleted(level, deleted);
				if (deleted > 0) {
					log.info("Retention: {} {} of queue '{}' deleted (of calls {})", deleted, level.tag,
							(queue != null) ? queue : "", doomed);
				}
			}
			catch (RuntimeException ex) {
				// The page's calls stay and are tried again by the next run; the rest of the run goes on.
				total.error(ex);
				this.metrics.error();
				log.warn("Retention: a page of {} calls of queue '{}' not deleted at level {}: {}", page.size(),
						(queue != null) ? queue : "", level.tag, ex.toString(), ex);
			}
			if (page.size() < size) {
				return;
			}
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** What a run or a queue deleted. */
	private static final class Tally {

		final String queue;

		final @Nullable String policyQueue;

		int audio;

		int transcripts;

		int calls;

		final Set<Long> held = new HashSet<>();

		int errors;

		@Nullable String lastError;

		Tally(String queue, @Nullable String policyQueue) {
			this.queue = queue;
			this.policyQueue = policyQueue;
		}

		void add(Level level, int deleted) {
			switch (level) {
				case CALL -> this.calls += deleted;
				case TRANSCRIPT -> this.transcripts += deleted;
				case AUDIO -> this.audio += deleted;
			}
		}

		void error(Exception ex) {
			this.errors++;
			this.lastError = ex.toString();
		}

		boolean any() {
			return this.audio + this.transcripts + this.calls + this.held.size() > 0;
		}

		RetentionRun.QueueCounts counts() {
			return new RetentionRun.QueueCounts(this.queue, this.policyQueue, total());
		}

		RetentionRun.Counts total() {
			return new RetentionRun.Counts(this.audio, this.transcripts, this.calls, this.held.size());
		}

	}

}
