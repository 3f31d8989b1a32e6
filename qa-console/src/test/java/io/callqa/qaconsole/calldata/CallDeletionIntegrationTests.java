package io.callqa.qaconsole.calldata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.OwnDataDirectoryTests;
import io.callqa.telephony.Calls;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.Transcriptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention's deletion primitives across the modules, with real uploads, transcription, index and database: deleting
 * a call leaves no row naming it in any table, no file of its recording (our copy and Asterisk's), and nothing of its
 * words in the index files; deleting a recording takes the transcript's words out of the index and keeps the call.
 */
class CallDeletionIntegrationTests extends OwnDataDirectoryTests {


	static final String NUMBER = "+44 7700 900461";

	static final String OTHER = "+44 7700 900462";


	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CallDeletion deletion;

	@Autowired
	Transcriptions transcriptions;

	@Autowired
	Calls calls;

	@Autowired
	TranscriptionProperties properties;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void deleteCallsShouldLeaveNoRowFileOrIndexedWordOfTheCalls() {
		long deleted = upload("asterisk-inbound-answered.wav", NUMBER);
		long kept = upload("conversation-8k.wav", OTHER);
		String word = awaitIndexedWordOnlyIn(deleted, kept);
		CustomerRows rows = new CustomerRows(this.jdbc, DATA.resolve("spool"));
		List<Path> spool = rows.add(deleted, NUMBER);
		List<Path> otherSpool = rows.add(kept, OTHER);
		Path recording = this.calls.find(deleted).recording().path();
		DatabaseScan scan = new DatabaseScan(this.jdbc);
		assertThat(scan.rowsMentioning(NUMBER)).containsKeys("call.caller_number", "callback_request.number",
				"evaluation.comment", "promise.customer_number", "supervisor_alert.detail");
		assertThat(scan.rowsOfCalls(List.of(deleted)).keySet()).containsAll(scan.callColumns().stream()
			.filter((column) -> !Set.of("promise.kept_by_call_id", "mystery_shopper_unmarked.call_id",
					"legal_hold.call_id").contains(column))
			.toList());
		assertThat(recording).exists();
		assertThat(IndexFiles.filesContaining(indexDir(), word)).isNotEmpty();

		assertThat(this.deletion.deleteCalls(List.of(deleted))).isEqualTo(1);

		assertThat(scan.rowsOfCalls(List.of(deleted))).isEmpty();
		assertThat(scan.rowsMentioning(NUMBER)).isEmpty();
		assertThat(recording).doesNotExist();
		assertThat(spool).allSatisfy((file) -> assertThat(file).doesNotExist());
		assertThat(otherSpool).allSatisfy((file) -> assertThat(file).exists());
		assertThat(this.transcriptions.search(SearchQuery.of(word)).total()).isZero();
		assertThat(IndexFiles.termsContaining(indexDir(), word)).isEmpty();
		assertThat(IndexFiles.filesContaining(indexDir(), word)).isEmpty();
		assertThat(IndexFiles.deletedDocuments(indexDir())).isZero();
		// The other customer's call keeps everything.
		assertThat(scan.rowsOfCalls(List.of(kept))).containsKeys("call.id", "recording.call_id", "transcript.call_id",
				"evaluation.call_id", "callback_request.origin_call_id", "survey_response.call_id");
		assertThat(scan.rowsMentioning(OTHER)).containsKeys("call.caller_number", "callback_request.number");
		assertThat(this.calls.find(kept).recording().path()).exists();
	}

	@Test
	void deleteRecordingsShouldDropTheWordsAndFilesAndKeepTheCallSearchableByItsFacts() {
		long call = upload("asterisk-inbound-answered.wav", "+44 7700 900463");
		long other = upload("conversation-8k.wav", "+44 7700 900464");
		String word = awaitIndexedWordOnlyIn(call, other);
		Path recording = this.calls.find(call).recording().path();

		assertThat(this.deletion.deleteRecordings(List.of(call))).isEqualTo(1);

		assertThat(recording).doesNotExist();
		assertThat(new DatabaseScan(this.jdbc).rowsOfCalls(List.of(call)).keySet()).doesNotContain("recording.call_id",
				"transcript.call_id", "utterance.call_id", "transcription_job.call_id");
		assertThat(this.transcriptions.search(SearchQuery.of(word)).hits()).noneMatch((hit) -> hit.callId() == call);
		assertThat(IndexFiles.termsContaining(indexDir(), word)).isEmpty();
		assertThat(IndexFiles.deletedDocuments(indexDir())).isZero();
		assertThat(this.transcriptions.statusOf(call)).isEmpty();
		// Still there: the call, found by its facts (an upload without a transcript has no document).
		assertThat(this.calls.find(call).callerNumber()).isEqualTo("+44 7700 900463");
	}

	private long upload(String file, String number) {
		return Http.json(this.http.upload("/api/recordings", Fixtures.audio(file),
				Map.of("agent", "alice", "queue", "support", "callerNumber", number)))
			.path("callId")
			.asLong();
	}

	/**
	 * Waits until both calls are transcribed and searchable; a word only the first one's transcript has, of all the
	 * calls in the index (other tests of this context upload other fixtures).
	 */
	private String awaitIndexedWordOnlyIn(long callId, long otherCallId) {
		Set<String> words = new HashSet<>(words(callId));
		words.removeAll(words(otherCallId));
		List<String> candidates = words.stream()
			.filter((w) -> w.matches("[a-z]{5,}"))
			.sorted((a, b) -> Integer.compare(b.length(), a.length()))
			.toList();
		assertThat(candidates).as("words of call %d alone", callId).isNotEmpty();
		Eventually.await("call " + callId + " indexed", Duration.ofSeconds(60),
				() -> this.transcriptions.search(SearchQuery.of(candidates.get(0))).hits(),
				(hits) -> hits.stream().anyMatch((hit) -> hit.callId() == callId));
		return candidates.stream()
			.filter((w) -> this.transcriptions.search(SearchQuery.of(w)).hits().stream()
				.allMatch((hit) -> hit.callId() == callId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("every word of call " + callId + " is in another call too: "
					+ candidates));
	}

	private List<String> words(long callId) {
		return Arrays.asList(Eventually
			.await("call " + callId + " transcribed", Duration.ofSeconds(120),
					() -> this.transcriptions.transcriptOf(callId), java.util.Optional::isPresent)
			.orElseThrow()
			.text()
			.toLowerCase()
			.split("\\W+"));
	}

	private Path indexDir() {
		return this.properties.index().dir();
	}

}
