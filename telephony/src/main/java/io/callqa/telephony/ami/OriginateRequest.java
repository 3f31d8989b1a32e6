package io.callqa.telephony.ami;

import java.time.Duration;
import java.util.Map;

/**
 * An {@code Originate}: ring {@code channel} (an agent first, for a callback) and, once it answers, run the dialplan
 * at {@code context}/{@code exten} (which dials the customer).
 *
 * @param actionId unique; the {@code OriginateResponse} event carries it back
 * @param variables channel variables, e.g. {@code CALLQA_ATTEMPT=42} so the call's events name their attempt
 */
public record OriginateRequest(String actionId, String channel, String context, String exten, int priority,
		String callerId, Duration timeout, Map<String, String> variables) {

	public OriginateRequest {
		variables = Map.copyOf(variables);
	}

}
