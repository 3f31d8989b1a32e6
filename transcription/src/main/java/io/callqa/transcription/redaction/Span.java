package io.callqa.transcription.redaction;

import java.util.List;

/**
 * Something found to redact: its kind ("card number", "security code", a pattern's name), who said it, its seconds
 * (from the first word's start to the last word's end) and exactly which words, by utterance and word index.
 */
public record Span(String kind, String speaker, double start, double end, List<WordAt> words, String heard) {

	public Span {
		words = List.copyOf(words);
	}

	/** What the transcript shows instead: {@code [card number]}. */
	public String label() {
		return "[" + this.kind + "]";
	}

	/** A word of the transcript: the index of its utterance (in time order) and its index in the utterance. */
	public record WordAt(int utterance, int word) {
	}

}
