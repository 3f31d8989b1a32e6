package io.callqa.transcription.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.callqa.transcription.Category;
import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.Matching;

/**
 * Tags calls as they are indexed: runs every saved category's query against the new document alone, in a Lucene
 * {@link MemoryIndex} built from the very fields the document will have and with the index's own analyzer, so a
 * category matches exactly the calls a search with its query would find. Also adds the customer's phrases.
 *
 * <p>The categories are read once per indexing batch ({@link #current()}), so a saved change applies from the next
 * batch on; calls indexed before it are re-tagged only when queued again ({@code Categories.retag}).
 */
final class CategoryTagger {

	private static final Logger log = LoggerFactory.getLogger(CategoryTagger.class);

	private final Supplier<List<Category>> categories;

	private final Analyzer analyzer = new TranscriptAnalyzer();

	CategoryTagger(Supplier<List<Category>> categories) {
		this.categories = categories;
	}

	/** The tags with the categories saved now. */
	CallTags current() {
		List<Compiled> compiled = new ArrayList<>();
		for (Category category : this.categories.get()) {
			try {
				compiled.add(new Compiled(category.name(), query(category, this.analyzer)));
			}
			catch (InvalidSearchException ex) {
				// Saved queries are checked when saved; one the current syntax refuses tags nothing, the others still do.
				log.warn("Category '{}' is not tagged: {}", category.name(), ex.getMessage());
			}
		}
		return (document) -> tag(document, compiled);
	}

	/**
	 * The category's query as the search would parse it, limited to the speaker's words: {@code said_by_customer:(...)}
	 * makes every unqualified word of the query search what the customer said.
	 */
	static Query query(Category category, Analyzer analyzer) {
		return query(category.query(), category.speaker(), category.matching(), analyzer);
	}

	static Query query(String text, Category.Speaker speaker, Matching matching, Analyzer analyzer) {
		String scoped = switch (speaker) {
			case ANY -> text;
			case AGENT, CUSTOMER -> TranscriptFields.speaker(speaker.name()) + ":(" + text + ")";
		};
		return SearchQueries.parse(scoped, matching, analyzer);
	}

	private void tag(Document document, List<Compiled> categories) throws IOException {
		if (!categories.isEmpty() && document.getField(TranscriptFields.TEXT) != null) {
			MemoryIndex memory = MemoryIndex.fromDocument(searchable(document), this.analyzer);
			var searcher = memory.createSearcher();
			for (Compiled category : categories) {
				if (searcher.count(category.query()) > 0) {
					document.add(new KeywordField(TranscriptFields.CATEGORY, category.name(), Field.Store.YES));
				}
			}
		}
		addCustomerPhrases(document);
	}

	/**
	 * The indexed fields: stored-only ones (the word times) are of no use to a query, and the word pairs and triples
	 * (neighbours and near) are left out
	 * because a category's query is run as parsed, with its phrases on the words themselves: against one call,
	 * checking positions costs nothing worth the pairs' analysis.
	 */
	private static List<IndexableField> searchable(Document document) {
		List<IndexableField> fields = new ArrayList<>();
		for (IndexableField field : document) {
			if (field.fieldType().indexOptions() != org.apache.lucene.index.IndexOptions.NONE
					&& !field.name().equals(TranscriptFields.TEXT_PAIRS)
					&& !field.name().equals(TranscriptFields.TEXT_TRIPLES)
					&& !field.name().equals(TranscriptFields.TEXT_NEAR)) {
				fields.add(field);
			}
		}
		return fields;
	}

	private static void addCustomerPhrases(Document document) {
		Set<String> phrases = CustomerShingles
			.of(List.of(document.getValues(TranscriptFields.speaker(CategoryFields.CUSTOMER))));
		for (String phrase : phrases) {
			document.add(new SortedSetDocValuesField(CategoryFields.CUSTOMER_PHRASE, new BytesRef(phrase)));
		}
	}

	private record Compiled(String name, Query query) {
	}

}
