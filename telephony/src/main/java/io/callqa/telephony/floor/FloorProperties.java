package io.callqa.telephony.floor;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live floor ({@code callqa.telephony.floor.*}).
 *
 * @param interfaces the interface to log an agent into a queue with when Asterisk reports none for them yet, e.g.
 * {@code callqa.telephony.floor.interfaces.agent7=PJSIP/1007}
 * @param removedRetention how long a removed queue or agent is remembered for {@code changesSince}; an older
 * version gets the whole floor
 * @param spyRingTimeout how long the supervisor's phone rings for a listen, whisper or barge
 * @param seenInterval how often the open state stretches are marked as still true ({@code seen_at})
 */
@ConfigurationProperties("callqa.telephony.floor")
record FloorProperties(@DefaultValue Map<String, String> interfaces, @DefaultValue("10m") Duration removedRetention,
		@DefaultValue("30s") Duration spyRingTimeout, @DefaultValue("1m") Duration seenInterval) {
}
