package io.callqa.transcription.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TranscriptionTestApplication;
import io.callqa.telephony.calls.Calls;
import io.callqa.telephony.calls.Direction;
import io.callqa.telephony.calls.NewRecordedCall;
import io.callqa.transcription.TestAudio;
import io.callqa.transcription.TranscriptionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TranscriptionJobs}, the queue itself, on the embedded PostgreSQL with no workers running.
 */
@SpringBootTest(classes = TranscriptionTestApplication.class,
		properties = { "callqa.transcription.workers.enabled=false", "callqa.transcription.index.enabled=false" })
class TranscriptionJobsTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	@Autowired
	TranscriptionJobs jobs;

	@Autowired
	Calls calls;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyQueue() {
		this.jdbc.sql("update transcription_job set state = 'DONE' where state in ('QUEUED', 'RUNNING')").update();
	}

	@Test
	void claimWhenTwoWorkersAskShouldGiveEachJobToOneOfThem() throws IOException {
		long first = upload();
		long second = upload();
		TranscriptionJob a = this.jobs.claim("a", LEASE).orElseThrow();
		TranscriptionJob b = this.jobs.claim("b", LEASE).orElseThrow();
		assertThat(List.of(a.callId(), b.callId())).containsExactlyInAnyOrder(first, second);
		assertThat(this.jobs.claim("c", LEASE)).isEmpty();
	}

	@Test
	void claimWhenLeaseExpiredShouldHandTheJobToAnotherWorkerAsANewAttempt() throws IOException, InterruptedException {
		long callId = upload();
		TranscriptionJob dead = this.jobs.claim("dead", Duration.ofMillis(200)).orElseThrow();
		assertThat(this.jobs.claim("live", LEASE)).isEmpty();
		Thread.sleep(400);
		TranscriptionJob live = this.jobs.claim("live", LEASE).orElseThrow();
		assertThat(live.id()).isEqualTo(dead.id());
		assertThat(live.attempts()).isEqualTo(2);
		assertThat(this.jobs.renew(dead.id(), "dead", LEASE)).isFalse();
		assertThat(this.jobs.markDone(live.id(), "live", 1.0)).isTrue();
		assertThat(status(callId).state()).isEqualTo("DONE");
	}

	@Test
	void claimWhenWorkersDiedOnEveryAttemptShouldFailTheJob() throws IOException, InterruptedException {
		long callId = upload();
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(this.jobs.claim("crashing-" + attempt, Duration.ofMillis(100))).isPresent();
			Thread.sleep(200);
		}
		assertThat(this.jobs.claim("next", LEASE)).isEmpty();
		assertThat(status(callId).state()).isEqualTo("FAILED");
		assertThat(status(callId).reason()).contains("3 attempts");
	}

	@Test
	void retryLaterShouldKeepTheJobOutOfReachUntilTheBackoffHasPassed() throws IOException {
		long callId = upload();
		TranscriptionJob job = this.jobs.claim("w", LEASE).orElseThrow();
		this.jobs.retryLater(job, "w", "disk hiccup", Duration.ofHours(1));
		assertThat(this.jobs.claim("w", LEASE)).isEmpty();
		assertThat(status(callId).state()).isEqualTo("QUEUED");
		assertThat(status(callId).reason()).isEqualTo("disk hiccup");
	}

	@Test
	void releaseShouldReturnTheJobWithoutCountingTheAttempt() throws IOException {
		upload();
		TranscriptionJob job = this.jobs.claim("stopping", LEASE).orElseThrow();
		this.jobs.release(job.id(), "stopping");
		assertThat(this.jobs.claim("w", LEASE).orElseThrow().attempts()).isEqualTo(1);
	}

	@Test
	void runWhenRecordingFileIsMissingShouldRetryWithTheReasonThenFail() throws IOException {
		long callId = upload();
		Files.delete(this.calls.find(callId).recording().path());
		TranscriptionWorker worker = new TranscriptionWorker(this.jobs, null, null, this.calls, new FileOpeningTranscriber(),
				null, null, new io.callqa.transcription.TranscriptionProperties.Workers(true, 1, LEASE, 3,
						Duration.ZERO, Duration.ofSeconds(1)));
		worker.run(this.jobs.claim("w", LEASE).orElseThrow(), "w");
		assertThat(status(callId).state()).isEqualTo("QUEUED");
		assertThat(status(callId).reason()).startsWith("The recording file is missing");
		worker.run(this.jobs.claim("w", LEASE).orElseThrow(), "w");
		worker.run(this.jobs.claim("w", LEASE).orElseThrow(), "w");
		assertThat(status(callId).state()).isEqualTo("FAILED");
		assertThat(status(callId).attempts()).isEqualTo(3);
	}

	@Test
	void registerUploadWhenThreeHourRecordingShouldStreamItToDiskAndQueueItWithItsLength() throws IOException {
		long frames = 3L * 3600 * 8000;
		NewRecordedCall call = new NewRecordedCall("long.wav", "agent1", "support", null, null, Direction.INBOUND,
				List.of());
		long callId;
		try (InputStream audio = new SilentWav(frames)) {
			callId = this.calls.registerUpload(call, audio);
		}
		assertThat(Files.size(this.calls.find(callId).recording().path())).isEqualTo(44 + 2 * frames);
		assertThat(status(callId).state()).isEqualTo("QUEUED");
		assertThat(status(callId).audioSec()).isEqualTo(10800.0);
	}

	private TranscriptionStatus status(long callId) {
		return this.jobs.statusOf(callId).orElseThrow();
	}

	private long upload() throws IOException {
		NewRecordedCall call = new NewRecordedCall("tiny-8k.wav", "agent1", "support", null, null, Direction.INBOUND,
				List.of());
		try (InputStream audio = Files.newInputStream(TestAudio.file("tiny-8k.wav"))) {
			return this.calls.registerUpload(call, audio);
		}
	}

	/**
	 * An 8 kHz 16-bit mono WAV of digital silence, made on the fly: a long upload without a long file in the repo.
	 */
	static class SilentWav extends InputStream {

		private final byte[] header;

		private final long length;

		private long position;

		SilentWav(long frames) {
			java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
			b.put("RIFF".getBytes()).putInt((int) (36 + 2 * frames)).put("WAVEfmt ".getBytes()).putInt(16);
			b.putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
			b.put("data".getBytes()).putInt((int) (2 * frames));
			this.header = b.array();
			this.length = 44 + 2 * frames;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int count) {
			if (this.position >= this.length) {
				return -1;
			}
			int n = (int) Math.min(count, this.length - this.position);
			java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
			for (int i = 0; i < n && this.position + i < 44; i++) {
				buffer[offset + i] = this.header[(int) this.position + i];
			}
			this.position += n;
			return n;
		}

	}

	/**
	 * A transcriber that only opens the file, which is all a missing-file test needs (no model).
	 */
	static class FileOpeningTranscriber implements io.callqa.transcription.speech.Transcriber {

		@Override
		public io.callqa.transcription.speech.Recognition transcribe(Path audio, List<String> channelMap)
				throws IOException {
			Files.newInputStream(audio).close();
			throw new IllegalStateException("not reached in these tests");
		}

		@Override
		public String name() {
			return "file-opening";
		}

	}

}
