package io.callqa.qaconsole.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.callqa.qaconsole.calls.CallAccessDeniedException;
import io.callqa.qaconsole.users.UserNotFoundException;
import io.callqa.telephony.alerts.AlertNotFoundException;
import io.callqa.telephony.callbacks.CallbackRequestNotFoundException;
import io.callqa.telephony.calls.CallNotFoundException;
import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.SearchUnavailableException;

/**
 * Turns domain exceptions into problem+json answers; Spring's own (missing parameter, bad type, too large upload)
 * are rendered as problem+json by the base class.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail callNotFound(CallNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Call not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notYourCall(CallAccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Not your call", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail userNotFound(UserNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "User not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail alertNotFound(AlertNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Alert not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail callbackNotFound(CallbackRequestNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Callback request not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidSearch(InvalidSearchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid search query", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badArgument(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unavailable(SearchUnavailableException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Not available", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
