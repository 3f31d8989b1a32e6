package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.callqa.transcription.Category.Speaker;
import io.callqa.transcription.MatchTime;
import io.callqa.transcription.Matching;
import io.callqa.transcription.PhraseCheck;
import io.callqa.transcription.PhraseFound;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

import static io.callqa.transcription.index.TestCalls.call;
import static io.callqa.transcription.index.TestCalls.said;
import static io.callqa.transcription.index.TestCalls.transcript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The recognizer's alternatives ({@link Word#alternatives()}) in a real index: found in tolerant mode only, at the
 * position of the word they were heard instead of, and reported as {@value MatchTime#ALTERNATIVE}.
 */
class AlternativesIndexTests {

	@TempDir
	Path dir;

	TranscriptIndex index;

	@BeforeEach
	void indexCalls() throws IOException {
		this.index = TranscriptIndex.open(this.dir);
		for (IndexedCall call : calls()) {
			this.index.index(call);
		}
		this.index.commit(3);
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
	}

	private static List<IndexedCall> calls() {
		return List.of(
				// what the recognizer made of "i will send a reset link", and what it almost heard
				call(1, "alice", "support", "2026-01-10T09:00:00Z", 60, transcript(1,
						said("customer", 1.0, "my password does not work"),
						withAlternatives(said("agent", 5.0, "i will send a repair leading kid"),
								Map.of("repair", List.of("reset", "rebate"), "leading", List.of("link", "linking"))))),
				call(2, "bob", "support", "2026-01-11T09:00:00Z", 60, transcript(2,
						said("agent", 1.0, "i will send a reset link"))),
				call(3, "carol", "billing", "2026-01-12T09:00:00Z", 60, transcript(3,
						said("customer", 1.0, "i did not get the link"))));
	}

	/** The utterance with these alternatives for some of its words. */
	static Utterance withAlternatives(Utterance utterance, Map<String, List<String>> alternatives) {
		List<Word> words = utterance.words()
			.stream()
			.map((word) -> word.withAlternatives(alternatives.get(word.word())))
			.toList();
		return new Utterance(utterance.speaker(), utterance.start(), utterance.end(), utterance.text(), words);
	}

	@Test
	void wordOnlyAnAlternativeShouldBeFoundInTolerantModeAlone() {
		assertThat(ids("rebate", Matching.TOLERANT)).containsExactly(1L);
		assertThat(ids("rebate", Matching.STEMMED)).isEmpty();
		assertThat(ids("rebate", Matching.EXACT)).isEmpty();
		assertThat(ids("reset", Matching.STEMMED)).containsExactly(2L);
		assertThat(ids("reset", Matching.TOLERANT)).containsExactly(2L, 1L);
		// alternatives are stemmed as the words are
		assertThat(ids("rebates", Matching.TOLERANT)).containsExactly(1L);
	}

	@Test
	void phraseShouldMixWordsSaidAndAlternativesAtTheirPositions() {
		assertThat(ids("\"reset link\"", Matching.TOLERANT)).containsExactly(2L, 1L);
		assertThat(ids("\"send a reset\"", Matching.TOLERANT)).containsExactly(2L, 1L);
		assertThat(ids("\"reset link kid\"", Matching.TOLERANT)).containsExactly(1L);
		assertThat(ids("\"reset link\"", Matching.STEMMED)).containsExactly(2L);
		// the words heard keep their positions: the alternatives take none
		assertThat(ids("\"send a repair leading kid\"", Matching.EXACT)).containsExactly(1L);
		assertThat(ids("\"reset kid\"", Matching.TOLERANT)).isEmpty();
	}

	@Test
	void matchOfAnAlternativeShouldShowTheWordHeardItsSecondsAndSayAlternative() {
		MatchTime match = matches(hit("\"reset link\"", 1)).get(0);
		assertThat(match.words()).isEqualTo("repair leading");
		assertThat(match.form()).isEqualTo(MatchTime.ALTERNATIVE);
		assertThat(match.speaker()).isEqualTo("agent");
		Word repair = TestCalls.word(calls().get(0), "repair", 0);
		assertThat(match.startSec()).isEqualTo(repair.start());
		assertThat(match.endSec()).isEqualTo(TestCalls.word(calls().get(0), "leading", 0).end());
		// a word heard as such is still an exact match, with its alternatives in the index too
		assertThat(matches(hit("repair", 1))).extracting(MatchTime::words, MatchTime::form)
			.containsExactly(tuple("repair", MatchTime.EXACT));
	}

	@Test
	void speakerFieldShouldHoldThatSpeakersAlternativesOnly() {
		assertThat(ids("said_by_agent:reset", Matching.TOLERANT)).containsExactly(2L, 1L);
		assertThat(ids("said_by_customer:reset", Matching.TOLERANT)).isEmpty();
		assertThat(ids("said_by_agent:\"reset link\"", Matching.TOLERANT)).containsExactly(2L, 1L);
		assertThat(ids("said_by_agent_alts:rebate")).containsExactly(1L);
	}

	@Test
	void checksShouldFindAlternativesAsTheSearchDoes() {
		Transcript transcript = calls().get(0).transcript();
		List<List<PhraseFound>> found = new MemoryTranscriptChecks()
			.compile(List.of(new PhraseCheck("\"reset link\"", Speaker.AGENT, Matching.TOLERANT),
					new PhraseCheck("\"reset link\"", Speaker.AGENT, Matching.STEMMED),
					new PhraseCheck("rebate", Speaker.ANY, Matching.TOLERANT)))
			.run(transcript);
		assertThat(found.get(0)).extracting(PhraseFound::words, PhraseFound::form)
			.containsExactly(tuple("repair leading", MatchTime.ALTERNATIVE));
		assertThat(found.get(1)).isEmpty();
		assertThat(found.get(2)).extracting(PhraseFound::words).containsExactly("repair");
	}

	private List<Long> ids(String text) {
		return ids(text, Matching.STEMMED);
	}

	private List<Long> ids(String text, Matching matching) {
		return this.index.search(SearchQuery.of(text).with(matching)).hits().stream().map(SearchHit::callId).toList();
	}

	private SearchHit hit(String text, long callId) {
		return this.index.search(SearchQuery.of(text).with(Matching.TOLERANT))
			.hits()
			.stream()
			.filter((hit) -> hit.callId() == callId)
			.findFirst()
			.orElseThrow();
	}

	private static List<MatchTime> matches(SearchHit hit) {
		return hit.snippets().stream().flatMap((snippet) -> snippet.matches().stream()).toList();
	}

}
