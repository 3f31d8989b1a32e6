package io.callqa.qaconsole.autoscore;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns automatic scoring's exceptions into problem+json answers.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AutoscoreExceptionHandler {

	@ExceptionHandler
	ProblemDetail notEvaluated(AutomaticEvaluationNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not evaluated automatically", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail noReevaluation(ReevaluationNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Re-evaluation not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidReview(InvalidReviewException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid review", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail stale(StaleEvaluationException ex) {
		return problem(HttpStatus.CONFLICT, "Evaluated again", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notAllowed(NotAllowedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
