package io.callqa.transcription.index;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Marks the sound codes of {@link TranscriptAnalyzer#PROTECTED protected} words ({@value #MARK} appended), so that a
 * protected word and the word Porter2 would join it with, which usually share its sound code, do not match by sound
 * either: "accountant" is {@code AKNT_}, "account" {@code AKNT}. {@link Mark} flags the words before they are
 * encoded (the flag survives the encoding, the word does not).
 */
final class ProtectedSounds extends TokenFilter {

	static final String MARK = "_";

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final KeywordAttribute flagged = addAttribute(KeywordAttribute.class);

	ProtectedSounds(TokenStream codes) {
		super(codes);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!this.input.incrementToken()) {
			return false;
		}
		if (this.flagged.isKeyword()) {
			this.term.append(MARK);
		}
		return true;
	}

	/** Flags the protected words of a stream of words. */
	static final class Mark extends TokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final KeywordAttribute flagged = addAttribute(KeywordAttribute.class);

		Mark(TokenStream words) {
			super(words);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!this.input.incrementToken()) {
				return false;
			}
			this.flagged.setKeyword(TranscriptAnalyzer.isProtected(this.term.toString()));
			return true;
		}

	}

}
