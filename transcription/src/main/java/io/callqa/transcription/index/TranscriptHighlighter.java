package io.callqa.transcription.index;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * A UnifiedHighlighter of the combined text that returns {@link HighlightedPassage} objects. Offsets come from the
 * postings, and matches are taken from the query's Weight (the Matches API), so phrases, proximity, prefix and fuzzy
 * terms are highlighted as they matched; per-speaker field queries are highlighted in the combined text too.
 *
 * <p>Matches in the other {@link WordForm forms} ({@code exact}, {@code sounds} and their per-speaker fields) are
 * highlighted in the combined text through masked fields: their tokens have the combined text's offsets. Each form's
 * matches are found in its own field's postings, and carry their form in their term (see {@link FormTagged}), so the
 * snippet can say which form matched.
 */
final class TranscriptHighlighter extends UnifiedHighlighter {

	/** More passages than a hit shows, so that some are left after those of other speakers are dropped. */
	static final int PASSAGES = 10;

	/** About 20 words of Vosk's mostly short words, the match centred in them. */
	static final int SNIPPET_CHARS = 120;

	private static final String[] FIELDS = { TranscriptFields.TEXT };

	private static final Set<String> MASKED = Set.of(TranscriptFields.EXACT, TranscriptFields.SOUNDS);

	private TranscriptHighlighter(Builder builder) {
		super(builder);
	}

	static TranscriptHighlighter of(IndexSearcher searcher, Analyzer analyzer) {
		return new TranscriptHighlighter(builder(searcher, analyzer)
			.withMaskedFieldsFunc((field) -> field.equals(FIELDS[0]) ? MASKED : Set.of())
			// the default (10,000 chars) would leave the end of a long call's transcript unhighlighted
			.withMaxLength(Integer.MAX_VALUE - 1)
			// no punctuation means no sentences: cut snippets by length instead, on word boundaries
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
			.withFormatter(new PassageCollector())
			.withMaxNoHighlightPassages(1));
	}

	/**
	 * Which query fields are highlighted through the postings of {@code field}: those holding the same form of
	 * spoken words, whoever said them ({@code said_by_agent_exact} through {@code exact}).
	 */
	@Override
	protected Predicate<String> getFieldMatcher(String field) {
		WordForm form = TranscriptFields.formOf(field);
		return (queried) -> form != null && TranscriptFields.formOf(queried) == form;
	}

	@Override
	protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource, UHComponents components) {
		FieldOffsetStrategy strategy = super.getOffsetStrategy(offsetSource, components);
		WordForm form = TranscriptFields.formOf(components.getField());
		return (form != null) ? new FormTagged(components, strategy, form) : strategy;
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

	/**
	 * The matches of one form's field, their terms prefixed with the form's ordinal: the highlighter merges the
	 * matches of all the forms into one passage, where a match's term is all that is left of where it came from.
	 */
	private static final class FormTagged extends FieldOffsetStrategy {

		private final FieldOffsetStrategy strategy;

		private final WordForm form;

		FormTagged(UHComponents components, FieldOffsetStrategy strategy, WordForm form) {
			super(components);
			this.strategy = strategy;
			this.form = form;
		}

		@Override
		public OffsetSource getOffsetSource() {
			return this.strategy.getOffsetSource();
		}

		@Override
		public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
			OffsetsEnum matches = this.strategy.getOffsetsEnum(reader, docId, content);
			return (matches == OffsetsEnum.EMPTY) ? matches : new Tagged(matches, (byte) this.form.ordinal());
		}

	}

	/**
	 * Another OffsetsEnum's matches, each term prefixed with a tag byte.
	 */
	private static final class Tagged extends OffsetsEnum {

		private final OffsetsEnum matches;

		private final byte tag;

		Tagged(OffsetsEnum matches, byte tag) {
			this.matches = matches;
			this.tag = tag;
		}

		@Override
		public boolean nextPosition() throws IOException {
			return this.matches.nextPosition();
		}

		@Override
		public int freq() throws IOException {
			return this.matches.freq();
		}

		@Override
		public BytesRef getTerm() throws IOException {
			BytesRef term = this.matches.getTerm();
			byte[] tagged = new byte[term.length + 1];
			tagged[0] = this.tag;
			System.arraycopy(term.bytes, term.offset, tagged, 1, term.length);
			return new BytesRef(tagged);
		}

		@Override
		public int startOffset() throws IOException {
			return this.matches.startOffset();
		}

		@Override
		public int endOffset() throws IOException {
			return this.matches.endOffset();
		}

		@Override
		public void close() throws IOException {
			this.matches.close();
		}

	}

	/** The form a match's term was tagged with. */
	static WordForm formOf(BytesRef term) {
		return WordForm.values()[term.bytes[term.offset]];
	}

}
