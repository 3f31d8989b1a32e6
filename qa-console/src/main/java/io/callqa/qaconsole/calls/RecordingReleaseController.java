package io.callqa.qaconsole.calls;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;
import io.callqa.telephony.AudioRedaction;
import io.callqa.telephony.CallDetails;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;

/**
 * An admin releases by hand a recording held until redacted whose redaction will not run (its transcription failed,
 * or its audio could not be rewritten), with a reason that is kept with their name. 403 for every other role; 409
 * when it is not held, or while its transcription is still to run (that redacts and clears it).
 */
@RestController
class RecordingReleaseController {

	private final CallAccess access;

	private final AudioRedaction redaction;

	private final Transcriptions transcriptions;

	RecordingReleaseController(CallAccess access, AudioRedaction redaction, Transcriptions transcriptions) {
		this.access = access;
		this.redaction = redaction;
		this.transcriptions = transcriptions;
	}

	@PostMapping("/api/calls/{id}/recording/release")
	CallView release(@PathVariable long id, @RequestBody Release request, @AuthenticationPrincipal CallQaUser user) {
		if (user.role() != Role.ADMIN) {
			throw problem(HttpStatus.FORBIDDEN, "Admins only", "Only an admin may release a held recording");
		}
		CallDetails.RecordingFile recording = this.access.readable(id, user).recording();
		if (recording == null) {
			throw new RecordingMissingException(id);
		}
		if (request.reason() == null || request.reason().isBlank()) {
			throw new IllegalArgumentException("A release needs a reason: why may this recording be heard unredacted?");
		}
		TranscriptionStatus status = this.transcriptions.statusOf(id).orElse(null);
		if (status != null && (status.state().equals("QUEUED") || status.state().equals("RUNNING"))) {
			throw problem(HttpStatus.CONFLICT, "Transcription still to run", "Call " + id + ": its transcription is "
					+ status.state() + "; it redacts the recording and clears it for listening");
		}
		if (!this.redaction.release(recording.id(), user.getUsername(), request.reason())) {
			throw problem(HttpStatus.CONFLICT, "Recording not held",
					"Call " + id + ": the recording is not held (" + recording.clearance() + ")");
		}
		return CallView.of(this.access.readable(id, user), this.transcriptions.statusOf(id).orElse(null));
	}

	private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	/**
	 * @param reason why the recording may be heard unredacted (1 to 2,000 characters), kept in the audit
	 */
	record Release(@Nullable String reason) {
	}

}
