package io.callqa.qaconsole.system;

import java.sql.SQLException;
import java.time.Instant;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.callqa.qaconsole.calls.CallAccessDeniedException;
import io.callqa.telephony.AlertNotFoundException;
import io.callqa.telephony.CallbackRequestNotFoundException;
import io.callqa.telephony.CallNotFoundException;
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

	/**
	 * A value the database refuses as data (SQLSTATE class 22: a NUL character in text, a number or time out of its
	 * range) came from the request: a 400, without the database's message.
	 */
	@ExceptionHandler
	ProblemDetail refusedValue(DataIntegrityViolationException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return problem(HttpStatus.BAD_REQUEST, "Invalid value",
						"A value cannot be stored: text with a NUL character, or a number or time out of range");
			}
		}
		throw ex;
	}

	/** A multipart body Tomcat cannot read (a NUL in a file name, a cut-off part): the upload's fault. */
	@ExceptionHandler
	ProblemDetail unreadableUpload(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Unreadable upload",
				"The multipart request cannot be read (a file name with a NUL character, or a malformed body)");
	}

	/** Names the parameter, and the allowed range for instants. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "a parameter";
		String detail = (ex.getRequiredType() == Instant.class)
				? "'" + name + "' must be an ISO-8601 instant from " + RequestLimitsConfiguration.EARLIEST
						+ " to 9999-12-31T23:59:59Z, such as 2026-01-31T09:00:00Z"
				: "'" + name + "' has an invalid value";
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Bad request", detail);
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** A body over the size limit is a 413, whatever the JSON reader made of the interruption. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
				ProblemDetail body = problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
						tooLarge.getMessage());
				return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
			}
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	/** Says which fields are invalid and why. */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.collect(Collectors.joining("; "));
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid request content",
				detail.isEmpty() ? "Invalid request content" : detail);
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
