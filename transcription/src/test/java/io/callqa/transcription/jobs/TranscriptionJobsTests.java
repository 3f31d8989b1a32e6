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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TranscriptionTestApplication;
import io.callqa.telephony.CallRecorded;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.TestAudio;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.audio.SyntheticWav;
import io.callqa.transcription.speech.Checkpoint;

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

	@Autowired
	ApplicationEventPublisher events;

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
		awaitLeaseExpired(dead.id());
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
			awaitLeaseExpired(this.jobs.claim("crashing-" + attempt, Duration.ofMillis(100)).orElseThrow().id());
		}
		assertThat(this.jobs.claim("next", LEASE)).isEmpty();
		assertThat(status(callId).state()).isEqualTo("FAILED");
		assertThat(status(callId).reason()).contains("3 attempts");
	}

	@Test
	void claimWhenLeaseExpiredAfterACheckpointShouldNotCountTheDeadWorkersAttempt()
			throws IOException, InterruptedException {
		long callId = upload();
		for (int attempt = 1; attempt <= 5; attempt++) {
			TranscriptionJob job = this.jobs.claim("restarted-" + attempt, Duration.ofMillis(100)).orElseThrow();
			assertThat(job.attempts()).isEqualTo(1);
			// Each run gets further before its process is killed (a restart, not the recording).
			this.jobs.saveCheckpoint(job.id(), "restarted-" + attempt, checkpoint(attempt * 60));
			awaitLeaseExpired(job.id());
		}
		TranscriptionJob resumed = this.jobs.claim("next", LEASE).orElseThrow();
		assertThat(resumed.attempts()).isEqualTo(1);
		assertThat(resumed.checkpoint()).isEqualTo(checkpoint(5 * 60));
		assertThat(status(callId).state()).isEqualTo("RUNNING");
	}

	@Test
	void claimWhenTheHostWasRestartedSinceTheClaimShouldNotCountTheAttempt() throws IOException, InterruptedException {
		long callId = upload();
		ClaimingHost before = new ClaimingHost("pbx-host", "boot-1");
		ClaimingHost after = new ClaimingHost("pbx-host", "boot-2");
		for (int attempt = 1; attempt <= 3; attempt++) {
			awaitLeaseExpired(this.jobs.claim("crashing-" + attempt, Duration.ofMillis(100), before).orElseThrow().id());
		}
		// The third death came with a power cut: the next boot neither fails the job nor counts that attempt.
		TranscriptionJob job = this.jobs.claim("after-reboot", LEASE, after).orElseThrow();
		assertThat(job.attempts()).isEqualTo(3);
		assertThat(status(callId).state()).isEqualTo("RUNNING");
	}

	@Test
	void enqueueWhenTheCallIsAnnouncedAgainShouldSupersedeItsUnfinishedJob() throws IOException {
		// Telephony announces a per-party pair found after the mixed file it announced first.
		long callId = upload();
		TranscriptionJob mono = this.jobs.claim("mono", LEASE).orElseThrow();
		long pair = perPartyRecording(callId);
		this.events.publishEvent(new CallRecorded(callId, pair, this.calls.find(callId).recording().path(),
				List.of("agent", "customer")));

		// The worker transcribing the mixed file cannot store its transcript after the pair's.
		assertThat(this.jobs.markDone(mono.id(), "mono", 1.0)).isFalse();
		assertThat(this.jobs.claim("w", LEASE).orElseThrow().recordingId()).isEqualTo(pair);
		assertThat(this.jobs.claim("x", LEASE)).isEmpty();
		assertThat(status(callId).state()).isEqualTo("RUNNING");
	}

	@Test
	void enqueueWhenTheCallWasTranscribedAlreadyShouldKeepTheFinishedJobAndQueueTheNewRecording() throws IOException {
		long callId = upload();
		TranscriptionJob mono = this.jobs.claim("mono", LEASE).orElseThrow();
		assertThat(this.jobs.markDone(mono.id(), "mono", 1.0)).isTrue();
		long pair = perPartyRecording(callId);
		this.events.publishEvent(new CallRecorded(callId, pair, this.calls.find(callId).recording().path(),
				List.of("agent", "customer")));

		assertThat(this.jdbc.sql("select recording_id, state from transcription_job where call_id = :id order by id")
			.param("id", callId)
			.query((rs, row) -> rs.getLong(1) + " " + rs.getString(2))
			.list()).containsExactly(mono.recordingId() + " DONE", pair + " QUEUED");
		assertThat(status(callId).state()).isEqualTo("QUEUED");
	}

	/** A second recording of the call, as telephony stores a merged per-party pair (the file is the upload's). */
	private long perPartyRecording(long callId) {
		return this.jdbc.sql("""
				insert into recording (call_id, path, size_bytes, channel_map, origin)
				select call_id, path, size_bytes, 'agent,customer', 'SWEEP' from recording where call_id = :id
				returning id""")
			.param("id", callId)
			.query(Long.class)
			.single();
	}

	/** The claim's worker is taken as dead once its lease has run out in the database's clock. */
	private void awaitLeaseExpired(long jobId) {
		Eventually.await("the lease of job " + jobId + " expired", Duration.ofSeconds(10),
				() -> this.jdbc.sql("select lease_until < now() from transcription_job where id = :id")
					.param("id", jobId)
					.query(Boolean.class)
					.single(),
				Boolean.TRUE::equals);
	}

	private static Checkpoint checkpoint(long seconds) {
		Utterance hello = new Utterance("mixed", 1.0, 1.5, "hello", List.of(new Word("hello", 1.0, 1.5, 0.9)));
		return new Checkpoint(16000, List.of(new Checkpoint.Channel(seconds * 16000, List.of(hello))));
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
		TranscriptionWorker worker = new TranscriptionWorker(this.jobs, null, new JobRecordings(this.calls),
				new FileOpeningTranscriber(), null, null, new io.callqa.transcription.TranscriptionProperties.Workers(true, 1, LEASE, 3,
						Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(60)), null);
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
		SyntheticWav audio = new SyntheticWav(frames);
		long callId = this.calls.registerUpload(call, audio);
		assertThat(Files.size(this.calls.find(callId).recording().path())).isEqualTo(audio.length());
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
