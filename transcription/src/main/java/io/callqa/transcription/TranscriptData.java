package io.callqa.transcription;

import java.util.Collection;

/**
 * What transcription keeps of calls, deleted for retention or erasure on request. The rows go in the caller's
 * transaction, before telephony deletes the recordings or calls they refer to; the index follows after the commit
 * ({@link #purgeIndex}), so no segment on disk keeps a deleted document.
 */
public interface TranscriptData {

	/**
	 * Deletes the transcripts (utterances and their words) and the transcription jobs (with their checkpoints) of
	 * these calls, and queues the calls for re-indexing: their documents keep the calls' facts, searchable by filters,
	 * and lose every word (an uploaded call without a transcript has no document). Returns the transcripts deleted.
	 */
	int deleteTranscripts(Collection<Long> callIds);

	/**
	 * Deletes everything transcription keeps of these calls (transcripts, jobs, index outbox rows) before telephony
	 * deletes the calls themselves; their documents are removed by {@link #purgeIndex} after the commit. Returns the
	 * transcripts deleted.
	 */
	int forgetCalls(Collection<Long> callIds);

	/**
	 * After the commit of {@link #deleteTranscripts} or {@link #forgetCalls}: brings the index up to date, removes the
	 * documents of the forgotten calls, and merges away every deleted document, so the words are in no file of the
	 * index. False when this process keeps no index (the process that does applies the re-indexing; forgotten calls'
	 * documents then stay until this is called there).
	 */
	boolean purgeIndex(Collection<Long> forgottenCallIds);

}
