package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.callqa.transcription.Category.Speaker;
import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.MatchTime;
import io.callqa.transcription.Matching;
import io.callqa.transcription.PhraseCheck;
import io.callqa.transcription.PhraseFound;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptChecks.CompiledChecks;

import static io.callqa.transcription.index.TestCalls.said;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Phrase checks against one transcript match exactly what the search finds in the index, per speaker and matching
 * mode, and report each occurrence at the seconds the search's highlighted matches have.
 */
class TranscriptChecksTests {

	/** Queries of every kind the syntax has, each searched as a check and as a search. */
	static final List<String> QUERIES = List.of("refund", "\"call you back\"", "\"refund week\"~5", "refun*",
			"refnd~", "sorry OR \"call me back\"", "refund AND NOT week", "\"thank you\"", "exact:refunding",
			"monday", "manager", "\"escalate to my manager\"", "\"help i\"", "refused");

	@TempDir
	Path dir;

	TranscriptIndex index;

	final MemoryTranscriptChecks checks = new MemoryTranscriptChecks();

	@BeforeEach
	void indexTheTestCalls() throws IOException {
		this.index = TranscriptIndex.open(this.dir);
		for (IndexedCall call : TestCalls.all()) {
			this.index.index(call);
		}
		this.index.commit(6);
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
	}

	@Test
	void checksShouldMatchExactlyTheCallsTheSearchFindsPerSpeakerAndMatching() {
		for (Matching matching : Matching.values()) {
			for (Speaker speaker : Speaker.values()) {
				List<PhraseCheck> wanted = QUERIES.stream()
					.map((query) -> new PhraseCheck(query, speaker, matching))
					.toList();
				CompiledChecks compiled = this.checks.compile(wanted);
				for (IndexedCall call : TestCalls.all()) {
					List<List<PhraseFound>> found = compiled.run(call.transcript());
					for (int i = 0; i < wanted.size(); i++) {
						String searched = scoped(QUERIES.get(i), speaker);
						boolean inIndex = ids(searched, matching).contains(call.callId());
						assertThat(!found.get(i).isEmpty())
							.as("%s by %s, %s, in call %d", searched, speaker, matching, call.callId())
							.isEqualTo(inIndex);
					}
				}
			}
		}
	}

	@Test
	void occurrencesShouldHaveTheSecondsSpeakerAndFormOfTheSearchsMatches() {
		for (String query : List.of("refund", "\"call you back\"", "refun*", "sorry", "\"escalate to my manager\"")) {
			CompiledChecks compiled = this.checks.compile(List.of(new PhraseCheck(query, Speaker.ANY, null)));
			for (IndexedCall call : TestCalls.all()) {
				List<PhraseFound> found = compiled.run(call.transcript()).get(0);
				List<PhraseFound> highlighted = highlighted(query, call.callId());
				assertThat(found).as("%s in call %d", query, call.callId()).containsAll(highlighted);
			}
		}
	}

	@Test
	void everyOccurrenceShouldBeReportedInTimeOrderWithItsWords() {
		Transcript transcript = TestCalls.transcript(9, said("agent", 1.0, "thank you for calling"),
				said("customer", 3.0, "i want a refund refunds please"),
				said("agent", 8.0, "the refund is done thank you"));
		List<List<PhraseFound>> found = this.checks
			.compile(List.of(new PhraseCheck("refund", Speaker.ANY, Matching.STEMMED),
					new PhraseCheck("\"thank you\"", Speaker.AGENT, Matching.EXACT),
					new PhraseCheck("refund", Speaker.CUSTOMER, Matching.EXACT),
					new PhraseCheck("goodbye", Speaker.ANY, Matching.STEMMED)))
			.run(transcript);
		assertThat(found.get(0)).extracting(PhraseFound::words).containsExactly("refund", "refunds", "refund");
		assertThat(found.get(0)).extracting(PhraseFound::form).containsExactly("exact", "stem", "exact");
		assertThat(found.get(0)).extracting(PhraseFound::speaker).containsExactly("customer", "customer", "agent");
		assertThat(found.get(0).get(2).startSec()).isEqualTo(8.0 + 1 * TestCalls.WORD_SECONDS);
		assertThat(found.get(1)).extracting(PhraseFound::startSec).containsExactly(1.0, 8.0 + 4 * TestCalls.WORD_SECONDS);
		assertThat(found.get(1).get(0).endSec()).isEqualTo(1.0 + TestCalls.WORD_SECONDS + 0.4);
		assertThat(found.get(1).get(0).words()).isEqualTo("thank you");
		assertThat(found.get(2)).extracting(PhraseFound::words).containsExactly("refund");
		assertThat(found.get(3)).isEmpty();
	}

