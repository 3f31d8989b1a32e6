package io.callqa.qaconsole.mystery;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the mystery-shopper feature's exceptions into problem+json answers.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MysteryShopperExceptionHandler {

	@ExceptionHandler
	ProblemDetail duplicate(DuplicateNumberException ex) {
		return problem(HttpStatus.CONFLICT, "Already listed", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notListed(NumberNotListedException ex) {
		return problem(HttpStatus.NOT_FOUND, "Number not listed", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
