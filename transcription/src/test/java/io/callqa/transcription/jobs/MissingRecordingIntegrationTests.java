package io.callqa.transcription.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TranscriptionTestApplication;
import io.callqa.telephony.recordings.CallRecordings;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.TestAudio;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;

/**
 * A job is transcribed from its own recording whatever else the call holds, is FAILED as missing only when its file
 * really is gone, and is queued again on its own once the file is back.
 */
@SpringBootTest(classes = TranscriptionTestApplication.class,
		properties = { "callqa.transcription.workers.backoff=100ms" })
class MissingRecordingIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@Autowired
	Calls calls;

	@Autowired
	CallRecordings recordings;

	@Autowired
	Transcriptions transcriptions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCallWithASecondRecordingIsTranscribedFromTheJobsOwnRecording() throws IOException {
		long callId = upload("refund-8k.wav");
		assertThat(awaitFinished(callId).state()).isEqualTo("DONE");
		// A second file of the same call, as a per-party dialplan's mixed file beside the stereo pair.
		long second = this.recordings.attach(callId, "/monitor/support-1796047513.0.wav",
				TestAudio.file("conversation-8k.wav"), List.of(), "CALL_END").orElseThrow();
		long first = jobRecording(callId);
		assertThat(second).isNotEqualTo(first);
		assertThat(this.calls.find(callId).recording().id()).as("the call shows its transcribed recording")
			.isEqualTo(first);

		requeue(callId);
		TranscriptionStatus status = awaitFinished(callId);
		assertThat(status.reason()).isNull();
		assertThat(status.state()).isEqualTo("DONE");
		assertThat(status.attempts()).isEqualTo(1);
	}

	@Test
	void aJobWhoseFileWasMissingIsQueuedAgainOnceTheFileIsBack() throws IOException {
		long callId = upload("refund-8k.wav");
		assertThat(awaitFinished(callId).state()).isEqualTo("DONE");
		Path file = this.calls.find(callId).recording().path();
		Path away = Files.move(file, file.resolveSibling(file.getFileName() + ".away"));

		requeue(callId);
		TranscriptionStatus failed = awaitFinished(callId);
		assertThat(failed.state()).isEqualTo("FAILED");
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.reason()).startsWith("The recording file is missing: recording " + jobRecording(callId));
		assertThat(this.jdbc.sql("select failure_code from transcription_job where call_id = :id")
			.param("id", callId)
			.query(String.class)
			.single()).isEqualTo("MISSING_FILE");

		Files.move(away, file);
		TranscriptionStatus done = Eventually.await("the job queued again and done", TIMEOUT,
				() -> this.transcriptions.statusOf(callId).orElseThrow(), (status) -> status.state().equals("DONE"));
		assertThat(done.attempts()).isEqualTo(1);
		assertThat(this.transcriptions.transcriptOf(callId).orElseThrow().text()).isNotBlank();
	}

	/** As if the job had to run again (a retry): the call's job back to QUEUED with no attempts. */
	private void requeue(long callId) {
		this.jdbc.sql("""
				update transcription_job set state = 'QUEUED', attempts = 0, available_at = now(), finished_at = null
				where call_id = :id""").param("id", callId).update();
	}

	private long jobRecording(long callId) {
		return this.jdbc.sql("select recording_id from transcription_job where call_id = :id")
			.param("id", callId)
			.query(Long.class)
			.single();
	}

	private long upload(String file) throws IOException {
		NewRecordedCall call = new NewRecordedCall(file, "erin", "support", "+15550100", null, Direction.INBOUND,
				List.of());
		try (InputStream audio = Files.newInputStream(TestAudio.file(file))) {
			return this.calls.registerUpload(call, audio);
		}
	}

	private TranscriptionStatus awaitFinished(long callId) {
		return Eventually.await("transcription of call " + callId, TIMEOUT,
				() -> this.transcriptions.statusOf(callId).orElseThrow(),
				(status) -> status.state().equals("DONE") || status.state().equals("FAILED"));
	}

}
