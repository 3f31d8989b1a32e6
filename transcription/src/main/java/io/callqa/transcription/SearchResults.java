package io.callqa.transcription;

import java.util.List;
import java.util.Map;

/**
 * One page of search hits. {@code total} counts every matching call exactly, at any depth. {@code facets}: per facet
 * (agent, queue, outcome, category) the counts of its values over all matching calls, most first, and
 * {@code autoScore} the calls per automatic score band ({@code <50}, {@code 50-69}, {@code 70-84}, {@code 85-100},
 * {@code none}; in that order, bands without a call left out); empty unless asked.
 */
public record SearchResults(long total, int page, int size, List<SearchHit> hits,
		Map<String, List<FacetCount>> facets) {

	public SearchResults {
		hits = List.copyOf(hits);
		facets = Map.copyOf(facets);
	}

	public SearchResults(long total, int page, int size, List<SearchHit> hits) {
		this(total, page, size, hits, Map.of());
	}

}
