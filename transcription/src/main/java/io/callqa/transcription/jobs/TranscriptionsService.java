package io.callqa.transcription.jobs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.transcription.Backlog;
import io.callqa.transcription.Categories;
import io.callqa.transcription.Category;
import io.callqa.transcription.IndexStatus;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.SearchUnavailableException;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;
import io.callqa.transcription.index.IndexOutbox;
import io.callqa.transcription.index.TranscriptIndex;

/**
 * Transcription's front door: the jobs answer for status, retries and the backlog, the stored transcripts for a
 * call's transcript, and the index, where this process keeps one, for search.
 */
@Service
class TranscriptionsService implements Transcriptions {

	private final TranscriptionJobs jobs;

	private final TranscriptRepository transcripts;

	private final ObjectProvider<TranscriptIndex> index;

	private final IndexOutbox outbox;

	private final Categories categories;

	TranscriptionsService(TranscriptionJobs jobs, TranscriptRepository transcripts,
			ObjectProvider<TranscriptIndex> index, IndexOutbox outbox, Categories categories) {
		this.jobs = jobs;
		this.transcripts = transcripts;
		this.index = index;
		this.outbox = outbox;
		this.categories = categories;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TranscriptionStatus> statusOf(long callId) {
		return this.jobs.statusOf(callId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Transcript> transcriptOf(long callId) {
		return this.transcripts.find(callId);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Transcript> transcriptsOf(Collection<Long> callIds) {
		return this.transcripts.findAll(callIds);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Long> transcribedSince(Instant since, long afterCallId, int limit) {
		return this.transcripts.transcribedSince(since, afterCallId, limit);
	}

	@Override
	@Transactional
	public Optional<TranscriptionStatus> retryFailed(long callId, String who) {
		return this.jobs.retryFailed(callId, who) ? this.jobs.statusOf(callId) : Optional.empty();
	}

	@Override
	@Transactional(readOnly = true)
	public Backlog backlog() {
		return this.jobs.backlog();
	}

	@Override
	@Transactional
	public void callChanged(long callId) {
		this.outbox.add(callId);
	}

	@Override
	public void callsChanged(java.util.Collection<Long> callIds) {
		this.outbox.addAll(callIds);
	}

	@Override
	public SearchResults search(SearchQuery query) {
		TranscriptIndex index = this.index.getIfAvailable();
		if (index == null) {
			throw new SearchUnavailableException();
		}
		// Facets and the category filter know only the categories saved now (see TranscriptIndex.search).
		Set<String> saved = this.categories.list().stream().map(Category::name).collect(Collectors.toSet());
		return index.search(query, saved);
	}

	@Override
	public Optional<IndexStatus> indexStatus() {
		return Optional.ofNullable(this.index.getIfAvailable()).map(TranscriptIndex::status);
	}

}
