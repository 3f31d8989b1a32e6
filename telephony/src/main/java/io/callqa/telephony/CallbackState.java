package io.callqa.telephony;

/**
 * Where a callback request stands.
 */
public enum CallbackState {

	/** Waiting for its next attempt ({@code next_attempt_at}). */
	OPEN,
	/** An attempt is under way. */
	DIALLING,
	/** The customer was reached. */
	DONE,
	/** Every attempt failed. */
	FAILED,
	/** Withdrawn by someone. */
	CANCELLED;

	public boolean isOpen() {
		return this == OPEN || this == DIALLING;
	}

}
