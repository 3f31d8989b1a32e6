package io.callqa.qaconsole.calls;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The recording is held until card numbers read aloud in it are redacted: 409, like a transcript not ready yet (the
 * state of the call, not the request, is what stands in the way; it clears by itself once redaction has run).
 */
class RecordingHeldException extends ErrorResponseException {

	static final String TITLE = "Recording held until card numbers are redacted";

	RecordingHeldException(long callId) {
		super(HttpStatus.CONFLICT, problem(callId), null);
	}

	private static ProblemDetail problem(long callId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Call " + callId
				+ ": the recording is held until card numbers are redacted; it can be played once its transcription"
				+ " has run (an admin may release a recording whose transcription failed)");
		problem.setTitle(TITLE);
		problem.setProperty("clearance", "HELD");
		return problem;
	}

}
