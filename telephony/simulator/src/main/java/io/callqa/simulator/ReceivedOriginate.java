package io.callqa.simulator;

import java.time.Duration;
import java.util.Map;

/**
 * An {@code Originate} action as the simulated Asterisk received it: ring {@code channel} and, once it answers, run
 * the dialplan at {@code context}/{@code exten}, or the {@code application} with {@code data} when the action named
 * one (e.g. ChanSpy on an agent's channel: {@code application} "ChanSpy", {@code data}
 * "PJSIP/1001-0000002a,qEw"). The simulator's own copy of what the connector sends, so it needs none of the
 * connector's code.
 *
 * @param actionId the {@code OriginateResponse} event carries it back
 * @param variables the channel variables of the action's {@code Variable} lines
 * @param application the {@code Application} header, empty when the action named a dialplan extension
 * @param data the {@code Data} header (the application's arguments), empty if none
 */
public record ReceivedOriginate(String actionId, String channel, String context, String exten, int priority,
		String callerId, Duration timeout, Map<String, String> variables, String application, String data) {

	public ReceivedOriginate {
		variables = Map.copyOf(variables);
	}

	/** An Originate into the dialplan (no application). */
	public ReceivedOriginate(String actionId, String channel, String context, String exten, int priority,
			String callerId, Duration timeout, Map<String, String> variables) {
		this(actionId, channel, context, exten, priority, callerId, timeout, variables, "", "");
	}

	/** Whether the action named an application to run instead of a dialplan extension. */
	public boolean runsApplication() {
		return !this.application.isEmpty();
	}

	/** The channel ChanSpy is asked to spy on (the data up to the first comma), or empty if not a ChanSpy. */
	public String spiedChannel() {
		if (!this.application.equalsIgnoreCase("ChanSpy")) {
			return "";
		}
		int comma = this.data.indexOf(',');
		return (comma < 0) ? this.data : this.data.substring(0, comma);
	}

	/** The ChanSpy options (the data after the first comma, e.g. {@code qEw}), or empty. */
	public String spyOptions() {
		if (!this.application.equalsIgnoreCase("ChanSpy")) {
			return "";
		}
		int comma = this.data.indexOf(',');
		return (comma < 0) ? "" : this.data.substring(comma + 1);
	}

}
