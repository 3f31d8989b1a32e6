package io.callqa.transcription;

import org.jspecify.annotations.Nullable;

/**
 * Something found in a call that must not be kept (see the README's "Redaction"): a card number, a security code or a
 * configured pattern ("date of birth"), who said it and when, in seconds from the start of the recording.
 *
 * @param kind "card number", "security code" or the pattern's name; the transcript shows {@code [kind]} in its place
 * @param redacted true: the words were replaced and the audio overwritten; false: found in highlight mode, the words
 * and audio are as heard
 * @param heard in highlight mode, the words that would have been redacted; null once redacted (nothing of them is kept)
 */
public record Redaction(String kind, String speaker, double start, double end, boolean redacted,
		@Nullable String heard) {
}
