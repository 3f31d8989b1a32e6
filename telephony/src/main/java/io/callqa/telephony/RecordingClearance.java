package io.callqa.telephony;

/**
 * Whether a recording's audio may be played. With {@code callqa.redaction.mode=redact} a newly stored recording is
 * {@link #HELD} until {@link AudioRedaction#redact} has overwritten what must not be heard again (or found nothing),
 * or an admin has released it by hand.
 */
public enum RecordingClearance {

	/** Stored, not yet redacted: not to be played or downloaded. */
	HELD,

	/** Redaction ran on it (with or without spans to overwrite): may be played. */
	CLEARED,

	/** An admin released it by hand while held (a failed transcription), with a reason: may be played. */
	RELEASED,

	/** Never held: stored before redaction existed, or while {@code callqa.redaction.mode} was not {@code redact}. */
	NOT_HELD;

	/** Whether the audio may be played or downloaded. */
	public boolean playable() {
		return this != HELD;
	}

}
