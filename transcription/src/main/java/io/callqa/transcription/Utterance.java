package io.callqa.transcription;

import java.util.List;

/**
 * A stretch of speech by one speaker ("agent", "customer", or "mixed" for a mono recording), with its words.
 */
public record Utterance(String speaker, double start, double end, String text, List<Word> words) {

	public Utterance {
		words = List.copyOf(words);
	}

}
