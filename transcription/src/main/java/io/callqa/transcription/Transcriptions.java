package io.callqa.transcription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules ask of transcription: a call's status and transcript, the backlog, and transcript search.
 */
public interface Transcriptions {

	Optional<TranscriptionStatus> statusOf(long callId);

	Optional<Transcript> transcriptOf(long callId);

	/**
	 * The transcripts of those of these calls that have one, by call id, read in one query: for features that look
	 * at calls in batches (a re-evaluation reads thousands).
	 */
	Map<Long, Transcript> transcriptsOf(Collection<Long> callIds);

	/**
	 * Calls whose transcript was stored at or after {@code since}, by call id above {@code afterCallId}, in id order,
	 * at most {@code limit}: for features that look at every transcript and sweep for the ones they missed.
	 */
	List<Long> transcribedSince(Instant since, long afterCallId, int limit);

	/**
	 * Queues a FAILED transcription again (an admin's retry once the cause is fixed).
	 * @param who who asked, kept with the job
	 * @return the new status; empty if the call's transcription is not FAILED (none, queued, running or done)
	 */
	Optional<TranscriptionStatus> retryFailed(long callId, String who);

	Backlog backlog();

	/**
	 * Something the index holds about the call changed outside this module (its QA score): queues it for re-indexing
	 * in the caller's transaction, so the change and the index's record of it commit together.
	 */
	void callChanged(long callId);

	/** {@link #callChanged(long)} for many calls at once, in one statement (a re-evaluation stores thousands). */
	void callsChanged(java.util.Collection<Long> callIds);

	/**
	 * @throws InvalidSearchException if the query cannot be parsed
	 * @throws SearchUnavailableException if this process keeps no index (a worker-only process)
	 */
	SearchResults search(SearchQuery query);

	/** Whether the search index is being rebuilt and how far; empty if this process keeps no index. */
	Optional<IndexStatus> indexStatus();

}
