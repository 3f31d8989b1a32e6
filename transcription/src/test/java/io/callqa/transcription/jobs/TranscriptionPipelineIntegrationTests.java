package io.callqa.transcription.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TranscriptionTestApplication;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.MatchTime;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.TestAudio;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;
import io.callqa.transcription.Word;
import io.callqa.transcription.index.TranscriptIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole module path on real parts: a recorded call becomes a job in PostgreSQL, a worker transcribes it with the
 * real Vosk model, the transcript is stored and the Lucene index makes it searchable.
 */
@SpringBootTest(classes = TranscriptionTestApplication.class)
class TranscriptionPipelineIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@Autowired
	Calls calls;

	@Autowired
	Transcriptions transcriptions;

	@Autowired
	TranscriptionJobs jobs;

	@Autowired
	TranscriptIndex index;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordedCallShouldBeTranscribedStoredAndSearchableWithTheSecondOfTheMatch() throws IOException {
		long callId = upload("conversation-8k.wav", "alice", "support");
		assertThat(awaitFinished(callId).state()).isEqualTo("DONE");
		Transcript transcript = this.transcriptions.transcriptOf(callId).orElseThrow();
		// The batched read gives the same transcript, utterances in order; a call with no transcript is left out.
		assertThat(this.transcriptions.transcriptsOf(List.of(callId, Long.MAX_VALUE)))
			.isEqualTo(java.util.Map.of(callId, transcript));
		Word order = transcript.utterances().stream().flatMap((u) -> u.words().stream())
			.filter((w) -> w.word().equals("order")).findFirst().orElseThrow();
		SearchHit hit = awaitHit("order", callId, "alice");
		MatchTime match = hit.snippets().get(0).matches().get(0);
		assertThat(match.startSec()).isCloseTo(order.start(), org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void recordedCallWhenNotAudioShouldFailAtOnceWithTheReasonAndKeepTheFile() throws IOException {
		long callId = upload("not-audio.wav", "bob", "sales");
		TranscriptionStatus status = this.transcriptions.statusOf(callId).orElseThrow();
		assertThat(status.state()).isEqualTo("FAILED");
		assertThat(status.reason()).containsIgnoringCase("not a WAV");
		assertThat(Files.exists(this.calls.find(callId).recording().path())).isTrue();
	}

	@Test
	void recordedCallWhenSilenceShouldBeDoneWithAnEmptyTranscript() throws IOException {
		long callId = upload("silence-8k.wav", "carol", "support");
		assertThat(awaitFinished(callId).state()).isEqualTo("DONE");
		assertThat(this.transcriptions.transcriptOf(callId).orElseThrow().utterances()).isEmpty();
		assertThat(this.transcriptions.transcriptsOf(List.of(callId)).get(callId).utterances()).isEmpty();
	}

	@Test
	void jobWhenItsWorkerWasKilledShouldBeReclaimedFinishedOnceAndIndexedOnce() throws IOException {
		long callId = upload("refund-8k.wav", "dave", "support");
		awaitFinished(callId);
		Eventually.await("indexing", TIMEOUT, this::outboxApplied, (applied) -> applied);
		int documents = this.index.documentCount();
		long jobId = simulateKilledWorker(callId);
		TranscriptionStatus status = awaitFinished(callId);
		assertThat(status.state()).isEqualTo("DONE");
		assertThat(status.attempts()).isEqualTo(2);
		assertThat(this.jobs.markDone(jobId, "killed-worker", 1.0)).as("the dead worker's late result").isFalse();
		Eventually.await("re-indexing", TIMEOUT, this::outboxApplied, (applied) -> applied);
		assertThat(this.index.documentCount()).isEqualTo(documents);
	}

	/** Puts the call's job back to RUNNING under a worker that will never renew its lease, as after a kill -9. */
	private long simulateKilledWorker(long callId) {
		return this.jdbc.sql("""
				update transcription_job set state = 'RUNNING', attempts = 1, lease_owner = 'killed-worker',
				    lease_until = now() + interval '1 second'
				where call_id = :callId returning id""").param("callId", callId).query(Long.class).single();
	}

	private boolean outboxApplied() {
		long last = this.jdbc.sql("select max(seq) from index_outbox").query(Long.class).single();
		return this.index.committedOutboxSeq() == last;
	}

	private long upload(String file, String agent, String queue) throws IOException {
		NewRecordedCall call = new NewRecordedCall(file, agent, queue, "+15550100", null, Direction.INBOUND, List.of());
		try (InputStream audio = Files.newInputStream(TestAudio.file(file))) {
			return this.calls.registerUpload(call, audio);
		}
	}

	private TranscriptionStatus awaitFinished(long callId) {
		return Eventually.await("transcription of call " + callId, TIMEOUT,
				() -> this.transcriptions.statusOf(callId).orElseThrow(),
				(status) -> status.state().equals("DONE") || status.state().equals("FAILED"));
	}

	private SearchHit awaitHit(String q, long callId, String agent) {
		SearchQuery query = new SearchQuery(q, agent, null, null, null, null, null, 0, 10);
		SearchResults results = Eventually.await("search hit", Duration.ofSeconds(5),
				() -> this.transcriptions.search(query),
				(r) -> r.hits().stream().anyMatch((h) -> h.callId() == callId));
		return results.hits().stream().filter((h) -> h.callId() == callId).findFirst().orElseThrow();
	}

}
