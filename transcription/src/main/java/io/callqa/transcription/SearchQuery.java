package io.callqa.transcription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A transcript search: query text in classic Lucene syntax (blank or {@code *:*} lists calls newest first), how its
 * words match, filters that narrow the hits without changing their scores, and the page wanted.
 *
 * <p>{@code agentScope}, when set, limits the search to that agent's calls whatever the filters say (an agent
 * searching). {@code page} is 0-based, {@code size} is 1 to 100, and {@code (page + 1) * size} may be at most 10,000.
 * {@code facets} asks for facet counts over all matching calls.
 */
public record SearchQuery(String text, Matching matching, SearchFilters filters, @Nullable String agentScope,
		int page, int size, boolean facets) {

	/** A stemmed search with the first search form's filters, no scope and no facets. */
	public SearchQuery(String text, @Nullable String agent, @Nullable String queue, @Nullable Instant from,
			@Nullable Instant to, @Nullable Double minDurationSec, @Nullable Double maxDurationSec, int page,
			int size) {
		this(text, Matching.STEMMED, SearchFilters.of(agent, queue, from, to, minDurationSec, maxDurationSec), null,
				page, size, false);
	}

	/** The first ten hits of a stemmed search, unfiltered. */
	public static SearchQuery of(String text) {
		return new SearchQuery(text, Matching.STEMMED, SearchFilters.none(), null, 0, 10, false);
	}

	public SearchQuery with(Matching matching) {
		return new SearchQuery(this.text, matching, this.filters, this.agentScope, this.page, this.size, this.facets);
	}

	public SearchQuery with(SearchFilters filters) {
		return new SearchQuery(this.text, this.matching, filters, this.agentScope, this.page, this.size, this.facets);
	}

	public SearchQuery page(int page, int size) {
		return new SearchQuery(this.text, this.matching, this.filters, this.agentScope, page, size, this.facets);
	}

	public SearchQuery scopedTo(@Nullable String agent) {
		return new SearchQuery(this.text, this.matching, this.filters, agent, this.page, this.size, this.facets);
	}

	public SearchQuery withFacets() {
		return new SearchQuery(this.text, this.matching, this.filters, this.agentScope, this.page, this.size, true);
	}

}
