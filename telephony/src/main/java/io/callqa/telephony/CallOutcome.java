package io.callqa.telephony;

/**
 * How a call ended, from the call center's point of view.
 */
public enum CallOutcome {

	/** An agent talked with the caller. */
	ANSWERED,
	/** The caller hung up while waiting in the queue. */
	ABANDONED,
	/** The queue's timeout expired ({@code QUEUESTATUS=TIMEOUT}); not the caller's choice, so not an abandon. */
	TIMEOUT,
	/** The caller left the queue by asking to be called back (IVR offer). */
	CALLBACK_REQUESTED,
	/** The queue had no member able to take it (joinempty/leavewhenempty, {@code QUEUESTATUS=JOINEMPTY/LEAVEEMPTY}). */
	NO_AGENTS,
	/** An outbound call (callback) whose customer answered. */
	CONNECTED,
	/** An outbound call (callback) whose customer did not answer, was busy or could not be reached. */
	NOT_CONNECTED,
	/** Ended without entering a queue (IVR only, internal call, ChanSpy). */
	NOT_QUEUED,
	/** Its end was not seen: the AMI link or Asterisk went down while it was live. */
	LOST

}
