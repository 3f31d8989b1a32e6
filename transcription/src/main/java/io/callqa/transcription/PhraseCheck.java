package io.callqa.transcription;

/**
 * One said/not-said check: a query in the search syntax, limited to a speaker's words, in a matching mode. A null
 * speaker is {@link Category.Speaker#ANY}, a null matching {@link Matching#STEMMED}.
 */
public record PhraseCheck(String query, Category.Speaker speaker, Matching matching) {

	public PhraseCheck {
		speaker = (speaker != null) ? speaker : Category.Speaker.ANY;
		matching = (matching != null) ? matching : Matching.STEMMED;
	}

}
