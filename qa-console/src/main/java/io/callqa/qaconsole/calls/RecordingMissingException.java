package io.callqa.qaconsole.calls;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The call's recording file is not on disk (moved or deleted outside the server).
 */
class RecordingMissingException extends ErrorResponseException {

	RecordingMissingException(long callId) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"Call " + callId + " has no recording file on this server"), null);
	}

}
