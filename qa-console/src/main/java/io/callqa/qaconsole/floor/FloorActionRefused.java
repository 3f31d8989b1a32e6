package io.callqa.qaconsole.floor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A floor action not done, already audited: the problem+json answer, with the audit's outcome as {@code reason} and
 * the audit row's {@code actionId}.
 */
class FloorActionRefused extends ErrorResponseException {

	FloorActionRefused(HttpStatus status, String title, String outcome, String detail, long actionId) {
		super(status, problem(status, title, outcome, detail, actionId), null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(HttpStatus status, String title, String outcome, String detail,
			long actionId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("reason", outcome);
		problem.setProperty("actionId", actionId);
		return problem;
	}

}
