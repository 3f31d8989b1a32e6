package io.callqa.qaconsole.calls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;

/**
 * Accepts uploaded recordings: the call is stored and queued for transcription (202), or, if the file is not audio we
 * can read, stored with a FAILED status and answered with 422 and the reason.
 */
@RestController
class RecordingController {

	private static final int MAX_FILE_NAME = 255;

	private final Calls calls;

	private final Transcriptions transcriptions;

	RecordingController(Calls calls, Transcriptions transcriptions) {
		this.calls = calls;
		this.transcriptions = transcriptions;
	}

	@PostMapping("/api/recordings")
	ResponseEntity<?> upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String callerNumber,
			@RequestParam(required = false) @Nullable Instant startedAt,
			@RequestParam(defaultValue = "INBOUND") Direction direction,
			@RequestParam(required = false) @Nullable List<String> channels) throws IOException {
		if (file.isEmpty()) {
			throw new IllegalArgumentException("The file is empty");
		}
		NewRecordedCall call = new NewRecordedCall(fileName(file), agent, queue, callerNumber, startedAt, direction,
				(channels != null) ? channels : List.of());
		long callId;
		try (InputStream audio = file.getInputStream()) {
			callId = this.calls.registerUpload(call, audio);
		}
		return accepted(callId, this.transcriptions.statusOf(callId).orElseThrow());
	}

	private static ResponseEntity<?> accepted(long callId, TranscriptionStatus status) {
		URI location = URI.create("/api/calls/" + callId);
		if (status.failed()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(422), status.reason());
			problem.setTitle("Recording cannot be transcribed");
			problem.setProperty("callId", callId);
			problem.setProperty("state", status.state());
			return ResponseEntity.status(422).location(location).body(problem);
		}
		return ResponseEntity.accepted().location(location).body(new Accepted(callId, status.state()));
	}

	/** The name as the user knows it, without folders or control characters (a NUL cannot be stored), at most 255. */
	private static String fileName(MultipartFile file) {
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
			.replaceAll("\\p{Cntrl}", "")
			.strip();
		if (name.length() > MAX_FILE_NAME) {
			name = name.substring(0, MAX_FILE_NAME);
		}
		return name.isEmpty() ? "recording" : name;
	}

	/**
	 * The answer to an accepted upload.
	 */
	record Accepted(long callId, String status) {
	}

}
