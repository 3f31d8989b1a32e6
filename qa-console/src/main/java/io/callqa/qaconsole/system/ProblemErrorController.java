package io.callqa.qaconsole.system;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the controllers (refused by the firewall, a servlet's {@code sendError}) as problem+json,
 * like every other error, instead of Spring Boot's own error JSON or page. Never a stack trace; the message only for
 * client errors.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(status.getReasonPhrase());
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		if (status.is4xxClientError() && message instanceof String text && !text.isBlank()) {
			problem.setDetail(text);
		}
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path instanceof String uri) {
			try {
				problem.setInstance(URI.create(uri));
			}
			catch (IllegalArgumentException ex) {
				// A path that is not a valid URI is left out.
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
