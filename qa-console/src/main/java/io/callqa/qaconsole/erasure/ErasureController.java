package io.callqa.qaconsole.erasure;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;

/**
 * Erasure on request, for admins only (every other role 403): what is held about a number, erasing it with a
 * reason, and the past erasures. Supervisors may not: an erasure reaches every queue's calls and cannot be undone.
 */
@RestController
class ErasureController {

	/** What a phone number may be written with. */
	private static final Pattern NUMBER = Pattern.compile("[0-9+()\\-. ]{3,40}");

	private static final int REASON_MAX = 500;

	private final Erasures erasures;

	ErasureController(Erasures erasures) {
		this.erasures = erasures;
	}

	@GetMapping("/api/erasures/lookup")
	Holdings lookup(@RequestParam(required = false) @Nullable String number, @AuthenticationPrincipal CallQaUser user) {
		adminOnly(user);
		return this.erasures.lookup(number(number));
	}

	@PostMapping("/api/erasures")
	ResponseEntity<AuditEntry> erase(@RequestBody EraseRequest request, @AuthenticationPrincipal CallQaUser user) {
		adminOnly(user);
		String number = number(request.number());
		String reason = reason(request.reason(), number);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.erasures.erase(number, reason, user.getUsername()));
	}

	@GetMapping("/api/erasures")
	List<AuditEntry> latest(@RequestParam(defaultValue = "50") int limit, @AuthenticationPrincipal CallQaUser user) {
		adminOnly(user);
		if (limit < 1 || limit > 500) {
			throw invalid("limit", "'limit' must be between 1 and 500");
		}
		return this.erasures.latest(limit);
	}

	@ExceptionHandler
	ProblemDetail holdsUnknown(Erasures.HoldsUnknownException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Legal holds unknown");
		return problem;
	}

	private static void adminOnly(CallQaUser user) {
		if (user.role() != Role.ADMIN) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"Only an admin may look up or erase a customer's data");
			problem.setTitle("Admins only");
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
		}
	}

	private static String number(@Nullable String number) {
		if (number == null || number.isBlank()) {
			throw invalid("number", "'number' is required");
		}
		String trimmed = number.strip();
		if (!NUMBER.matcher(trimmed).matches() || trimmed.replaceAll("[^0-9]", "").length() < 3) {
			throw invalid("number", "'number' must be a phone number: at least 3 digits, with spaces, dashes, dots, "
					+ "parentheses or a plus, 40 characters at most");
		}
		return trimmed;
	}

	/** A reason is kept in the audit: it must not carry the number the audit leaves out. */
	private static String reason(@Nullable String reason, String number) {
		if (reason == null || reason.isBlank()) {
			throw invalid("reason", "'reason' is required (the request's reference, e.g. a ticket)");
		}
		if (reason.length() > REASON_MAX || reason.indexOf('\0') >= 0) {
			throw invalid("reason", "'reason' must be at most " + REASON_MAX + " characters of text");
		}
		String digits = number.replaceAll("[^0-9]", "");
		String spelled = digits.chars().mapToObj(Character::toString).collect(Collectors.joining("[-+ .()]*"));
		if (Pattern.compile(spelled).matcher(reason).find()) {
			throw invalid("reason", "'reason' must not contain the number: the audit keeps nothing of it");
		}
		return reason.strip();
	}

	private static ErrorResponseException invalid(String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid erasure request");
		problem.setProperty("field", field);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	record EraseRequest(@Nullable String number, @Nullable String reason) {
	}

}
