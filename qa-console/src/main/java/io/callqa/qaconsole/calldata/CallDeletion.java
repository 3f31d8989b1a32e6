package io.callqa.qaconsole.calldata;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.telephony.CallData;
import io.callqa.transcription.TranscriptData;

/**
 * Deletes calls, or their recordings, across the modules for retention: every console feature's rows first, then
 * transcription's, then telephony's, in one transaction; the recording files after the commit (telephony), then the
 * search index is purged so no file of it keeps a deleted document.
 */
@Service
public class CallDeletion {

	private final List<CallRows> features;

	private final TranscriptData transcripts;

	private final CallData calls;

	private final TransactionTemplate transaction;

	CallDeletion(List<CallRows> features, TranscriptData transcripts, CallData calls, TransactionTemplate transaction) {
		this.features = features;
		this.transcripts = transcripts;
		this.calls = calls;
		this.transaction = transaction;
	}

	/** Deletes every row and file of these calls; the number of calls deleted. */
	public int deleteCalls(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return 0;
		}
		Integer deleted = this.transaction.execute((status) -> {
			this.features.forEach((feature) -> feature.delete(callIds));
			this.transcripts.forgetCalls(callIds);
			return this.calls.deleteCalls(callIds);
		});
		this.transcripts.purgeIndex(callIds);
		return (deleted != null) ? deleted : 0;
	}

	/**
	 * Deletes the recordings of these calls with their transcripts (a transcript is made from its recording); the calls
	 * stay, searchable by their facts. The number of recording files deleted.
	 */
	public int deleteRecordings(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return 0;
		}
		Integer files = this.transaction.execute((status) -> {
			this.transcripts.deleteTranscripts(callIds);
			return this.calls.deleteRecordings(callIds);
		});
		this.transcripts.purgeIndex(List.of());
		return (files != null) ? files : 0;
	}

}
