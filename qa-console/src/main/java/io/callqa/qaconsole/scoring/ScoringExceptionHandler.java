package io.callqa.qaconsole.scoring;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns scoring's exceptions into problem+json answers: unknown ids 404, a change the evaluation's state forbids 409,
 * answers or scorecards that do not fit 400.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScoringExceptionHandler {

	@ExceptionHandler
	ProblemDetail evaluationNotFound(EvaluationNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Evaluation not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail standardNotFound(StandardNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Standard not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notYourDraft(NotYourDraftException ex) {
		return problem(HttpStatus.FORBIDDEN, "Not your draft", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail stateConflict(EvaluationStateException ex) {
		return problem(HttpStatus.CONFLICT, "Not allowed in this state", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail duplicateStandard(DuplicateStandardException ex) {
		return problem(HttpStatus.CONFLICT, "Standard exists", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidAnswer(InvalidAnswerException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid answer", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidScorecard(InvalidScorecardException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid scorecard", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
