package io.callqa.telephony.survey;

import org.jspecify.annotations.Nullable;

/**
 * What one survey call produced, before it is matched with its call.
 *
 * @param server the Asterisk server ({@code server} AGI parameter), null when the dialplan does not pass it
 * @param uniqueid the caller channel's Uniqueid ({@code agi_uniqueid})
 * @param agent the channel's {@code MEMBERNAME}, if the queue set it
 * @param queue the {@code queue} AGI parameter or the channel's {@code QUEUENAME}
 * @param score 0-10, or null when the caller gave no valid answer
 */
record SurveyAnswer(@Nullable String server, String uniqueid, @Nullable String callerNumber, @Nullable String agent,
		@Nullable String queue, @Nullable Integer score) {
}
