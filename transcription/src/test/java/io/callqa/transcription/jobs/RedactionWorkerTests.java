package io.callqa.transcription.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.TranscriptionTestApplication;
import io.callqa.telephony.AudioRedaction;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.Redaction;
import io.callqa.transcription.TestAudio;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.audio.AudioInfo;
import io.callqa.transcription.audio.Encoding;
import io.callqa.transcription.redaction.RedactionProperties;
import io.callqa.transcription.redaction.Redactions;
import io.callqa.transcription.speech.Checkpoint;
import io.callqa.transcription.speech.Progress;
import io.callqa.transcription.speech.Recognition;
import io.callqa.transcription.speech.Transcriber;
import io.callqa.transcription.speech.TranscriptionStoppedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's redaction hook on the real queue, store and recordings (telephony's AudioRedaction), with a transcriber
 * that "hears" a card number, so no model is needed: what is stored in each mode, a failed audio redaction, and
 * checkpoints.
 */
@SpringBootTest(classes = TranscriptionTestApplication.class,
		properties = { "callqa.transcription.workers.enabled=false", "callqa.transcription.index.enabled=false" })
class RedactionWorkerTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	private static final String CARD = "my card number is four five five six seven three seven five eight six eight nine"
			+ " nine eight five five thanks";

	@Autowired
	TranscriptionJobs jobs;

	@Autowired
	TranscriptRepository transcripts;

	@Autowired
	Calls calls;

	@Autowired
	AudioRedaction audio;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyQueue() {
		this.jdbc.sql("update transcription_job set state = 'DONE' where state in ('QUEUED', 'RUNNING')").update();
	}

	@Test
	void redactModeStoresTheLabelAndTheSpanAndOverwritesTheAudioFirst() throws IOException {
		long callId = upload();
		byte[] before = Files.readAllBytes(recording(callId));
		worker(RedactionProperties.Mode.REDACT, this.audio, new Hearing(CARD)).run(claim(), "w");
		Transcript transcript = this.transcripts.find(callId).orElseThrow();
		assertThat(transcript.text()).isEqualTo("my card number is [card number] thanks");
		assertThat(transcript.redactions()).containsExactly(new Redaction("card number", "customer", 2.5, 10.4, true,
				null));
		assertThat(Files.readAllBytes(recording(callId))).isNotEqualTo(before);
		assertThat(this.jdbc.sql("select words::text from utterance where call_id = :id").param("id", callId)
			.query(String.class).single()).doesNotContain("four", "five", "nine");
	}

	@Test
	void highlightModeKeepsTheWordsAndTheAudioAndRecordsWhatWouldHaveBeenRedacted() throws IOException {
		long callId = upload();
		byte[] before = Files.readAllBytes(recording(callId));
		worker(RedactionProperties.Mode.HIGHLIGHT, this.audio, new Hearing(CARD)).run(claim(), "w");
		Transcript transcript = this.transcripts.find(callId).orElseThrow();
		assertThat(transcript.text()).isEqualTo(CARD);
		assertThat(transcript.redactions()).containsExactly(new Redaction("card number", "customer", 2.5, 10.4, false,
				"four five five six seven three seven five eight six eight nine nine eight five five"));
		assertThat(Files.readAllBytes(recording(callId))).isEqualTo(before);
	}

	@Test
	void offModeFindsNothing() throws IOException {
		long callId = upload();
		worker(RedactionProperties.Mode.OFF, this.audio, new Hearing(CARD)).run(claim(), "w");
		Transcript transcript = this.transcripts.find(callId).orElseThrow();
		assertThat(transcript.text()).isEqualTo(CARD);
		assertThat(transcript.redactions()).isEmpty();
	}

	@Test
	void whenTheAudioCannotBeRedactedNothingIsStoredAndTheJobRetriesWithTheReason() throws IOException {
		long callId = upload();
		AudioRedaction broken = new AudioRedaction() {

			@Override
			public void redact(long recordingId, List<io.callqa.telephony.AudioSpan> spans) throws IOException {
				throw new IOException("disk full");
			}

			@Override
			public boolean release(long recordingId, String releasedBy, String reason) {
				return false;
			}

		};
		worker(RedactionProperties.Mode.REDACT, broken, new Hearing(CARD)).run(claim(), "w");
		assertThat(this.jobs.statusOf(callId).orElseThrow()).satisfies((status) -> {
			assertThat(status.state()).isEqualTo("QUEUED");
			assertThat(status.reason()).isEqualTo("The recording could not be redacted: disk full");
		});
		assertThat(this.transcripts.find(callId)).isEmpty();
	}

	@Test
	void aCheckpointSavedInRedactModeHoldsNoDigits() throws IOException {
		long callId = upload();
		Transcriber stopping = new Hearing(CARD) {

			@Override
			public Recognition transcribe(Path file, List<String> channelMap, Progress progress) {
				progress.save(new Checkpoint(16000, List.of(new Checkpoint.Channel(16000L * 11, said(CARD)))));
				throw new TranscriptionStoppedException(11);
			}

		};
		worker(RedactionProperties.Mode.REDACT, this.audio, stopping).run(claim(), "w", () -> true);
		String saved = this.jdbc.sql("select checkpoint::text from transcription_job where call_id = :id")
			.param("id", callId).query(String.class).single();
		assertThat(saved).contains("[card number]").doesNotContain("four", "five", "six", "seven", "eight", "nine");
	}

	private TranscriptionWorker worker(RedactionProperties.Mode mode, AudioRedaction audio, Transcriber transcriber) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("audio", audio));
		Redactions redactions = new Redactions(RedactionProperties.defaults().withMode(mode),
				beans.getBeanProvider(AudioRedaction.class));
		return new TranscriptionWorker(this.jobs, this.transcripts, new JobRecordings(this.calls), transcriber,
				this.transaction, this.events, new TranscriptionProperties.Workers(true, 1, LEASE, 3, Duration.ZERO,
						Duration.ofSeconds(1), Duration.ofSeconds(60)), redactions);
	}

	private TranscriptionJob claim() {
		return this.jobs.claim("w", LEASE).orElseThrow();
	}

	private Path recording(long callId) {
		return this.calls.find(callId).recording().path();
	}

	private long upload() throws IOException {
		NewRecordedCall call = new NewRecordedCall("conversation-8k.wav", "agent1", "support", null, null,
				Direction.INBOUND, List.of());
		try (InputStream in = Files.newInputStream(TestAudio.file("conversation-8k.wav"))) {
			return this.calls.registerUpload(call, in);
		}
	}

	/** "Hears" one utterance of the customer, each word 0.4 s, 0.1 s apart, from 0.5 s. */
	static class Hearing implements Transcriber {

		private final String text;

		Hearing(String text) {
			this.text = text;
		}

		static List<Utterance> said(String text) {
			List<Word> words = new ArrayList<>();
			double at = 0.5;
			for (String w : text.split(" ")) {
				words.add(new Word(w, at, at + 0.4, 0.9));
				at += 0.5;
			}
			return List.of(new Utterance("customer", 0.5, at - 0.1, text, words));
		}

		@Override
		public Recognition transcribe(Path file, List<String> channelMap) {
			return new Recognition(new AudioInfo(Encoding.PCM_S16LE, 8000, 1, 8000 * 17), 17.66, said(this.text));
		}

		@Override
		public String name() {
			return "hearing";
		}

	}

}
