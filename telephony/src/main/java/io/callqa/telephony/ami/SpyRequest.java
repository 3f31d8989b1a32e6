package io.callqa.telephony.ami;

import java.time.Duration;

/**
 * An {@code Originate} that rings a supervisor's {@code phone} and, once answered, runs {@code ChanSpy} on an agent's
 * channel: {@code Application: ChanSpy}, {@code Data: <agentChannel>,<options>}.
 *
 * @param actionId unique; the {@code OriginateResponse} event carries it back
 * @param phone the supervisor's device, e.g. {@code PJSIP/2001}
 * @param agentChannel the channel spied on, e.g. {@code PJSIP/1001-0000002a}
 * @param options ChanSpy options, e.g. {@code qEw}
 * @param callerId what the supervisor's phone shows, e.g. {@code "Whisper: agent1" <agent1>}; may be empty
 */
public record SpyRequest(String actionId, String phone, String agentChannel, String options, String callerId,
		Duration timeout) {

	/** ChanSpy's argument: the channel (a prefix ChanSpy matches) and the options. */
	public String chanSpyData() {
		return this.agentChannel + "," + this.options;
	}

}
