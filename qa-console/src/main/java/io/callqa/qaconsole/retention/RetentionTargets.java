package io.callqa.qaconsole.retention;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What retention finds and deletes, across the modules: the calls by age and queue, and the three levels of a call.
 * Each delete returns what it deleted (recording files, transcripts, calls).
 */
interface RetentionTargets {

	/** See {@link io.callqa.telephony.CallData#endedBefore}. */
	List<Long> endedBefore(@Nullable String queue, Instant endedBefore, boolean withRecordingOnly, long afterCallId,
			int limit);

	/** The queues calls were taken in. */
	List<String> queues();

	/** The recordings and their files; the transcript stays. */
	int deleteAudio(Collection<Long> callIds);

	/** The transcripts, their utterances and the index's words; the call's facts stay searchable. */
	int deleteTranscripts(Collection<Long> callIds);

	/** Everything about the calls in every module, and the calls. */
	int deleteCalls(Collection<Long> callIds);

}
