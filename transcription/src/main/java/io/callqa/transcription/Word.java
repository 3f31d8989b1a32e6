package io.callqa.transcription;

/**
 * One recognised word with its position in the recording, in seconds from the start, and the recogniser's confidence (0..1).
 */
public record Word(String word, double start, double end, double conf) {
}