	@Test
	void tolerantChecksShouldReportWhatSoundedAlike() {
		Transcript transcript = TestCalls.transcript(9, said("customer", 1.0, "i want to council my order"));
		List<PhraseFound> found = this.checks.compile(List.of(new PhraseCheck("cancel", Speaker.CUSTOMER,
				Matching.TOLERANT))).run(transcript).get(0);
		assertThat(found).extracting(PhraseFound::words, PhraseFound::form)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("council", "sounds like"));
	}

	@Test
	void aPhraseShouldNotSpanTwoUtterancesOfOneSpeaker() {
		Transcript transcript = TestCalls.transcript(9, said("agent", 1.0, "please call"),
				said("customer", 2.0, "yes"), said("agent", 3.0, "back later"));
		List<List<PhraseFound>> found = this.checks
			.compile(List.of(new PhraseCheck("\"call back\"", Speaker.AGENT, null),
					new PhraseCheck("\"call yes back\"", Speaker.ANY, null)))
			.run(transcript);
		assertThat(found.get(0)).isEmpty();
		assertThat(found.get(1)).hasSize(1);
	}

	@Test
	void aTranscriptWithoutWordsShouldMatchNothing() {
		assertThat(this.checks.compile(List.of(new PhraseCheck("refund", null, null)))
			.run(new Transcript(1, 10, List.of()))).containsExactly(List.of());
	}

	@Test
	void compileShouldRefuseABadQueryNamingIt() {
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> this.checks.compile(List.of(new PhraseCheck("refund", null, null),
					new PhraseCheck("\"call you", null, null))))
			.withMessageStartingWith("'\"call you': ");
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> this.checks.compile(List.of(new PhraseCheck(" ", null, null))));
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> this.checks.compile(List.of(new PhraseCheck("agent:alice", null, null))))
			.withMessageContaining("searches no spoken words");
	}

	@Test
	void compiledChecksShouldRunFromManyThreadsAtOnce() {
		CompiledChecks compiled = this.checks
			.compile(List.of(new PhraseCheck("refund", Speaker.CUSTOMER, Matching.TOLERANT),
					new PhraseCheck("\"call you back\"", Speaker.AGENT, null)));
		List<List<List<PhraseFound>>> expected = TestCalls.all()
			.stream()
			.map((call) -> compiled.run(call.transcript()))
			.toList();
		List<Boolean> same = Stream.iterate(0, (i) -> i + 1)
			.limit(400)
			.parallel()
			.map((i) -> compiled.run(TestCalls.all().get(i % 6).transcript()).equals(expected.get(i % 6)))
			.toList();
		assertThat(same).containsOnly(true);
	}

	private static String scoped(String query, Speaker speaker) {
		return switch (speaker) {
			case ANY -> query;
			case AGENT -> "said_by_agent:(" + query + ")";
			case CUSTOMER -> "said_by_customer:(" + query + ")";
		};
	}

	private List<Long> ids(String text, Matching matching) {
		return this.index.search(new SearchQuery(text, null, null, null, null, null, null, 0, 10).with(matching))
			.hits()
			.stream()
			.map(SearchHit::callId)
			.toList();
	}

	private List<PhraseFound> highlighted(String text, long callId) {
		List<PhraseFound> found = new ArrayList<>();
		this.index.search(new SearchQuery(text, null, null, null, null, null, null, 0, 10))
			.hits()
			.stream()
			.filter((hit) -> hit.callId() == callId)
			.flatMap((hit) -> hit.snippets().stream())
			.flatMap((snippet) -> snippet.matches().stream())
			.forEach((MatchTime match) -> found
				.add(new PhraseFound(match.startSec(), match.endSec(), match.speaker(), match.words(), match.form())));
		return found;
	}

}
