package io.callqa.qaconsole.retention;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the retention feature's exceptions into problem+json answers. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetentionExceptionHandler {

	@ExceptionHandler
	ProblemDetail holdNotFound(HoldNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Legal hold not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail released(HoldReleasedException ex) {
		return problem(HttpStatus.CONFLICT, "Released already", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail policyNotFound(PolicyNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "No policy", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail runNotFound(RunNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Retention run not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail running(RunInProgressException ex) {
		return problem(HttpStatus.CONFLICT, "Run in progress", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
