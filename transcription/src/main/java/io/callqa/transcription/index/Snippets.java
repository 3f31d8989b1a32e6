package io.callqa.transcription.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.callqa.transcription.MatchTime;
import io.callqa.transcription.Snippet;
import io.callqa.transcription.index.HighlightedPassage.Span;

/**
 * Turns one call's highlighted passages into its best snippets, each match with its speaker and second.
 */
final class Snippets {

	static final int MAX = 3;

	private final WordTimes times;

	private final Predicate<String> speakers;

	private Snippets(WordTimes times, Predicate<String> speakers) {
		this.times = times;
		this.speakers = speakers;
	}

	/**
	 * The best {@link #MAX} passages, in text order, keeping only matches said by {@code speakers}: a per-speaker
	 * query is highlighted in the combined text, where other speakers may say the same words.
	 */
	static List<Snippet> of(List<HighlightedPassage> passages, WordTimes times, Predicate<String> speakers) {
		Snippets snippets = new Snippets(times, speakers);
		return passages.stream()
			.flatMap((passage) -> snippets.spoken(passage).stream())
			.sorted(Comparator.comparingDouble(HighlightedPassage::score).reversed())
			.limit(MAX)
			.sorted(Comparator.comparingInt(HighlightedPassage::start))
			.map(snippets::snippet)
			.toList();
	}

	/** The passage with only the matches of the wanted speakers; empty if it had matches but none of theirs. */
	private Optional<HighlightedPassage> spoken(HighlightedPassage passage) {
		List<Span> kept = passage.matches()
			.stream()
			.filter((match) -> this.speakers.test(this.times.speakerAt(match.start())))
			.toList();
		boolean dropped = kept.isEmpty() && !passage.matches().isEmpty();
		return dropped ? Optional.empty() : Optional.of(passage.withMatches(kept));
	}

	private Snippet snippet(HighlightedPassage passage) {
		int lead = passage.text().length() - passage.text().stripLeading().length();
		String text = passage.text().strip();
		int start = passage.start() + lead;
		List<MatchTime> matches = new ArrayList<>();
		for (Span match : passage.matches()) {
			String words = text.substring(match.start() - start, match.end() - start);
			matches.add(this.times.matchTime(words, start, match.start(), match.end(), match.form().label()));
		}
		return new Snippet(text, html(text, matches), matches);
	}

	private static String html(String text, List<MatchTime> matches) {
		StringBuilder html = new StringBuilder(text.length() + 16 * matches.size());
		int at = 0;
		for (MatchTime match : matches) {
			escape(html, text.substring(at, match.start()));
			escape(html.append("<em>"), match.words()).append("</em>");
			at = match.end();
		}
		return escape(html, text.substring(at)).toString();
	}

	private static StringBuilder escape(StringBuilder html, String text) {
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> html.append("&amp;");
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
		}
		return html;
	}

}
