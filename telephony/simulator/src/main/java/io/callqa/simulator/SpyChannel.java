package io.callqa.simulator;

/**
 * A supervisor's channel running ChanSpy, started by an {@code Originate} with {@code Application: ChanSpy}; it
 * lives until {@link AmiSimulator#hangUpSpy} (the supervisor puts the phone down), a {@code Hangup} action, or the
 * spied-on channel hanging up (ChanSpy's {@code E} option).
 *
 * @param channel the supervisor's channel, e.g. {@code PJSIP/2001-0000000b}
 * @param spiedChannel the channel ChanSpy was given, e.g. {@code PJSIP/1001-0000002a}
 * @param options ChanSpy's options, e.g. {@code qEw}
 * @param spying whether ChanSpyStart was sent (the spied-on channel was live)
 */
public record SpyChannel(String channel, String uniqueid, String spiedChannel, String options, boolean spying,
		ReceivedOriginate request) {
}
