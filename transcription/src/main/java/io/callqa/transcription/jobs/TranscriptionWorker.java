package io.callqa.transcription.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptReady;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.audio.AudioFormatException;
import io.callqa.transcription.redaction.Redactions;
import io.callqa.transcription.speech.Checkpoint;
import io.callqa.transcription.speech.Progress;
import io.callqa.transcription.speech.Recognition;
import io.callqa.transcription.speech.Transcriber;
import io.callqa.transcription.speech.TranscriptionStoppedException;

/**
 * Runs one claimed job: transcribes outside any transaction, then stores the transcript, marks the job done and adds
 * the index outbox row in one transaction, provided the lease is still ours.
 */
class TranscriptionWorker {

	private static final Logger log = LoggerFactory.getLogger(TranscriptionWorker.class);

	/** The failure code of a job whose recording's file was not there: queued again once it is. */
	static final String MISSING_FILE = "MISSING_FILE";

	private final TranscriptionJobs jobs;

	private final TranscriptRepository transcripts;

	private final JobRecordings recordings;

	private final Transcriber transcriber;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final TranscriptionProperties.Workers settings;

	private final Redactions redactions;

	TranscriptionWorker(TranscriptionJobs jobs, TranscriptRepository transcripts, JobRecordings recordings,
			Transcriber transcriber, TransactionTemplate transaction, ApplicationEventPublisher events,
			TranscriptionProperties.Workers settings, Redactions redactions) {
		this.jobs = jobs;
		this.transcripts = transcripts;
		this.recordings = recordings;
		this.transcriber = transcriber;
		this.transaction = transaction;
		this.events = events;
		this.settings = settings;
		this.redactions = redactions;
	}

	Optional<TranscriptionJob> claim(String owner) {
		return this.jobs.claim(owner, this.settings.lease());
	}

	void run(TranscriptionJob job, String owner) {
		run(job, owner, () -> false);
	}

	/**
	 * @param stopping whether this process is stopping: the job then saves a checkpoint and is handed back without
	 * counting the attempt, and nothing that goes wrong while stopping counts as a failure either
	 */
	void run(TranscriptionJob job, String owner, BooleanSupplier stopping) {
		try {
			// The job's own recording, read once per attempt: a call may have several (a per-party pair and the mixed file).
			JobRecordings.Recording recording = this.recordings.of(job.callId(), job.recordingId())
				.orElseThrow(() -> new NoSuchFileException("recording " + job.recordingId() + " is not registered"));
			if (!Files.isRegularFile(recording.path())) {
				throw new NoSuchFileException("recording " + job.recordingId() + " (" + recording.path().getFileName()
						+ " in the recordings directory)");
			}
			JobProgress progress = new JobProgress(job, owner, stopping);
			store(job, owner, this.transcriber.transcribe(recording.path(), recording.channelMap(), progress));
		}
		catch (TranscriptionStoppedException ex) {
			handBack(job, owner, ex.getMessage());
		}
		catch (AudioFormatException ex) {
			this.jobs.fail(job, owner, ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			if (stopping.getAsBoolean()) {
				handBack(job, owner, describe(ex));
			}
			else {
				failOrRetry(job, owner, describe(ex), (ex instanceof NoSuchFileException) ? MISSING_FILE : null);
			}
		}
	}

	private void handBack(TranscriptionJob job, String owner, String why) {
		log.info("Job {} of call {} handed back for the next start ({})", job.id(), job.callId(), why);
		this.jobs.release(job.id(), owner);
	}

	/** Resumes from the job's checkpoint and saves new ones in its row while the lease is ours. */
	private final class JobProgress implements Progress {

		private final TranscriptionJob job;

		private final String owner;

		private final BooleanSupplier stopping;

		JobProgress(TranscriptionJob job, String owner, BooleanSupplier stopping) {
			this.job = job;
			this.owner = owner;
			this.stopping = stopping;
		}

		@Override
		public @Nullable Checkpoint resumeFrom() {
			Checkpoint checkpoint = this.job.checkpoint();
			if (checkpoint != null) {
				log.info("Job {} of call {} resumes after {} s of audio", this.job.id(), this.job.callId(),
						Math.round(checkpoint.progressSec() / checkpoint.channels().size()));
			}
			return checkpoint;
		}

		@Override
		public double checkpointEverySec() {
			return TranscriptionWorker.this.settings.checkpointEvery().toMillis() / 1000.0;
		}

		@Override
		public void save(Checkpoint checkpoint) {
			try {
				// Checkpoints are stored too: in redact mode without the digits of anything that may be redacted.
				TranscriptionWorker.this.jobs.saveCheckpoint(this.job.id(), this.owner,
						TranscriptionWorker.this.redactions.checkpoint(checkpoint));
				log.debug("Job {}: checkpoint at {} s of audio (summed over channels)", this.job.id(),
						checkpoint.progressSec());
			}
			catch (RuntimeException ex) {
				// Only a shortcut for a later attempt: the transcription goes on without it.
				log.warn("Job {}: checkpoint not saved: {}", this.job.id(), ex.getMessage());
			}
		}

		@Override
		public boolean stopRequested() {
			return this.stopping.getAsBoolean();
		}

	}

	/**
	 * @throws IOException if the recording's audio could not be redacted: nothing is stored, the job retries
	 */
	private void store(TranscriptionJob job, String owner, Recognition recognition) throws IOException {
		// Redaction first (the audio is overwritten before any word is stored), then the words as they may be kept.
		Redactions.Result redacted = this.redactions.apply(job.recordingId(), recognition.utterances());
		Transcript transcript = new Transcript(job.callId(), recognition.audioSec(), redacted.utterances(),
				redacted.redactions());
		if (recognition.truncation() != null) {
			log.warn("Job {} of call {}: transcribed what the file holds, {}", job.id(), job.callId(),
					recognition.truncation());
		}
		Boolean stored = this.transaction.execute((status) -> {
			if (!this.jobs.markDone(job.id(), owner, recognition.audioSec(), recognition.truncation())) {
				return false;
			}
			this.transcripts.save(transcript, job.recordingId(), job.id(), this.transcriber.name());
			return true;
		});
		if (Boolean.TRUE.equals(stored)) {
			this.events.publishEvent(new TranscriptReady(job.callId()));
		}
		else {
			log.warn("Job {} of call {}: no longer this worker's (its lease expired, or a newer recording of the call"
					+ " superseded it), result discarded", job.id(), job.callId());
		}
	}

	private void failOrRetry(TranscriptionJob job, String owner, String reason, @Nullable String code) {
		log.warn("Job {} of call {}, attempt {}/{}: {}", job.id(), job.callId(), job.attempts(), job.maxAttempts(),
				reason);
		if (job.hasAttemptsLeft()) {
			this.jobs.retryLater(job, owner, reason, job.retryDelay(this.settings.backoff()));
		}
		else {
			this.jobs.fail(job, owner, reason, code);
		}
	}

	private static String describe(Exception ex) {
		if (ex instanceof NoSuchFileException) {
			return "The recording file is missing: " + ex.getMessage();
		}
		String message = ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

}
