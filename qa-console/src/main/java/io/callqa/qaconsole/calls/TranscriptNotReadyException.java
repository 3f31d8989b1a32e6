package io.callqa.qaconsole.calls;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.callqa.transcription.TranscriptionStatus;

/**
 * The call exists but has no transcript yet (queued, running) or will not get one (failed): 409 with the state.
 */
class TranscriptNotReadyException extends ErrorResponseException {

	TranscriptNotReadyException(long callId, @Nullable TranscriptionStatus status) {
		super(HttpStatus.CONFLICT, problem(callId, status), null);
	}

	private static ProblemDetail problem(long callId, @Nullable TranscriptionStatus status) {
		String state = (status != null) ? status.state() : "NOT_QUEUED";
		String detail = "Call " + callId + " has no transcript: transcription is " + state
				+ ((status != null && status.reason() != null) ? " (" + status.reason() + ")" : "");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setTitle("Transcript not available");
		problem.setProperty("state", state);
		return problem;
	}

}
