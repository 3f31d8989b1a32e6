package io.callqa.qaconsole.calls;

import java.nio.file.Files;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.calls.CallDetails;
import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Transcriptions;

/**
 * A call's details, transcript and audio. The audio is served as a resource, which gives HTTP Range support so a
 * browser's player can seek.
 */
@RestController
class CallController {

	private final CallAccess access;

	private final Transcriptions transcriptions;

	CallController(CallAccess access, Transcriptions transcriptions) {
		this.access = access;
		this.transcriptions = transcriptions;
	}

	@GetMapping("/api/calls/{id}")
	CallView call(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		return CallView.of(this.access.readable(id, user), this.transcriptions.statusOf(id).orElse(null));
	}

	@GetMapping("/api/calls/{id}/transcript")
	Transcript transcript(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		this.access.readable(id, user);
		return this.transcriptions.transcriptOf(id)
			.orElseThrow(() -> new TranscriptNotReadyException(id, this.transcriptions.statusOf(id).orElse(null)));
	}

	/** Every request is audited: a player's seeks are Range requests, a download asks {@code ?download=true}. */
	@GetMapping("/api/calls/{id}/audio")
	ResponseEntity<Resource> audio(@PathVariable long id, @RequestParam(defaultValue = "false") boolean download,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range,
			@AuthenticationPrincipal CallQaUser user) {
		CallDetails.RecordingFile recording = this.access.readable(id, user).recording();
		if (recording == null || !Files.isRegularFile(recording.path())) {
			throw new RecordingMissingException(id);
		}
		this.access.audit(user, id, download, range);
		Resource audio = new FileSystemResource(recording.path());
		MediaType type = MediaTypeFactory.getMediaType(audio).orElse(MediaType.APPLICATION_OCTET_STREAM);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type);
		if (download) {
			response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"call-" + id + ".wav\"");
		}
		return response.body(audio);
	}

}
