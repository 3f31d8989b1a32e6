package io.callqa.transcription.index;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * A UnifiedHighlighter of the combined text that returns {@link HighlightedPassage} objects. Offsets come from the
 * postings, and matches are taken from the query's Weight (the Matches API), so phrases, proximity, prefix and fuzzy
 * terms are highlighted as they matched; per-speaker field queries are highlighted in the combined text too.
 *
 * <p>Matches in the other {@link WordForm forms} ({@code exact}, {@code sounds} and their per-speaker fields) are
 * highlighted in the combined text through masked fields: their tokens have the combined text's offsets. Each form's
 * matches are found in its own field's postings, and carry their form in their term (see {@link FormTagged}), so the
 * snippet can say which form matched.
 */
final class TranscriptHighlighter extends UnifiedHighlighter {

	/** More passages than a hit shows, so that some are left after those of other speakers are dropped. */
	static final int PASSAGES = 10;

	/** About 20 words of Vosk's mostly short words, the match centred in them. */
	static final int SNIPPET_CHARS = 120;

	private static final String[] FIELDS = { TranscriptFields.TEXT };

	/** Stateless, like the highlighter's own default scorer. */
	private static final PassageScores SCORES = new PassageScores();

	/** The most of a transcript read: all of it (the highlighter's default, 10,000 chars, would cut a long call). */
	private static final int MAX_LENGTH = Integer.MAX_VALUE - 1;

	/** The fields of the other forms the query being highlighted searches: one highlighter serves one search. */
	private Set<String> masked = Set.of();

	/** The stored fields a hit shows, read with the text it is highlighted in. */
	private final Set<String> storedFields;

	/** Each highlighted document's {@link #storedFields}, by document id: one highlighter serves one search. */
	private final Map<Integer, Document> stored = new HashMap<>();

	private TranscriptHighlighter(Builder builder, FieldInfos fieldInfos, Set<String> storedFields) {
		super(builder);
		this.fieldInfos = fieldInfos;
		this.storedFields = storedFields;
	}

	/**
	 * A highlighter for one search. {@code fieldInfos} are the searcher's merged field infos, which the highlighter
	 * would otherwise merge from every segment for each search (kept per reader by the caller); {@code storedFields}
	 * are read with the text, as each hit's document (see {@link Hit}).
	 */
	static TranscriptHighlighter of(IndexSearcher searcher, Analyzer analyzer, FieldInfos fieldInfos,
			Set<String> storedFields) {
		return new TranscriptHighlighter(builder(searcher, analyzer)
			.withMaxLength(MAX_LENGTH)
			// no punctuation means no sentences: cut snippets by length instead, on word boundaries
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
			.withFormatter(new PassageCollector())
			.withScorer(SCORES)
			.withMaxNoHighlightPassages(1), fieldInfos, storedFields);
	}

	/**
	 * Which query fields are highlighted through the postings of {@code field}: those holding the same form of
	 * spoken words, whoever said them ({@code said_by_agent_exact} through {@code exact}).
	 */
	@Override
	protected Predicate<String> getFieldMatcher(String field) {
		WordForm form = TranscriptFields.formOf(field);
		return (queried) -> form != null && TranscriptFields.formOf(queried) == form;
	}

	/**
	 * Prefix, wildcard and fuzzy terms are matched in the postings too, by the query's Matches like any other term:
	 * the highlighter's default for them, analysing each hit's whole text again into an index in memory, finds the
	 * same matches at a higher cost (a third of a prefix search's time).
	 */
	@Override
	protected OffsetSource getOptimizedOffsetSource(UHComponents components) {
		OffsetSource source = super.getOptimizedOffsetSource(components);
		boolean matchesInPostings = components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
				&& getOffsetSource(components.getField()) == OffsetSource.POSTINGS;
		return (source == OffsetSource.ANALYSIS && matchesInPostings) ? OffsetSource.POSTINGS : source;
	}

