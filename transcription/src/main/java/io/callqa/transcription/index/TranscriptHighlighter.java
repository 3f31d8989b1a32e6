package io.callqa.transcription.index;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;

/**
 * A UnifiedHighlighter of the combined text that returns {@link HighlightedPassage} objects. Offsets come from the
 * postings, and matches are taken from the query's Weight (the Matches API), so phrases, proximity, prefix and fuzzy
 * terms are highlighted as they matched; per-speaker field queries are highlighted in the combined text too.
 */
final class TranscriptHighlighter extends UnifiedHighlighter {

	/** More passages than a hit shows, so that some are left after those of other speakers are dropped. */
	static final int PASSAGES = 10;

	/** About 20 words of Vosk's mostly short words, the match centred in them. */
	static final int SNIPPET_CHARS = 120;

	private static final String[] FIELDS = { TranscriptFields.TEXT };

	private TranscriptHighlighter(Builder builder) {
		super(builder);
	}

	static TranscriptHighlighter of(IndexSearcher searcher, Analyzer analyzer) {
		return new TranscriptHighlighter(builder(searcher, analyzer).withFieldMatcher(TranscriptFields::isSpoken)
			// the default (10,000 chars) would leave the end of a long call's transcript unhighlighted
			.withMaxLength(Integer.MAX_VALUE - 1)
			// no punctuation means no sentences: cut snippets by length instead, on word boundaries
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
			.withFormatter(new PassageCollector())
			.withMaxNoHighlightPassages(1));
	}

	/** The passages of each document, in the order of {@code docIds}; the opening words if nothing matched. */
	List<List<HighlightedPassage>> highlight(Query query, int[] docIds) throws IOException {
		Object[] passages = highlightFieldsAsObjects(FIELDS, query, docIds, new int[] { PASSAGES }).get(FIELDS[0]);
		return Arrays.stream(passages).map(TranscriptHighlighter::passages).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<HighlightedPassage> passages(@Nullable Object formatted) {
		return (formatted != null) ? (List<HighlightedPassage>) formatted : List.of();
	}

}
