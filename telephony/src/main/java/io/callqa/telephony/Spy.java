package io.callqa.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A supervisor listening to (or whispering to, or barging into) an agent's call, from the Originate until the
 * supervisor's channel hangs up.
 *
 * @param supervisor the console user who started it
 * @param phone the supervisor's device the Originate rang, e.g. {@code PJSIP/2001}
 * @param agentChannel the channel spied on
 * @param channel the supervisor's channel once Asterisk answered the Originate (null while it rings)
 */
public record Spy(String supervisor, String phone, String agent, SpyMode mode, String server, String agentChannel,
		Instant startedAt, @Nullable String channel) {
}
