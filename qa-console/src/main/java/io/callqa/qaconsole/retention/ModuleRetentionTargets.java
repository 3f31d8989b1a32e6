package io.callqa.qaconsole.retention;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.callqa.qaconsole.calldata.CallDeletion;
import io.callqa.telephony.CallData;
import io.callqa.transcription.TranscriptData;
import io.callqa.transcription.Transcriptions;

/**
 * Retention's targets through the modules' deletion: telephony's {@link CallData} finds the calls and deletes
 * recordings, transcription's {@link TranscriptData} the transcripts and their words in the index, and
 * {@link CallDeletion} whole calls (every feature's rows, then transcription's, then telephony's).
 */
@Component
class ModuleRetentionTargets implements RetentionTargets {

	private final CallData calls;

	private final TranscriptData transcripts;

	private final CallDeletion deletion;

	private final Transcriptions transcriptions;

	ModuleRetentionTargets(CallData calls, TranscriptData transcripts, CallDeletion deletion,
			Transcriptions transcriptions) {
		this.calls = calls;
		this.transcripts = transcripts;
		this.deletion = deletion;
		this.transcriptions = transcriptions;
	}

	@Override
	public List<Long> endedBefore(@Nullable String queue, Instant endedBefore, boolean withRecordingOnly,
			long afterCallId, int limit) {
		return this.calls.endedBefore(queue, endedBefore, withRecordingOnly, afterCallId, limit);
	}

	@Override
	public List<String> queues() {
		return this.calls.queues();
	}

	@Override
	public int deleteAudio(Collection<Long> callIds) {
		return callIds.isEmpty() ? 0 : this.calls.deleteRecordings(callIds);
	}

	@Override
	public int deleteTranscripts(Collection<Long> callIds) {
		// Only calls that still have a transcription: the daily pass goes over every call past the transcript's days,
		// and deleting re-indexes each call it is given.
		List<Long> transcribed = callIds.stream()
			.filter((call) -> this.transcriptions.statusOf(call).isPresent())
			.toList();
		if (transcribed.isEmpty()) {
			return 0;
		}
		int deleted = this.transcripts.deleteTranscripts(transcribed);
		// The words leave the index's files too, not only its live documents.
		this.transcripts.purgeIndex(List.of());
		return deleted;
	}

	@Override
	public int deleteCalls(Collection<Long> callIds) {
		return callIds.isEmpty() ? 0 : this.deletion.deleteCalls(callIds);
	}

}
