package io.callqa.qaconsole.calibration;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns calibration's exceptions into problem+json answers (bad input is an IllegalArgumentException: 400 by the
 * application's own handler).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalibrationExceptionHandler {

	@ExceptionHandler
	ProblemDetail refused(CalibrationRefusedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(SessionNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Calibration session not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail state(SessionStateException ex) {
		return problem(HttpStatus.CONFLICT, "Not allowed in this state", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
