package io.callqa.transcription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What other modules ask of transcription: a call's status and transcript, the backlog, and transcript search.
 */
public interface Transcriptions {

	Optional<TranscriptionStatus> statusOf(long callId);

	Optional<Transcript> transcriptOf(long callId);

	/**
	 * The ids of calls that have a stored transcript, ascending, after {@code afterCallId}, at most {@code limit}: for
	 * sweeps over transcribed calls (automatic scoring). {@code storedSince}, when given, keeps only transcripts stored
	 * from that instant on.
	 */
	List<Long> transcribedCallIds(@Nullable Instant storedSince, long afterCallId, int limit);

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

	/**
	 * @throws InvalidSearchException if the query cannot be parsed
	 * @throws SearchUnavailableException if this process keeps no index (a worker-only process)
	 */
	SearchResults search(SearchQuery query);

	/** Whether the search index is being rebuilt and how far; empty if this process keeps no index. */
	Optional<IndexStatus> indexStatus();

}
