package io.callqa.transcription;

/**
 * One highlighted match: the matched words, their char range inside {@link Snippet#text()} ({@code end} exclusive),
 * the speaker, the second in the recording where they start and end, and the form in which they matched the query:
 * {@value #EXACT} (the words typed), {@value #STEM} (another form of them: "refunds" for {@code refund}),
 * {@value #ALTERNATIVE} (what the recognizer almost heard instead of the words shown, in a tolerant search) or
 * {@value #SOUNDS_LIKE} (words that sound alike, in a tolerant search).
 */
public record MatchTime(String words, int start, int end, String speaker, double startSec, double endSec,
		String form) {

	public static final String EXACT = "exact";

	public static final String STEM = "stem";

	public static final String ALTERNATIVE = "alternative";

	public static final String SOUNDS_LIKE = "sounds like";

	/** A match of the words typed. */
	public MatchTime(String words, int start, int end, String speaker, double startSec, double endSec) {
		this(words, start, end, speaker, startSec, endSec, EXACT);
	}

}
