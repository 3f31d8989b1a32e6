package io.callqa.transcription;

/**
 * How the words of a query match the words of a transcript.
 */
public enum Matching {

	/** Only the very words typed: {@code refund} does not find "refunds". */
	EXACT,

	/** English stems: {@code refund} finds "refunds" and "refunded"; the default. */
	STEMMED,

	/**
	 * Stems, and with a lower weight what the recognizer may have heard instead (words that sound alike), for
	 * misrecognised speech: {@code technician} may find "definition".
	 */
	TOLERANT

}
