package io.callqa.qaconsole.floor;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The wallboard's refusals as problem+json.
 */
@RestControllerAdvice(assignableTypes = FloorController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WallboardExceptionHandler {

	@ExceptionHandler
	ProblemDetail denied(FloorAccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidThresholdsException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid thresholds", ex.getMessage());
		problem.setProperty("field", ex.field());
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
