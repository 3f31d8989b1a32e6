package io.callqa.qaconsole.retention;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How long a queue's calls keep each level: the recording ({@code audioDays}), the transcript ({@code transcriptDays})
 * and the call itself with everything about it in every module ({@code metadataDays}, which includes the scores), in
 * days after the call ended; null keeps it forever. {@code queue} null is the default policy: calls in no queue and
 * queues without a policy of their own.
 */
record RetentionPolicy(@Nullable String queue, @Nullable Integer audioDays, @Nullable Integer transcriptDays,
		@Nullable Integer metadataDays, String updatedBy, Instant updatedAt) {

	static final int MAX_DAYS = 36500;

	/**
	 * Checks one policy's days: each 1 to 36,500 or null, and audio ≤ transcript ≤ metadata with null as forever.
	 * Keeping the transcript longer than the call is impossible (the call's deletion takes everything); keeping the
	 * recording longer than its transcript is refused too: a transcript is the recording's words, and a recording kept
	 * alone would bring them back whenever it is transcribed again.
	 */
	static void validate(@Nullable Integer audio, @Nullable Integer transcript, @Nullable Integer metadata) {
		range("audioDays", audio);
		range("transcriptDays", transcript);
		range("metadataDays", metadata);
		if (longer(audio, transcript)) {
			throw new IllegalArgumentException("'audioDays' (" + forever(audio) + ") must not be longer than"
					+ " 'transcriptDays' (" + forever(transcript) + "): the transcript is the recording's words");
		}
		if (longer(transcript, metadata)) {
			throw new IllegalArgumentException("'transcriptDays' (" + forever(transcript) + ") must not be longer than"
					+ " 'metadataDays' (" + forever(metadata) + "): deleting the call deletes its transcript");
		}
	}

	private static void range(String name, @Nullable Integer days) {
		if (days != null && (days < 1 || days > MAX_DAYS)) {
			throw new IllegalArgumentException("'" + name + "' must be 1 to 36,500 days, or null to keep forever, not "
					+ days);
		}
	}

	/** Whether {@code first} keeps longer than {@code second} (null: forever). */
	private static boolean longer(@Nullable Integer first, @Nullable Integer second) {
		return second != null && (first == null || first > second);
	}

	private static String forever(@Nullable Integer days) {
		return (days != null) ? days + " days" : "forever";
	}

}
