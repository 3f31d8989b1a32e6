package io.callqa.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The calls the telephony module knows, followed on Asterisk or registered by upload: looking them up, listing them
 * and registering an uploaded recording. The only way other modules read the {@code call} and {@code recording}
 * tables.
 */
public interface Calls {

	/** The call with its recording (the one transcribed when it has several); {@link CallNotFoundException} if none. */
	CallDetails find(long callId);

	/** Calls matching the filter, newest first. */
	List<CallSummary> list(CallFilter filter);

	/** The list items of these calls by id; ids of no call are absent from the map. */
	Map<Long, CallSummary> summaries(Collection<Long> callIds);

	/** The ids of {@code agent}'s calls started in [from, to) that have a recording. */
	List<Long> recordedCallIds(String agent, Instant from, Instant to);

	/** The call {@code agent} is talking on now, if any (answered, not ended). */
	Optional<CallSummary> liveCallOf(String agent);

	/** The caller's earlier calls (newest first, without {@code excludeCallId}), open callbacks and last survey. */
	CallerHistory history(String number, @Nullable Long excludeCallId, int limit);

	/**
	 * The call an Asterisk channel belongs to (a recording file or an AGI request names its Uniqueid), on any server.
	 * Empty for a channel not seen yet, or seen only in the last few milliseconds before its first write.
	 */
	Optional<Long> findByUniqueid(String uniqueid);

	/** The queue a channel's caller is waiting in right now, with when they entered and their place; empty if none. */
	Optional<LiveQueueEntry> liveEntry(String uniqueid);

	/**
	 * Stores an uploaded recording and registers its call, announcing {@link CallRecorded}.
	 * @return the new call's id
	 */
	long registerUpload(NewRecordedCall call, InputStream audio) throws IOException;

	/**
	 * One recording of a call by its id: a transcription job names its recording, which need not be the one the
	 * call shows when the call has several.
	 */
	Optional<CallDetails.RecordingFile> recording(long callId, long recordingId);

}
