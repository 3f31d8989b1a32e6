package io.callqa.telephony.callbacks;

import java.time.Duration;
import java.time.Instant;

/**
 * One queue's callback settings, overrides and defaults already merged (see {@link CallbackProperties}).
 */
record QueueSettings(Duration promise, boolean abandonedCallbacks, Duration abandonedMinWait,
		CallingHours callingHours, Duration retryDelay, int maxAttempts, String agentChannel, String context,
		String callerId, Duration ringTimeout) {

	private static final String AGENT_PLACEHOLDER = "{agent}";

	/** The channel that rings {@code agent} first. */
	String agentChannelFor(String agent) {
		return this.agentChannel.replace(AGENT_PLACEHOLDER, agent);
	}

	/** When a callback asked for at {@code requestedAt} is promised: the promise counts from the next opening. */
	Instant promisedBy(Instant requestedAt) {
		return this.callingHours.openFrom(requestedAt).plus(this.promise);
	}

}
