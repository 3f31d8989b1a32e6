package io.callqa.transcription.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.callqa.telephony.calls.Calls;

/**
 * The one thing jobs read from telephony: where a job's recording is and its channel map. The job row names the
 * recording by id only (the path and the speakers are telephony's), and the worker may run in another process long
 * after the {@code CallRecorded} event, so each use reads it once through telephony's front door.
 */
class JobRecordings {

	private final Calls calls;

	JobRecordings(Calls calls) {
		this.calls = calls;
	}

	/** The job's own recording (a call may have several: a per-party pair and the mixed file); empty if unknown. */
	Optional<Recording> of(long callId, long recordingId) {
		return this.calls.recording(callId, recordingId)
			.map((recording) -> new Recording(recording.path(), recording.channelMap()));
	}

	/** A recording file and the speaker on each of its channels. */
	record Recording(Path path, List<String> channelMap) {
	}

}
