package io.callqa.simulator;

import java.time.Duration;
import java.util.Map;

/**
 * An {@code Originate} action as the simulated Asterisk received it: ring {@code channel} and, once it answers, run
 * the dialplan at {@code context}/{@code exten}. The simulator's own copy of what the connector sends, so it needs
 * none of the connector's code.
 *
 * @param actionId the {@code OriginateResponse} event carries it back
 * @param variables the channel variables of the action's {@code Variable} lines
 */
public record ReceivedOriginate(String actionId, String channel, String context, String exten, int priority,
		String callerId, Duration timeout, Map<String, String> variables) {

	public ReceivedOriginate {
		variables = Map.copyOf(variables);
	}

}
