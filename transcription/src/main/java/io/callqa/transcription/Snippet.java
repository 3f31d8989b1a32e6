package io.callqa.transcription;

import java.util.List;

/**
 * A stretch of transcript around some matches. {@code text}: plain snippet text; {@code html}: the same, HTML-escaped,
 * matches wrapped in {@code <em>}; {@code matches}: each highlighted match, in text order.
 */
public record Snippet(String text, String html, List<MatchTime> matches) {

	public Snippet {
		matches = List.copyOf(matches);
	}

}
