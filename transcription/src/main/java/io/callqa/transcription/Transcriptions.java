package io.callqa.transcription;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.transcription.index.TranscriptIndex;
import io.callqa.transcription.jobs.TranscriptionJobs;
import io.callqa.transcription.transcripts.TranscriptRepository;

/**
 * What other modules ask of transcription: a call's status and transcript, the backlog, and transcript search.
 */
@Service
public class Transcriptions {

	private final TranscriptionJobs jobs;

	private final TranscriptRepository transcripts;

	private final ObjectProvider<TranscriptIndex> index;

	Transcriptions(TranscriptionJobs jobs, TranscriptRepository transcripts, ObjectProvider<TranscriptIndex> index) {
		this.jobs = jobs;
		this.transcripts = transcripts;
		this.index = index;
	}

	@Transactional(readOnly = true)
	public Optional<TranscriptionStatus> statusOf(long callId) {
		return this.jobs.statusOf(callId);
	}

	@Transactional(readOnly = true)
	public Optional<Transcript> transcriptOf(long callId) {
		return this.transcripts.find(callId);
	}

	/**
	 * Queues a FAILED transcription again (an admin's retry once the cause is fixed).
	 * @param who who asked, kept with the job
	 * @return the new status; empty if the call's transcription is not FAILED (none, queued, running or done)
	 */
	@Transactional
	public Optional<TranscriptionStatus> retryFailed(long callId, String who) {
		return this.jobs.retryFailed(callId, who) ? this.jobs.statusOf(callId) : Optional.empty();
	}

	@Transactional(readOnly = true)
	public Backlog backlog() {
		return this.jobs.backlog();
	}

	/**
	 * @throws InvalidSearchException if the query cannot be parsed
	 * @throws SearchUnavailableException if this process keeps no index (a worker-only process)
	 */
	public SearchResults search(SearchQuery query) {
		TranscriptIndex index = this.index.getIfAvailable();
		if (index == null) {
			throw new SearchUnavailableException();
		}
		return index.search(query);
	}

}
