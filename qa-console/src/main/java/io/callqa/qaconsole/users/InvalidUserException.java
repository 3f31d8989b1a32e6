package io.callqa.qaconsole.users;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A user name, password or other field of a user is not acceptable: 400 naming the field.
 */
class InvalidUserException extends ErrorResponseException {

	private final String field;

	InvalidUserException(String field, String detail) {
		super(HttpStatus.BAD_REQUEST, problem(field, detail), null);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid " + field);
		problem.setProperty("field", field);
		return problem;
	}

}
