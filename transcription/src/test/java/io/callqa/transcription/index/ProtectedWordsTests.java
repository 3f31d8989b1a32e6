package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;

import static io.callqa.transcription.index.TestCalls.call;
import static io.callqa.transcription.index.TestCalls.said;
import static io.callqa.transcription.index.TestCalls.transcript;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Words Porter2 would join with a word of another meaning ({@link TranscriptAnalyzer#PROTECTED}) are kept apart from
 * it, in every matching, while their own plurals and possessives still find them.
 */
class ProtectedWordsTests {

	@TempDir
	Path dir;

	TranscriptIndex index;

	@BeforeEach
	void indexCalls() throws IOException {
		this.index = TranscriptIndex.open(this.dir);
		List<String> said = List.of("my accountant called yesterday", "my account is locked",
				"i want to speak to the manager", "i will manage it myself", "we will send a replacement",
				"we will replace the screen", "please hold for an operator", "the operation was cancelled",
				"our provider is down", "i will provide the number", "thank you valued customer",
				"this is a custom order", "a representative will call", "i represent the company");
		for (int i = 0; i < said.size(); i++) {
			this.index.index(call(i + 1, "alice", "support", "2026-01-10T09:00:00Z", 60,
					transcript(i + 1, said("customer", 1.0, said.get(i)))));
		}
		this.index.commit(1);
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
	}

	@Test
	void protectedWordShouldNotFindTheWordPorter2JoinsItWith() {
		for (Matching matching : Matching.values()) {
			assertThat(ids("accountant", matching)).as(matching.name()).containsExactly(1L);
			assertThat(ids("account", matching)).as(matching.name()).containsExactly(2L);
			assertThat(ids("manager", matching)).as(matching.name()).containsExactly(3L);
			assertThat(ids("replacement", matching)).as(matching.name()).containsExactly(5L);
			assertThat(ids("operator", matching)).as(matching.name()).containsExactly(7L);
			assertThat(ids("operation", matching)).as(matching.name()).containsExactly(8L);
			assertThat(ids("provider", matching)).as(matching.name()).containsExactly(9L);
			assertThat(ids("customer", matching)).as(matching.name()).containsExactly(11L);
			assertThat(ids("representative", matching)).as(matching.name()).containsExactly(13L);
		}
		assertThat(ids("managed", Matching.STEMMED)).containsExactly(4L);
		assertThat(ids("replaced", Matching.STEMMED)).containsExactly(6L);
		assertThat(ids("provides", Matching.STEMMED)).containsExactly(10L);
		assertThat(ids("represented", Matching.STEMMED)).containsExactly(14L);
		assertThat(ids("customs", Matching.STEMMED)).containsExactly(12L);
	}

	@Test
	void protectedWordShouldStillFindItsPluralAndPossessive() {
		assertThat(ids("accountants", Matching.STEMMED)).containsExactly(1L);
		assertThat(ids("accountant's", Matching.STEMMED)).containsExactly(1L);
		assertThat(ids("managers", Matching.TOLERANT)).containsExactly(3L);
		assertThat(ids("replacements", Matching.STEMMED)).containsExactly(5L);
		assertThat(ids("customers", Matching.STEMMED)).containsExactly(11L);
	}

	@Test
	void isProtectedShouldKnowThePluralsAndPossessivesInAnyCase() {
		assertThat(TranscriptAnalyzer.isProtected("Accountants")).isTrue();
		assertThat(TranscriptAnalyzer.isProtected("manager's")).isTrue();
		assertThat(TranscriptAnalyzer.isProtected("account")).isFalse();
		assertThat(TranscriptAnalyzer.stemsOf("accountants")).containsExactly("accountant");
		assertThat(TranscriptAnalyzer.stemsOf("managed")).containsExactly("manag");
	}

	private List<Long> ids(String text, Matching matching) {
		return this.index.search(SearchQuery.of(text).with(matching)).hits().stream().map(SearchHit::callId).toList();
	}

}
