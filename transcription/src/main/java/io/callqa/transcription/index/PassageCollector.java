package io.callqa.transcription.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import io.callqa.transcription.index.HighlightedPassage.Span;

/**
 * A passage formatter that returns the passages as {@link HighlightedPassage} objects rather than marked-up strings,
 * because each match still has to be mapped to a speaker and a second before it becomes a snippet.
 */
final class PassageCollector extends PassageFormatter {

	@Override
	public List<HighlightedPassage> format(Passage[] passages, String content) {
		return Arrays.stream(passages).map((passage) -> copy(passage, content)).toList();
	}

	/**
	 * Copies what is needed now: the highlighter reuses its Passage objects. The passage is widened to hold all its
	 * matches: the highlighter adds a match to the passage it starts in without moving the passage's end, so a phrase
	 * or proximity match that starts near the end (a repeated word, "follow follow follow", or a second match of
	 * "follow case"~5) may end past it.
	 */
	private static HighlightedPassage copy(Passage passage, String content) {
		List<Span> matches = new ArrayList<>();
		int start = passage.getStartOffset();
		int end = passage.getEndOffset();
		for (int i = 0; i < passage.getNumMatches(); i++) {
			Span match = new Span(passage.getMatchStarts()[i], passage.getMatchEnds()[i],
					TranscriptHighlighter.formOf(passage.getMatchTerms()[i]));
			merge(matches, match);
			start = Math.min(start, match.start());
			end = Math.max(end, match.end());
		}
		String text = content.substring(start, Math.min(end, content.length()));
		return new HighlightedPassage(text, start, passage.getScore(), matches);
	}

	/**
	 * Adds a match (they come sorted by start), merged with the previous one if they overlap; the merged match has the
	 * better form of the two, as the same words matching exactly and by their stem or sound are an exact match.
	 */
	private static void merge(List<Span> matches, Span match) {
		Span last = matches.isEmpty() ? null : matches.get(matches.size() - 1);
		if (last != null && match.start() < last.end()) {
			matches.set(matches.size() - 1,
					new Span(last.start(), Math.max(last.end(), match.end()), last.form().best(match.form())));
		}
		else {
			matches.add(match);
		}
	}

}
