package io.callqa.telephony.recordings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.callqa.telephony.CallEnded;

import io.callqa.telephony.LifecyclePhases;

/**
 * Collects Asterisk's recordings: when a call ends, its files are waited for until complete (size and time settled)
 * and attached; a periodic sweep attaches files whose call end was missed, and registers files that match no call,
 * so no recording is ever lost. Everything runs on one thread of its own, never on the AMI event thread.
 */
@Component
class RecordingCollector implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RecordingCollector.class);

	private final AsteriskRecordingProperties properties;

	private final RecordingAttacher attacher;

	private final CallRecordings recordings;

	private final Clock clock = Clock.systemUTC();

	private final Map<Long, String> fingerprints = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService executor;

	RecordingCollector(AsteriskRecordingProperties properties, RecordingAttacher attacher, CallRecordings recordings) {
		this.properties = properties;
		this.attacher = attacher;
		this.recordings = recordings;
	}

	@EventListener
	void on(CallEnded call) {
		ScheduledExecutorService executor = this.executor;
		if (this.properties.enabled() && executor != null) {
			Pending pending = new Pending(call.callId(), call.uniqueids(), this.clock.instant());
			try {
				executor.schedule(() -> collect(pending), this.properties.settle().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Stopping: the sweep after the next start attaches the files.
			}
		}
	}

	/**
	 * One sweep of the directory, now; also run every {@code sweepInterval}. The directory is listed again once the
	 * calls of the sets to attach were found ended, and a set is attached only if it is still the same: a listing taken
	 * while its call was going on lacks the files created since (the per-party pair starts when an agent answers), and
	 * attaching the rest would make the mixed file the call's first recording.
	 */
	void sweep() {
		try {
			List<Due> due = new ArrayList<>();
			for (RecordingSet set : RecordingSet.group(RecordingFiles.list(dir()))) {
				due(set).ifPresent(due::add);
			}
			if (due.isEmpty()) {
				return;
			}
			Map<String, RecordingSet> now = new HashMap<>();
			RecordingSet.group(RecordingFiles.list(dir())).forEach((set) -> now.put(set.stem(), set));
			for (Due next : due) {
				RecordingSet current = now.get(next.set().stem());
				if (current != null && Set.copyOf(current.all()).equals(Set.copyOf(next.set().all()))) {
					attach(next);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Sweep of {} failed: {}", dir(), ex.getMessage());
		}
	}

	private void collect(Pending pending) {
		try {
			List<RecordingSet> sets = RecordingSet.group(RecordingFiles.find(dir(), pending.uniqueids()));
			if (sets.isEmpty()) {
				retryOrGiveUp(pending, "no recording file found for Uniqueid " + String.join(", ", pending.uniqueids()));
				return;
			}
			if (!settled(pending.callId(), sets)) {
				retryOrGiveUp(pending, "recording still being written");
				return;
			}
			for (RecordingSet set : sets) {
				this.attacher.attach(pending.callId(), set, "CALL_END");
			}
			forget(pending);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Call {}: recording not attached ({}); the sweep retries", pending.callId(), ex.getMessage());
			this.recordings.noteAnomaly(pending.callId(), "recording not attached: " + ex.getMessage());
		}
	}

	private void retryOrGiveUp(Pending pending, String reason) {
		ScheduledExecutorService executor = this.executor;
		if (executor == null) {
			return; // stopping: left to the sweep after the next start
		}
		if (Duration.between(pending.endedAt(), this.clock.instant()).compareTo(this.properties.waitMax()) < 0) {
			executor.schedule(() -> collect(pending), this.properties.settle().toMillis(), TimeUnit.MILLISECONDS);
			return;
		}
		forget(pending);
		logger.warn("Call {}: {} {} s after it ended; left to the sweep", pending.callId(), reason,
				this.properties.waitMax().toSeconds());
		this.recordings.noteAnomaly(pending.callId(), reason + " when the call ended");
	}

	/** A call's files are settled once: their fingerprints would otherwise pile up for the server's lifetime. */
	private void forget(Pending pending) {
		this.fingerprints.remove(pending.callId());
	}

	/** True once every file of the call kept its size and time since the previous look. */
	private boolean settled(long callId, List<RecordingSet> sets) throws IOException {
		StringBuilder print = new StringBuilder();
		for (RecordingSet set : sets) {
			print.append(set.fingerprint()).append('\n');
		}
		return print.toString().equals(this.fingerprints.put(callId, print.toString()));
	}

	/** Whether the set is to be attached: to the ended call it belongs to, or as an orphan (owner null). */
	private Optional<Due> due(RecordingSet set) throws IOException {
		if (allAttached(set) || set.lastModified().isAfter(this.clock.instant().minus(this.properties.sweepMinAge()))) {
			return Optional.empty();
		}
		Optional<CallRecordings.LegOwner> owner = this.recordings.findByUniqueid(set.candidates());
		if (owner.isPresent() && !owner.get().live()) {
			return Optional.of(new Due(set, owner.get().callId()));
		}
		if (owner.isEmpty() && set.lastModified().isBefore(this.clock.instant().minus(this.properties.orphanAge()))) {
			return Optional.of(new Due(set, null));
		}
		return Optional.empty();
	}

	private void attach(Due due) throws IOException {
		RecordingSet set = due.set();
		if (due.callId() != null) {
			logger.info("Sweep: attaching {} to call {} (its end was missed)", set.all(), due.callId());
			this.attacher.attach(due.callId(), set, "SWEEP");
			return;
		}
		long callId = this.recordings.registerOrphan(set.candidates(), set.lastModified(),
				"recording found without call events (" + set.stem() + ")");
		logger.warn("Sweep: {} matches no call; registered as call {}", set.all(), callId);
		this.attacher.attach(callId, set, "SWEEP");
	}

	private boolean allAttached(RecordingSet set) {
		boolean pair = !set.hasPair() || this.recordings.isAttached(RecordingSet.pairKey(set.agent(), set.customer()));
		return pair && set.mixed().stream().allMatch((file) -> this.recordings.isAttached(RecordingSet.key(file)));
	}

	private Path dir() {
		return this.properties.dir();
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "recordings");
			thread.setDaemon(true);
			return thread;
		});
		// On stop, waits for files still settling are dropped (the sweep after the next start attaches them).
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
		this.executor = executor;
		long interval = this.properties.sweepInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
		logger.info("Collecting Asterisk recordings from {}", dir().toAbsolutePath());
	}

	/** A file being attached is finished, not interrupted half-copied. */
	@Override
	public void stop() {
		ScheduledExecutorService executor = this.executor;
		this.executor = null;
		if (executor != null) {
			executor.shutdown();
			try {
				executor.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.RECORDING_COLLECTOR;
	}

	private record Pending(long callId, List<String> uniqueids, Instant endedAt) {
	}

	/** A set the sweep attaches, to its ended call or (callId null) to a call registered for it. */
	private record Due(RecordingSet set, @Nullable Long callId) {
	}

}
