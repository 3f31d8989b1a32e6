package io.callqa.qaconsole.search;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.Transcriptions;

/**
 * Searches transcripts: Lucene query syntax in {@code q}, filters by agent, queue, time and duration, paged.
 */
@RestController
class SearchController {

	private final Transcriptions transcriptions;

	SearchController(Transcriptions transcriptions) {
		this.transcriptions = transcriptions;
	}

	@GetMapping("/api/search")
	SearchResults search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue, @RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Double minDuration,
			@RequestParam(required = false) @Nullable Double maxDuration, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CallQaUser user) {
		// An agent searches their own calls only, whatever agent the request names.
		if (user.agentScope() != null) {
			agent = user.agentScope();
		}
		return this.transcriptions
			.search(new SearchQuery(q, agent, queue, from, to, minDuration, maxDuration, page, size));
	}

}
