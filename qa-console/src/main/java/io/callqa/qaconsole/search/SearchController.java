package io.callqa.qaconsole.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.Transcriptions;

/**
 * Searches transcripts: Lucene query syntax in {@code q}, filters by agent, queue, time and duration, paged.
 */
@RestController
class SearchController {

	private final Transcriptions transcriptions;

	/** Outcome and score filters look at this many best hits (the index does not hold them). */
	private static final int FILTERED_WINDOW = 1_000;

	private static final int WINDOW_PAGE = 100;

	private final CallFacts facts;

	SearchController(Transcriptions transcriptions, CallFacts facts) {
		this.transcriptions = transcriptions;
		this.facts = facts;
	}

	@GetMapping("/api/search")
	SearchResults search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue, @RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Double minDuration,
			@RequestParam(required = false) @Nullable Double maxDuration, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable Double minScore,
			@RequestParam(required = false) @Nullable Double maxScore,
			@RequestParam(name = "matching", defaultValue = "stemmed") String matchingName,
			@AuthenticationPrincipal CallQaUser user) {
		Matching how = Matching.of(matchingName);
		// An agent searches their own calls only, whatever agent the request names.
		String scoped = (user.agentScope() != null) ? user.agentScope() : agent;
		if (outcome == null && minScore == null && maxScore == null) {
			return this.transcriptions
				.search(new SearchQuery(q, scoped, queue, from, to, minDuration, maxDuration, page, size).with(how));
		}
		List<SearchHit> window = new ArrayList<>();
		for (int at = 0; at * WINDOW_PAGE < FILTERED_WINDOW; at++) {
			List<SearchHit> hits = this.transcriptions
				.search(new SearchQuery(q, scoped, queue, from, to, minDuration, maxDuration, at, WINDOW_PAGE).with(how))
				.hits();
			window.addAll(hits);
			if (hits.size() < WINDOW_PAGE) {
				break;
			}
		}
		Set<Long> matching = this.facts.matching(window.stream().map(SearchHit::callId).toList(), outcome, minScore,
				maxScore);
		List<SearchHit> kept = window.stream().filter((hit) -> matching.contains(hit.callId())).toList();
		int start = Math.min(kept.size(), Math.max(0, page) * Math.max(1, size));
		return new SearchResults(kept.size(), page, size, kept.subList(start, Math.min(kept.size(), start + size)));
	}

}
