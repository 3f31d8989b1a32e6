package io.callqa.qaconsole.calls;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.callqa.telephony.CallDetails;
import io.callqa.telephony.RecordingClearance;
import io.callqa.transcription.TranscriptionStatus;

/**
 * A call as the API shows it: metadata, the recording (never its server path) and the transcription status.
 */
record CallView(long id, String source, @Nullable String agent, @Nullable String queue, String direction,
		@Nullable String callerNumber, Instant startedAt, @Nullable Instant endedAt, @Nullable Double durationSec,
		@Nullable String outcome, @Nullable RecordingView recording, @Nullable TranscriptionStatus transcription) {

	static CallView of(CallDetails call, @Nullable TranscriptionStatus status) {
		return new CallView(call.id(), call.source(), call.agent(), call.queue(), call.direction().name(),
				call.callerNumber(), call.startedAt(), call.endedAt(), call.durationSec(), call.outcome(),
				RecordingView.of(call), status);
	}

	/**
	 * The recording's public face: where to fetch it, what was uploaded, and whether it may be played yet
	 * ({@code clearance} HELD: not until card numbers are redacted; see {@link RecordingClearance}).
	 */
	record RecordingView(long id, @Nullable String fileName, long sizeBytes, List<String> channels, String audioUrl,
			RecordingClearance clearance, boolean playable) {

		static @Nullable RecordingView of(CallDetails call) {
			CallDetails.RecordingFile file = call.recording();
			return (file != null) ? new RecordingView(file.id(), file.fileName(), file.sizeBytes(), file.channelMap(),
					"/api/calls/" + call.id() + "/audio", file.clearance(), file.clearance().playable()) : null;
		}

	}

}
