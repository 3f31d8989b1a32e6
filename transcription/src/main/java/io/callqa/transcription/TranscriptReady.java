package io.callqa.transcription;

/**
 * A call's transcript is stored (published after the commit).
 */
public record TranscriptReady(long callId) {
}
