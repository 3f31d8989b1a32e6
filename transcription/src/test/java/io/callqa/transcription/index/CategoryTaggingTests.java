package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.callqa.transcription.Category;
import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Category tagging against the test calls: the MemoryIndex run at indexing time tags exactly the calls the same query
 * finds in the index, per speaker; a category saved later tags only calls indexed after it.
 */
class CategoryTaggingTests {

	@TempDir
	Path dir;

	TranscriptIndex index;

	final List<Category> saved = new ArrayList<>();

	final CategoryTagger tagger = new CategoryTagger(() -> List.copyOf(this.saved));

	@BeforeEach
	void open() throws IOException {
		this.index = TranscriptIndex.open(this.dir);
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
	}

	@Test
	void taggingShouldMatchExactlyWhatTheSearchFindsPerSpeaker() throws IOException {
		save("Refund anywhere", "refund", Category.Speaker.ANY);
		save("Customer refund", "refund", Category.Speaker.CUSTOMER);
		save("Agent sorry", "sorry OR \"call you back\"", Category.Speaker.AGENT);
		save("Never said", "\"refund tomorrow\"", Category.Speaker.ANY);
		indexAll();
		assertThat(tagged("Refund anywhere")).containsExactlyInAnyOrder(1L, 3L).isEqualTo(ids("refund"));
		assertThat(tagged("Customer refund")).containsExactly(1L).isEqualTo(ids("said_by_customer:refund"));
		assertThat(tagged("Agent sorry")).containsExactlyInAnyOrder(1L, 2L);
		assertThat(tagged("Never said")).isEmpty();
	}

	@Test
	void categorySavedLaterShouldTagOnlyCallsIndexedAfterIt() throws IOException {
		indexAll();
		save("Call back", "\"call me back\"", Category.Speaker.CUSTOMER);
		assertThat(tagged("Call back")).as("indexed before the category existed").isEmpty();
		this.index.index(TestCalls.callBack(), this.tagger.current());
		this.index.commit(7);
		assertThat(tagged("Call back")).containsExactly(2L);
	}

	@Test
	void customerPhrasesShouldSkipCommonWordsAtTheEdgesAndStayInsideAnUtterance() {
		assertThat(CustomerShingles.of(List.of("i was charged twice for my order and i want a refund",
				"refund please", "cancel my subscription")))
			.containsExactly("charged twice", "want a refund", "cancel my subscription");
	}

	private void save(String name, String query, Category.Speaker speaker) {
		this.saved.add(new Category(this.saved.size() + 1, name, query, speaker, Matching.STEMMED, "test",
				Instant.EPOCH));
	}

	private void indexAll() throws IOException {
		for (IndexedCall call : TestCalls.all()) {
			this.index.index(call, this.tagger.current());
		}
		this.index.commit(6);
	}

	private List<Long> tagged(String category) {
		return ids(TranscriptFields.CATEGORY + ":\"" + category + "\"");
	}

	private List<Long> ids(String query) {
		return this.index.search(SearchQuery.of(query).page(0, 100)).hits().stream().map(SearchHit::callId).sorted()
			.toList();
	}

}
