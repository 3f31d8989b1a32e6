package io.callqa.qaconsole.calls;

import java.nio.file.Files;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.calls.CallDetails;
import io.callqa.telephony.calls.Calls;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Transcriptions;

/**
 * A call's details, transcript and audio. The audio is served as a resource, which gives HTTP Range support so a
 * browser's player can seek.
 */
@RestController
class CallController {

	private final Calls calls;

	private final Transcriptions transcriptions;

	CallController(Calls calls, Transcriptions transcriptions) {
		this.calls = calls;
		this.transcriptions = transcriptions;
	}

	@GetMapping("/api/calls/{id}")
	CallView call(@PathVariable long id) {
		return CallView.of(this.calls.find(id), this.transcriptions.statusOf(id).orElse(null));
	}

	@GetMapping("/api/calls/{id}/transcript")
	Transcript transcript(@PathVariable long id) {
		this.calls.find(id);
		return this.transcriptions.transcriptOf(id)
			.orElseThrow(() -> new TranscriptNotReadyException(id, this.transcriptions.statusOf(id).orElse(null)));
	}

	@GetMapping("/api/calls/{id}/audio")
	ResponseEntity<Resource> audio(@PathVariable long id) {
		CallDetails.RecordingFile recording = this.calls.find(id).recording();
		if (recording == null || !Files.isRegularFile(recording.path())) {
			throw new RecordingMissingException(id);
		}
		Resource audio = new FileSystemResource(recording.path());
		MediaType type = MediaTypeFactory.getMediaType(audio).orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok().contentType(type).body(audio);
	}

}
