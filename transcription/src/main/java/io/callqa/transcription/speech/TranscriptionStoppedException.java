package io.callqa.transcription.speech;

/**
 * A transcription stopped on request (the server is stopping) after saving its checkpoint: not a failure.
 */
public final class TranscriptionStoppedException extends RuntimeException {

	public TranscriptionStoppedException(double atSec) {
		super("Transcription stopped at " + atSec + " s of audio");
	}

}
