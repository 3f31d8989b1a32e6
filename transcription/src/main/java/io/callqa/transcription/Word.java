package io.callqa.transcription;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One recognised word with its position in the recording, in seconds from the start, the recogniser's confidence
 * (0..1), and what the recogniser almost heard instead at the same time: the other words of its n-best alternatives
 * that overlap this one, best first (empty unless {@code callqa.transcription.alternatives} is on, and for words
 * made otherwise, e.g. a redacted word).
 */
public record Word(String word, double start, double end, double conf, List<String> alternatives) {

	public Word {
		alternatives = (alternatives != null) ? List.copyOf(alternatives) : List.of();
	}

	/** A word without alternatives. */
	public Word(String word, double start, double end, double conf) {
		this(word, start, end, conf, List.of());
	}

	/** This word with other alternatives (its times and confidence kept). */
	public Word withAlternatives(@Nullable List<String> alternatives) {
		return new Word(this.word, this.start, this.end, this.conf, alternatives);
	}

}
