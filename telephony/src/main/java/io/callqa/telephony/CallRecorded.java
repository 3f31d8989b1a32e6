package io.callqa.telephony;

import java.nio.file.Path;
import java.util.List;

/**
 * A call's recording is complete and stored. Published inside the transaction that stores it, so a synchronous
 * listener's writes commit or roll back with it.
 *
 * @param channelMap the speaker on each channel of a multi-channel recording, in channel order; empty if unknown
 */
public record CallRecorded(long callId, long recordingId, Path recording, List<String> channelMap) {

	public CallRecorded {
		channelMap = List.copyOf(channelMap);
	}

}
