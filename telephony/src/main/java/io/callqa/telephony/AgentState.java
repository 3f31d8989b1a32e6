package io.callqa.telephony;

/**
 * What an agent is doing now, across every queue and server they are a member of. When the agent's queues disagree,
 * the busiest wins in this order: ON_CALL, RINGING, PAUSED, AVAILABLE, UNAVAILABLE.
 */
public enum AgentState {

	/** A member of no queue. */
	LOGGED_OUT,

	/** A member, but the device is unreachable or not registered (Asterisk status 4, 5 or 0). */
	UNAVAILABLE,

	/** Free to take a call. */
	AVAILABLE,

	/** Their phone rings for a queue caller (status 6 or 7). */
	RINGING,

	/** On a call: a queue call, or any other call on the device (status 2 or 3). */
	ON_CALL,

	/** Paused in every queue they are a member of (with a reason, when one was given). */
	PAUSED

}
