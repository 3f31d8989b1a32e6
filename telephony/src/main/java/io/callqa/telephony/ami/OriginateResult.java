package io.callqa.telephony.ami;

import org.jspecify.annotations.Nullable;

/**
 * What Asterisk reported for an {@code Originate} ({@code OriginateResponse} event).
 *
 * @param response {@code Success} or {@code Failure}
 * @param reason Asterisk's reason code: 0 no such extension or number, 1 no answer, 3 ringing but no answer,
 * 4 answered, 5 busy, 8 congested or not available
 * @param uniqueid the originated channel's Uniqueid, when one was created
 */
public record OriginateResult(String actionId, String response, int reason, @Nullable String uniqueid,
		@Nullable String channel) {

	public boolean success() {
		return "Success".equalsIgnoreCase(this.response);
	}

}
