package io.callqa.qaconsole.calls;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;

/**
 * An admin queues a FAILED transcription again once its cause is fixed (a file restored, a model replaced): 202 with
 * the new status; 409 when it is not FAILED; 403 for every other role.
 */
@RestController
class TranscriptionRetryController {

	private final CallAccess access;

	private final Transcriptions transcriptions;

	TranscriptionRetryController(CallAccess access, Transcriptions transcriptions) {
		this.access = access;
		this.transcriptions = transcriptions;
	}

	@PostMapping("/api/calls/{id}/transcription/retry")
	ResponseEntity<TranscriptionStatus> retry(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		if (user.role() != Role.ADMIN) {
			throw problem(HttpStatus.FORBIDDEN, "Admins only", "Only an admin may retry a transcription", null);
		}
		this.access.readable(id, user);
		TranscriptionStatus status = this.transcriptions.retryFailed(id, user.getUsername())
			.orElseThrow(() -> notFailed(id, this.transcriptions.statusOf(id).orElse(null)));
		return ResponseEntity.accepted().body(status);
	}

	private static ErrorResponseException notFailed(long id, @Nullable TranscriptionStatus status) {
		String state = (status != null) ? status.state() : "NOT_QUEUED";
		return problem(HttpStatus.CONFLICT, "Transcription not failed",
				"Call " + id + ": only a FAILED transcription can be retried; it is " + state, state);
	}

	private static ErrorResponseException problem(HttpStatus status, String title, String detail,
			@Nullable String state) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (state != null) {
			problem.setProperty("state", state);
		}
		return new ErrorResponseException(status, problem, null);
	}

}
