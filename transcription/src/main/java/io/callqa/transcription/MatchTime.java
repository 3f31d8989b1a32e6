package io.callqa.transcription;

/**
 * One highlighted match: the matched words, their char range inside {@link Snippet#text()} ({@code end} exclusive),
 * the speaker and the second in the recording where they start and end.
 */
public record MatchTime(String words, int start, int end, String speaker, double startSec, double endSec) {
}
