package io.callqa.transcription.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.TestAudio;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;
import io.callqa.transcription.Word;
import io.callqa.transcription.index.TranscriptIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code callqa.transcription.alternatives} on, on real parts: a recorded call is transcribed by the real Vosk
 * model with its n-best alternatives, which are stored with the words in PostgreSQL and found by the tolerant search
 * only, as "alternative".
 */
@SpringBootTest(classes = TranscriptionTestApplication.class, properties = "callqa.transcription.alternatives=5")
class AlternativesPipelineIntegrationTests {

	/** Two recognizers per channel on a machine shared with other builds: far above the few seconds it takes alone. */
	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	@Autowired
	Calls calls;

	@Autowired
	Transcriptions transcriptions;

	@Autowired
	TranscriptIndex index;

	@Autowired
	JdbcClient jdbc;

	@Test
	void alternativesShouldBeStoredWithTheirWordsAndFoundByTheTolerantSearchOnly() throws IOException {
		long callId = upload("conversation-8k.wav");
		assertThat(awaitFinished(callId).state()).isEqualTo("DONE");
		Transcript transcript = this.transcriptions.transcriptOf(callId).orElseThrow();
		List<Word> words = transcript.utterances().stream().flatMap((u) -> u.words().stream()).toList();
		List<Word> withAlternatives = words.stream().filter((word) -> !word.alternatives().isEmpty()).toList();
		assertThat(withAlternatives).as("words with alternatives read back from PostgreSQL").isNotEmpty();
		assertThat(this.jdbc.sql("select count(*) from utterance where call_id = :id and words::text like '%\"a\":%'")
			.param("id", callId)
			.query(Long.class)
			.single()).isPositive();
		Eventually.await("indexing", TIMEOUT, this::outboxApplied, (applied) -> applied);
		// an alternative that no word of the call is, nor shares a stem with
		Word heard = null;
		String alternative = null;
		for (Word word : withAlternatives) {
			for (String candidate : word.alternatives()) {
				if (heard == null && hit(candidate, Matching.STEMMED, callId).isEmpty()) {
					heard = word;
					alternative = candidate;
				}
			}
		}
		assertThat(alternative).as("an alternative not among the words of %s", words).isNotNull();
		assertThat(hit(alternative, Matching.EXACT, callId)).isEmpty();
		SearchHit hit = hit(alternative, Matching.TOLERANT, callId).orElseThrow();
		List<MatchTime> matches = hit.snippets().stream().flatMap((snippet) -> snippet.matches().stream()).toList();
		Word word = heard;
		assertThat(matches).anySatisfy((match) -> {
			assertThat(match.form()).isEqualTo(MatchTime.ALTERNATIVE);
			assertThat(match.words()).isEqualTo(word.word());
			assertThat(match.startSec()).isCloseTo(word.start(), org.assertj.core.data.Offset.offset(0.01));
		});
	}

	private Optional<SearchHit> hit(String text, Matching matching, long callId) {
		return this.transcriptions.search(SearchQuery.of(text).with(matching))
			.hits()
			.stream()
			.filter((hit) -> hit.callId() == callId)
			.findFirst();
	}

	private boolean outboxApplied() {
		long last = this.jdbc.sql("select max(seq) from index_outbox").query(Long.class).single();
		return this.index.committedOutboxSeq() == last;
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
