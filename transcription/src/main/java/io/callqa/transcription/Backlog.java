package io.callqa.transcription;

/**
 * How much transcription work is waiting, running and failed, across all worker processes.
 */
public record Backlog(long queued, long running, long failed) {
}
