package io.callqa.telephony.calls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Registers recorded calls and looks them up: the telephony module's use-case facade.
 */
@Service
public class Calls {

	private final CallRepository calls;

	private final RecordingStore store;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final CallTracker tracker;

	Calls(CallRepository calls, RecordingStore store, ApplicationEventPublisher events,
			TransactionTemplate transaction, CallTracker tracker) {
		this.calls = calls;
		this.store = store;
		this.events = events;
		this.transaction = transaction;
		this.tracker = tracker;
	}

	/**
	 * The call an Asterisk channel belongs to (a recording file or an AGI request names its Uniqueid), on any server.
	 * Empty for a channel not seen yet, or seen only in the last few milliseconds before its first write.
	 */
	public Optional<Long> findByUniqueid(String uniqueid) {
		Assert.hasText(uniqueid, "'uniqueid' must not be empty");
		return this.tracker.findByUniqueid(null, uniqueid);
	}

	/** As {@link #findByUniqueid(String)}, on one server. */
	public Optional<Long> findByUniqueid(String server, String uniqueid) {
		Assert.hasText(uniqueid, "'uniqueid' must not be empty");
		return this.tracker.findByUniqueid(server, uniqueid);
	}

	/** The queue a channel's caller is waiting in right now, with when they entered and their place; empty if none. */
	public Optional<LiveQueueEntry> liveEntry(String uniqueid) {
		Assert.hasText(uniqueid, "'uniqueid' must not be empty");
		return this.tracker.liveEntry(uniqueid);
	}

	/**
	 * Stores an uploaded recording and registers its call; the file is written before the transaction opens so that
	 * a long upload holds no database connection, and removed again if the registration fails.
	 * @return the new call's id
	 */
	public long registerUpload(NewRecordedCall call, InputStream audio) throws IOException {
		Assert.notNull(call, "'call' must not be null");
		Path relative = this.store.store(audio, call.fileName());
		try {
			long size = Files.size(this.store.resolve(relative));
			return this.transaction.execute((status) -> register(call, relative, size));
		}
		catch (RuntimeException ex) {
			this.store.deleteQuietly(relative);
			throw ex;
		}
	}

	/**
	 * One recording of a call by its id: a transcription job names its recording, which need not be the one the
	 * call shows when the call has several.
	 */
	public Optional<CallDetails.RecordingFile> recording(long callId, long recordingId) {
		return this.calls.findRecording(callId, recordingId);
	}

	public CallDetails find(long callId) {
		return this.calls.find(callId).orElseThrow(() -> new CallNotFoundException(callId));
	}

	private long register(NewRecordedCall call, Path relative, long size) {
		Instant startedAt = (call.startedAt() != null) ? call.startedAt() : Instant.now();
		long callId = this.calls.insertCall(call, startedAt);
		long recordingId = this.calls.insertRecording(callId, relative, call, size);
		this.events.publishEvent(new CallRecorded(callId, recordingId, this.store.resolve(relative), call.channelMap()));
		return callId;
	}

}
