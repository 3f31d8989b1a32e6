package io.callqa.telephony.callbacks;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Callback settings: engine timing, then the defaults every queue uses unless {@code queues.<name>.*} overrides them.
 *
 * @param enabled whether the engine dials due callbacks periodically
 * @param pollInterval how often the engine looks for due callbacks
 * @param batchSize how many due callbacks one poll considers at most
 * @param originateResultTimeout how long an attempt may wait for Asterisk's Originate result before it counts as
 * failed (the AMI link may have been lost); must exceed the ring timeout
 * @param callResultTimeout how long an originated callback call may last before its end is assumed lost
 * @param promise what callers are promised, e.g. {@code 60m} for "within 60 minutes"
 * @param abandonedCallbacks whether callers who gave up waiting (abandon or queue timeout) are called back
 * @param abandonedMinWait how long a caller must have waited for an abandon to earn a callback
 * @param callingHoursStart the local time callbacks may start (equal to the end: always)
 * @param callingHoursEnd the local time after which no callback starts
 * @param zone the calling hours' time zone; the server's zone when absent
 * @param retryDelay the pause after an unsuccessful attempt
 * @param maxAttempts attempts per request before it fails
 * @param agentChannel the channel rung first, {@code {agent}} replaced by the member name
 * @param context the dialplan context that dials the customer once the agent answers
 * @param callerId the caller id shown to the agent and the customer, e.g. {@code "Support" <100>}; empty: Asterisk's
 * @param ringTimeout how long the agent's phone rings
 * @param queues per-queue overrides of the defaults above, by queue name
 */
@ConfigurationProperties("callqa.telephony.callbacks")
@Validated
record CallbackProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration pollInterval,
		@DefaultValue("50") @Min(1) int batchSize, @DefaultValue("2m") Duration originateResultTimeout,
		@DefaultValue("4h") Duration callResultTimeout, @DefaultValue("60m") Duration promise,
		@DefaultValue("false") boolean abandonedCallbacks, @DefaultValue("10s") Duration abandonedMinWait,
		@DefaultValue("08:00") LocalTime callingHoursStart, @DefaultValue("20:00") LocalTime callingHoursEnd,
		@Nullable ZoneId zone, @DefaultValue("5m") Duration retryDelay, @DefaultValue("3") @Min(1) int maxAttempts,
		@DefaultValue("Local/{agent}@agents-callback") String agentChannel,
		@DefaultValue("callback-out") String context, @DefaultValue("") String callerId,
		@DefaultValue("30s") Duration ringTimeout, @Nullable Map<String, QueueOverride> queues) {

	CallbackProperties {
		queues = (queues != null) ? Map.copyOf(queues) : Map.of();
	}

	/** The settings of {@code queue}: its overrides, the defaults for the rest. */
	QueueSettings forQueue(String queue) {
		QueueOverride override = this.queues.getOrDefault(queue, QueueOverride.NONE);
		return new QueueSettings(or(override.promise(), this.promise),
				or(override.abandonedCallbacks(), this.abandonedCallbacks),
				or(override.abandonedMinWait(), this.abandonedMinWait), callingHours(override),
				or(override.retryDelay(), this.retryDelay), or(override.maxAttempts(), this.maxAttempts),
				or(override.agentChannel(), this.agentChannel), or(override.context(), this.context),
				or(override.callerId(), this.callerId), or(override.ringTimeout(), this.ringTimeout));
	}

	private CallingHours callingHours(QueueOverride override) {
		ZoneId zone = or(override.zone(), (this.zone != null) ? this.zone : ZoneId.systemDefault());
		return new CallingHours(or(override.callingHoursStart(), this.callingHoursStart),
				or(override.callingHoursEnd(), this.callingHoursEnd), zone);
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * One queue's overrides; anything absent falls back to the defaults. Components mean what the defaults' do.
	 */
	record QueueOverride(@Nullable Duration promise, @Nullable Boolean abandonedCallbacks,
			@Nullable Duration abandonedMinWait, @Nullable LocalTime callingHoursStart,
			@Nullable LocalTime callingHoursEnd, @Nullable ZoneId zone, @Nullable Duration retryDelay,
			@Nullable @Min(1) Integer maxAttempts, @Nullable String agentChannel, @Nullable String context,
			@Nullable String callerId, @Nullable Duration ringTimeout) {

		static final QueueOverride NONE = new QueueOverride(null, null, null, null, null, null, null, null, null, null,
				null, null);

	}

}
