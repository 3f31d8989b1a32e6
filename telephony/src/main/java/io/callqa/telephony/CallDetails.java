package io.callqa.telephony;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A call as the rest of the server sees it: its metadata and its recording.
 */
public record CallDetails(long id, String source, @Nullable String agent, @Nullable String queue,
		Direction direction, @Nullable String callerNumber, Instant startedAt, @Nullable Instant endedAt,
		@Nullable Double durationSec, @Nullable String outcome, @Nullable RecordingFile recording) {

	/** The same call with its recording. */
	public CallDetails withRecording(RecordingFile recording) {
		return new CallDetails(this.id, this.source, this.agent, this.queue, this.direction, this.callerNumber,
				this.startedAt, this.endedAt, this.durationSec, this.outcome, recording);
	}

	/**
	 * The stored audio of a call.
	 *
	 * @param clearance whether it may be played (held until redacted, see {@link AudioRedaction})
	 */
	public record RecordingFile(long id, Path path, @Nullable String fileName, long sizeBytes,
			List<String> channelMap, RecordingClearance clearance) {

		/** A recording that was never held. */
		public RecordingFile(long id, Path path, @Nullable String fileName, long sizeBytes, List<String> channelMap) {
			this(id, path, fileName, sizeBytes, channelMap, RecordingClearance.NOT_HELD);
		}

	}

}
