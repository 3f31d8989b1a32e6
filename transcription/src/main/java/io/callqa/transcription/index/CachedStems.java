package io.callqa.transcription.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The stems of lower-cased words, each word stemmed once: a call's text is analysed into five stemmed fields (the
 * text, its pairs, triples and near pairs, each speaker's words), and the stemming chain, run per token, was a sixth
 * of indexing a call. The chain ({@code stemming}) only ever sees one word at a time, so a word's stem is the same
 * wherever it is said, and is kept in a map shared by every field and thread, emptied when it grows past
 * {@link #MAX_WORDS}.
 */
final class CachedStems extends TokenFilter {

	/** Words kept: more than a call centre says, fewer than the synthetic calls' made-up words. */
	static final int MAX_WORDS = 200_000;

	private static final Map<String, String> STEMS = new ConcurrentHashMap<>();

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final OneWord word = new OneWord();

	private final TokenStream stemming;

	private final CharTermAttribute stem;

	/**
	 * @param input lower-cased words
	 * @param stemming the chain that stems one word, given the source of that word
	 */
	CachedStems(TokenStream input, UnaryOperator<TokenStream> stemming) {
		super(input);
		this.stemming = stemming.apply(this.word);
		this.stem = this.stemming.getAttribute(CharTermAttribute.class);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!this.input.incrementToken()) {
			return false;
		}
		String word = this.term.toString();
		String stem = STEMS.get(word);
		if (stem == null) {
			stem = stem(word);
			if (STEMS.size() >= MAX_WORDS) {
				STEMS.clear();
			}
			STEMS.put(word, stem);
		}
		this.term.setEmpty().append(stem);
		return true;
	}

	private String stem(String word) throws IOException {
		this.word.set(word);
		this.stemming.reset();
		String stem = this.stemming.incrementToken() ? this.stem.toString() : word;
		while (this.stemming.incrementToken()) {
			// one word gives one stem; nothing to read past it
		}
		this.stemming.end();
		this.stemming.close();
		return stem;
	}

	@Override
	public void close() throws IOException {
		super.close();
		this.stemming.close();
	}

	/** A token stream of the one word last set. */
	private static final class OneWord extends TokenStream {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private String word = "";

		private boolean given;

		void set(String word) {
			this.word = word;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.given = false;
		}

		@Override
		public boolean incrementToken() {
			if (this.given) {
				return false;
			}
			clearAttributes();
			this.term.setEmpty().append(this.word);
			this.given = true;
			return true;
		}

	}

}
