package io.callqa.qaconsole.calls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.CallDetails;
import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Transcriptions;

/**
 * A call's details, transcript and audio. The audio is served as a resource, which gives HTTP Range support so a
 * browser's player can seek.
 */
@RestController
class CallController {

	private static final MediaType AUDIO_WAV = new MediaType("audio", "wav");

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

	/**
	 * Every request is audited: a player's seeks are Range requests, a download asks {@code ?download=true}. A
	 * recording held until redacted is a 409 (not audited: nothing was heard). The
	 * file is served as audio only: {@code audio/wav} when it is a WAV by its own header, otherwise as a download;
	 * never with the type or name it was uploaded with (an uploaded page must not run in the console's origin).
	 */
	@GetMapping("/api/calls/{id}/audio")
	ResponseEntity<Resource> audio(@PathVariable long id, @RequestParam(defaultValue = "false") boolean download,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range,
			@AuthenticationPrincipal CallQaUser user) {
		CallDetails.RecordingFile recording = this.access.readable(id, user).recording();
		if (recording == null || !Files.isRegularFile(recording.path())) {
			throw new RecordingMissingException(id);
		}
		if (!recording.clearance().playable()) {
			throw new RecordingHeldException(id);
		}
		this.access.audit(user, id, download, range);
		boolean wav = isWav(recording.path());
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(wav ? AUDIO_WAV : MediaType.APPLICATION_OCTET_STREAM)
			.header("X-Content-Type-Options", "nosniff")
			// Should a browser still render it, it renders in a sandbox: no script, no origin.
			.header("Content-Security-Policy", "sandbox");
		if (download || !wav) {
			response.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("call-" + id + (wav ? ".wav" : "")).build().toString());
		}
		return response.body(new FileSystemResource(recording.path()));
	}

	/** RIFF (or RF64, past 4 GB) with the WAVE form type: what our reader takes, whatever the file is called. */
	private static boolean isWav(Path file) {
		byte[] header = new byte[12];
		try (InputStream in = Files.newInputStream(file)) {
			if (in.readNBytes(header, 0, 12) < 12) {
				return false;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.getFileName(), ex);
		}
		String riff = new String(header, 0, 4, StandardCharsets.US_ASCII);
		String form = new String(header, 8, 4, StandardCharsets.US_ASCII);
		return (riff.equals("RIFF") || riff.equals("RF64")) && form.equals("WAVE");
	}

}
