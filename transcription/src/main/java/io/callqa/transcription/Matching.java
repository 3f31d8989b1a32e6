package io.callqa.transcription;

import java.util.Arrays;

/**
 * How the words of a query match the words of a transcript.
 */
public enum Matching {

	/** Only the very words typed: {@code refund} does not find "refunds". */
	EXACT,

	/** English stems: {@code refund} finds "refunds" and "refunded"; the default. */
	STEMMED,

	/**
	 * Stems, and with a lower weight what the recognizer may have heard instead (words that sound alike by their
	 * Double Metaphone codes), for misrecognised speech: {@code cancel} finds "council".
	 */
	TOLERANT;

	/**
	 * The matching named, in any case ({@code exact}, {@code stemmed}, {@code tolerant}), as a request parameter
	 * gives it.
	 *
	 * @throws IllegalArgumentException naming the values allowed if {@code name} is none of them
	 */
	public static Matching of(String name) {
		return Arrays.stream(values())
			.filter((matching) -> matching.name().equalsIgnoreCase(name.strip()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"matching must be exact, stemmed or tolerant, was '" + name + "'"));
	}

}
