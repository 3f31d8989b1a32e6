package io.callqa.telephony;

/**
 * Who asked for a callback.
 */
public enum CallbackSource {

	/** The caller, by pressing 1 at the queue's callback offer. */
	IVR,
	/** Nobody: the caller gave up waiting (abandon, or the queue timed out) and the queue calls such callers back. */
	ABANDONED,
	/** An agent scheduled it, e.g. "call me back tomorrow at 10". */
	AGENT

}
