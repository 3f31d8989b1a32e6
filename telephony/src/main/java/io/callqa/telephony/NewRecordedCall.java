package io.callqa.telephony;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What is known of a call whose recording arrives by upload (back-fill of an archive, or a recorder we do not
 * control).
 *
 * @param fileName the uploaded file's name, kept for the user's reference
 * @param channelMap the speaker on each channel, e.g. {@code [agent, customer]}; empty for a mono recording
 */
public record NewRecordedCall(String fileName, @Nullable String agent, @Nullable String queue,
		@Nullable String callerNumber, @Nullable Instant startedAt, Direction direction, List<String> channelMap) {

	public NewRecordedCall {
		channelMap = List.copyOf(channelMap);
	}

}