	@Override
	protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource, UHComponents components) {
		FieldOffsetStrategy strategy = super.getOffsetStrategy(offsetSource, components);
		WordForm form = TranscriptFields.formOf(components.getField());
		return (form != null) ? new FormTagged(components, strategy, form) : strategy;
	}

	/**
	 * Matches of the other forms are highlighted in the combined text through their masked fields, only for the forms
	 * the query searches: each masked field runs the query's matches once more per hit.
	 */
	@Override
	protected Set<String> getMaskedFields(String field) {
		return field.equals(FIELDS[0]) ? this.masked : Set.of();
	}

	/**
	 * Each document's stored fields and passages, in the order of {@code docIds}; the opening words if nothing
	 * matched.
	 */
	List<Hit> highlight(Query query, int[] docIds) throws IOException {
		this.masked = maskedFields(query);
		Object[] passages = highlightFieldsAsObjects(FIELDS, query, docIds, new int[] { PASSAGES }).get(FIELDS[0]);
		List<Hit> hits = new ArrayList<>(docIds.length);
		for (int i = 0; i < docIds.length; i++) {
			Document document = this.stored.get(docIds[i]);
			if (document == null) {
				document = getIndexSearcher().storedFields().document(docIds[i], this.storedFields);
			}
			hits.add(new Hit(document, passages(passages[i])));
		}
		return hits;
	}

	/**
	 * Reads the text to highlight and the fields the hit shows in one visit of each document's stored fields, which
	 * decompresses its block of stored fields once rather than twice. The text is read as the highlighter's own
	 * visitor reads it: values of a field joined by {@link #MULTIVAL_SEP_CHAR}, at most {@link #MAX_LENGTH} chars.
	 */
	@Override
	protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
			throws IOException {
		List<CharSequence[]> documents = new ArrayList<>();
		StoredFields storedFields = getIndexSearcher().storedFields();
		int chars = 0;
		for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
			TextAndFields visitor = new TextAndFields(fields, this.storedFields);
			storedFields.document(doc, visitor);
			this.stored.put(doc, visitor.document.getDocument());
			documents.add(visitor.texts);
			for (CharSequence text : visitor.texts) {
				chars += (text != null) ? text.length() : 0;
			}
			if (cacheCharsThreshold == 0 || chars > cacheCharsThreshold) {
				break;
			}
		}
		return documents;
	}

	/** One document's stored fields and passages. */
	record Hit(Document stored, List<HighlightedPassage> passages) {
	}

	/** The combined-text field of each other form the query searches, in any field of that form. */
	private static Set<String> maskedFields(Query query) {
		Set<String> masked = new HashSet<>();
		query.visit(new QueryVisitor() {
			@Override
			public boolean acceptField(String field) {
				WordForm form = TranscriptFields.formOf(field);
				if (form != null && form != WordForm.STEM) {
					masked.add(TranscriptFields.inForm(TranscriptFields.TEXT, form));
				}
				return false;
			}
		});
		return masked;
	}

	@SuppressWarnings("unchecked")
	private static List<HighlightedPassage> passages(@Nullable Object formatted) {
		return (formatted != null) ? (List<HighlightedPassage>) formatted : List.of();
	}

	/**
	 * The matches of one form's field, their terms prefixed with the form's ordinal: the highlighter merges the
	 * matches of all the forms into one passage, where a match's term is all that is left of where it came from.
	 */
	private static final class FormTagged extends FieldOffsetStrategy {

		private final FieldOffsetStrategy strategy;

		private final WordForm form;

		FormTagged(UHComponents components, FieldOffsetStrategy strategy, WordForm form) {
			super(components);
			this.strategy = strategy;
			this.form = form;
		}

		@Override
		public OffsetSource getOffsetSource() {
			return this.strategy.getOffsetSource();
		}

		@Override
		public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
			OffsetsEnum matches = this.strategy.getOffsetsEnum(reader, docId, content);
			return (matches == OffsetsEnum.EMPTY) ? matches : new Tagged(matches, (byte) this.form.ordinal());
		}

	}

	/**
	 * Another OffsetsEnum's matches, each term prefixed with a tag byte.
	 */
	private static final class Tagged extends OffsetsEnum {

		private final OffsetsEnum matches;

		private final byte tag;

		Tagged(OffsetsEnum matches, byte tag) {
			this.matches = matches;
			this.tag = tag;
		}

		@Override
		public boolean nextPosition() throws IOException {
			return this.matches.nextPosition();
		}

		@Override
		public int freq() throws IOException {
			return this.matches.freq();
		}

		@Override
		public BytesRef getTerm() throws IOException {
			BytesRef term = this.matches.getTerm();
			byte[] tagged = new byte[term.length + 1];
			tagged[0] = this.tag;
			System.arraycopy(term.bytes, term.offset, tagged, 1, term.length);
			return new BytesRef(tagged);
		}

		@Override
		public int startOffset() throws IOException {
			return this.matches.startOffset();
		}

		@Override
		public int endOffset() throws IOException {
			return this.matches.endOffset();
		}

		@Override
		public void close() throws IOException {
			this.matches.close();
		}

	}

	/**
	 * Reads the fields to highlight as text (sorted, as the highlighter passes them) and the other wanted fields into a
	 * Document, as {@link org.apache.lucene.index.StoredFields#document(int, Set)} would.
	 */
	private static final class TextAndFields extends StoredFieldVisitor {

		private final String[] fields;

		private final CharSequence[] texts;

		private final DocumentStoredFieldVisitor document;

		TextAndFields(String[] fields, Set<String> others) {
			this.fields = fields;
			this.texts = new CharSequence[fields.length];
			this.document = new DocumentStoredFieldVisitor(others);
		}

		@Override
		public Status needsField(FieldInfo fieldInfo) throws IOException {
			int text = Arrays.binarySearch(this.fields, fieldInfo.name);
			if (text < 0) {
				return this.document.needsField(fieldInfo);
			}
			return (this.texts[text] == null || this.texts[text].length() < MAX_LENGTH) ? Status.YES : Status.NO;
		}

		@Override
		public void stringField(FieldInfo fieldInfo, String value) throws IOException {
			int text = Arrays.binarySearch(this.fields, fieldInfo.name);
			if (text < 0) {
				this.document.stringField(fieldInfo, value);
				return;
			}
			CharSequence read = this.texts[text];
			if (read == null) {
				this.texts[text] = value.substring(0, Math.min(MAX_LENGTH, value.length()));
				return;
			}
			int budget = MAX_LENGTH - read.length();
			if (budget > 0) {
				StringBuilder joined = (read instanceof StringBuilder builder) ? builder : new StringBuilder(read);
				joined.append(MULTIVAL_SEP_CHAR).append(value, 0, Math.min(budget - 1, value.length()));
				this.texts[text] = joined;
			}
		}

		@Override
		public void binaryField(FieldInfo fieldInfo, byte[] value) throws IOException {
			this.document.binaryField(fieldInfo, value);
		}

		@Override
		public void intField(FieldInfo fieldInfo, int value) throws IOException {
			this.document.intField(fieldInfo, value);
		}

		@Override
		public void longField(FieldInfo fieldInfo, long value) throws IOException {
			this.document.longField(fieldInfo, value);
		}

		@Override
		public void floatField(FieldInfo fieldInfo, float value) throws IOException {
			this.document.floatField(fieldInfo, value);
		}

		@Override
		public void doubleField(FieldInfo fieldInfo, double value) throws IOException {
			this.document.doubleField(fieldInfo, value);
		}

	}

	/** The form a match's term was tagged with. */
	static WordForm formOf(BytesRef term) {
		return WordForm.values()[term.bytes[term.offset]];
	}

}
