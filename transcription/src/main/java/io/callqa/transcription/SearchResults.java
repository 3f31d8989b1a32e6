package io.callqa.transcription;

import java.util.List;

/**
 * One page of search hits; {@code total} counts every matching call exactly up to 10,000 and is a lower bound beyond.
 */
public record SearchResults(long total, int page, int size, List<SearchHit> hits) {

	public SearchResults {
		hits = List.copyOf(hits);
	}

}
