package io.callqa.transcription.index;

import java.util.List;

/**
 * A passage the highlighter chose: its text and char range in the combined text, its score and its matches (char
 * ranges in the combined text, overlaps merged, each with the best form that matched there).
 */
record HighlightedPassage(String text, int start, float score, List<Span> matches) {

	HighlightedPassage {
		matches = List.copyOf(matches);
	}

	HighlightedPassage withMatches(List<Span> kept) {
		return new HighlightedPassage(this.text, this.start, this.score, kept);
	}

	/**
	 * A range of chars, {@code end} exclusive, and the form of the words that matched there.
	 */
	record Span(int start, int end, WordForm form) {
	}

}
