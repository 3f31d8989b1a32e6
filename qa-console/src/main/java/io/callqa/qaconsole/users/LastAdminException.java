package io.callqa.qaconsole.users;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The change would leave no enabled admin: nobody could manage users any more, and the server would not start.
 */
class LastAdminException extends ErrorResponseException {

	LastAdminException(String username) {
		super(HttpStatus.CONFLICT, problem(username), null);
	}

	private static ProblemDetail problem(String username) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "'" + username
				+ "' is the last enabled admin: make another user an admin before demoting or disabling this one");
		problem.setTitle("Last admin");
		return problem;
	}

}
