package io.callqa.qaconsole.trends;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.callqa.transcription.CategoryException;

/**
 * A refused category request as problem+json: unknown id 404, name taken 409, anything else invalid 400.
 */
@RestControllerAdvice(assignableTypes = { CategoryController.class, TrendsController.class })
class CategoryProblems {

	@ExceptionHandler
	ProblemDetail refused(CategoryException ex) {
		HttpStatus status = switch (ex.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case DUPLICATE_NAME -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.valueOf(ex.getMessage()));
		problem.setTitle(switch (ex.kind()) {
			case NOT_FOUND -> "Not found";
			case DUPLICATE_NAME -> "Name taken";
			case INVALID -> "Invalid category or period";
		});
		return problem;
	}

}
