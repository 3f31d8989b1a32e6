package io.callqa.transcription.index;

import io.callqa.transcription.MatchTime;

/**
 * A form in which spoken words are indexed, each in its own fields (see {@link TranscriptFields}), best first: when
 * one stretch of text matches in several forms, the best is reported.
 */
enum WordForm {

	/** The words as said, lower-cased. */
	EXACT(MatchTime.EXACT),

	/** English stems: "refunds" and "refunded" are "refund". */
	STEM(MatchTime.STEM),

	/**
	 * The stems of the words and, at the same positions, of what the recognizer almost heard instead (its n-best
	 * alternatives, {@link io.callqa.transcription.Word#alternatives()}): a match here that no better form has is a
	 * match of an alternative.
	 */
	ALTERNATIVE(MatchTime.ALTERNATIVE),

	/** Double Metaphone codes of the words: what the recognizer may have heard instead. */
	SOUNDS(MatchTime.SOUNDS_LIKE);

	private final String label;

	WordForm(String label) {
		this.label = label;
	}

	/** How {@link MatchTime#form()} names it. */
	String label() {
		return this.label;
	}

	WordForm best(WordForm other) {
		return (other.ordinal() < ordinal()) ? other : this;
	}

}
