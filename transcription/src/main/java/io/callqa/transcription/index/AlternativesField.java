package io.callqa.transcription.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * A field of the {@link WordForm#ALTERNATIVE alternatives} form: the words' stems, as the analyzer gives them, with
 * the stems of each word's alternatives stacked at its position and with its offsets (like synonyms), so that
 * phrases may mix words and alternatives and a match is highlighted on the word it was heard instead of. A field
 * value rather than an analyzer, since an analyzer sees only text; the stream is made anew each time it is asked for
 * (category tagging reads the document before the index writer does).
 */
final class AlternativesField extends Field {

	/** Per start offset of a word in the text, the stems of its alternatives that are not its own stems. */
	private final Map<Integer, List<String>> stems;

	/**
	 * @param alternatives per start offset of a word in {@code text}, its alternatives as heard
	 */
	AlternativesField(String name, String text, Map<Integer, List<String>> alternatives, FieldType type) {
		super(name, text, type);
		this.stems = stems(alternatives);
	}

	/** Per offset, the stems of the alternatives there. */
	static Map<Integer, List<String>> stems(Map<Integer, List<String>> alternatives) {
		Map<Integer, List<String>> stems = new HashMap<>();
		alternatives.forEach((offset, words) -> {
			Set<String> distinct = new LinkedHashSet<>();
			words.forEach((word) -> distinct.addAll(TranscriptAnalyzer.stemsOf(word)));
			if (!distinct.isEmpty()) {
				stems.put(offset, List.copyOf(distinct));
			}
		});
		return stems;
	}

	@Override
	public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
		return stacked(analyzer.tokenStream(name(), stringValue()), this.stems);
	}

	/** The tokens of {@code words} with the {@link #stems} at each token's start offset stacked after it. */
	static TokenStream stacked(TokenStream words, Map<Integer, List<String>> stems) {
		return new Stacked(words, stems);
	}

	private static final class Stacked extends TokenFilter {

		private final Map<Integer, List<String>> stems;

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		private final Deque<String> pending = new ArrayDeque<>();

		private int start;

		private int end;

		Stacked(TokenStream input, Map<Integer, List<String>> stems) {
			super(input);
			this.stems = stems;
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!this.pending.isEmpty()) {
				clearAttributes();
				this.term.setEmpty().append(this.pending.poll());
				this.offset.setOffset(this.start, this.end);
				this.increment.setPositionIncrement(0);
				return true;
			}
			if (!this.input.incrementToken()) {
				return false;
			}
			List<String> alternatives = this.stems.get(this.offset.startOffset());
			if (alternatives != null) {
				String own = this.term.toString();
				this.start = this.offset.startOffset();
				this.end = this.offset.endOffset();
				alternatives.stream().filter((stem) -> !stem.equals(own)).forEach(this.pending::add);
			}
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.pending.clear();
		}

	}

}
