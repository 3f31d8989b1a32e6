package io.callqa.transcription.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.PhraseCheck;
import io.callqa.transcription.PhraseFound;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptChecks;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * Phrase checks against one transcript at a time, in a Lucene {@link MemoryIndex} holding the fields a call's
 * document has ({@code text}, {@code exact}, {@code sounds}, {@code said_by_<speaker>} in each form) analysed by
 * {@link TranscriptAnalyzer}, with queries parsed as a search parses them ({@link CategoryTagger#query}): a check
 * matches exactly what a search would. Each occurrence comes from the query's Weight (the Matches API), so phrases,
 * proximity and prefixes report what matched, as the highlighter does.
 *
 * <p>The combined-text fields hold everything said; each speaker's fields only that speaker's words, with the
 * index's position gap between utterances (the index adds one value per utterance), so positions, and therefore
 * phrases and proximity, are the index's. Each field's match offsets map back to the transcript's words, and so to
 * their seconds and speaker, as {@link WordTimes} maps a highlighted match. Only the fields the checks search are
 * built, in a MemoryIndex each thread reuses.
 *
 * <p>Not an index: nothing here needs the index to be enabled, so the bean exists in every process.
 */
@Component
final class MemoryTranscriptChecks implements TranscriptChecks {

	private final Analyzer analyzer = new TranscriptAnalyzer();

	@Override
	public CompiledChecks compile(List<PhraseCheck> checks) {
		List<Query> queries = new ArrayList<>(checks.size());
		Set<String> fields = new HashSet<>();
		for (PhraseCheck check : checks) {
			if (check.query() == null || check.query().isBlank()) {
				throw new InvalidSearchException("A phrase check needs a query");
			}
			Query query;
			try {
				query = CategoryTagger.query(check.query(), check.speaker(), check.matching(), this.analyzer);
			}
			catch (InvalidSearchException ex) {
				throw new InvalidSearchException("'" + check.query() + "': " + ex.getMessage(), ex);
			}
			Set<String> searched = searchedFields(query);
			if (searched.stream().noneMatch((field) -> TranscriptFields.formOf(field) != null)) {
				throw new InvalidSearchException("'" + check.query() + "' searches no spoken words");
			}
			fields.addAll(searched);
			queries.add(query);
		}
		return new Compiled(prepared(queries), Set.copyOf(fields), this.analyzer);
	}

	/**
	 * Each query rewritten once here when its rewriting does not depend on the transcript (terms, phrases, and
	 * booleans, boosts and synonyms of them: rewriting one per call and query cost a fifth of a re-evaluation's CPU);
	 * one that expands against the index's terms (a prefix, a wildcard, a fuzzy word) is rewritten per transcript.
	 */
	private static List<Prepared> prepared(List<Query> queries) {
		IndexSearcher empty = new MemoryIndex().createSearcher();
		List<Prepared> prepared = new ArrayList<>(queries.size());
		for (Query query : queries) {
			if (expandsAgainstTerms(query)) {
				prepared.add(new Prepared(query, false));
				continue;
			}
			try {
				prepared.add(new Prepared(empty.rewrite(query), true));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return List.copyOf(prepared);
	}

	/** Bytes of buffers a MemoryIndex keeps across resets: a few transcripts' worth. */
	private static final long REUSED_BYTES = 4L << 20;

	/**
	 * A MemoryIndex (with offsets) whose reset keeps its buffers: the public constructors keep none, so each transcript
	 * allocated its byte and int blocks anew (garbage at thousands of calls a second). The constructor that keeps them
	 * is package-private in Lucene 9; without access to it, the public one.
	 */
	private static MemoryIndex recyclingMemoryIndex() {
		try {
			java.lang.reflect.Constructor<MemoryIndex> recycling = MemoryIndex.class
				.getDeclaredConstructor(boolean.class, boolean.class, long.class);
			recycling.setAccessible(true);
			return recycling.newInstance(true, false, REUSED_BYTES);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return new MemoryIndex(true, false);
		}
	}

	/** Leaves whose rewriting needs no index: the ones the search's parser makes for words and phrases. */
	private static final Set<Class<?>> PURE_LEAVES = Set.of(org.apache.lucene.search.TermQuery.class,
			org.apache.lucene.search.PhraseQuery.class, org.apache.lucene.search.MultiPhraseQuery.class,
			org.apache.lucene.search.SynonymQuery.class);

	/** Whether the query holds a leaf that is not a plain term or phrase (multi-term queries visit as a leaf). */
	private static boolean expandsAgainstTerms(Query query) {
		boolean[] expands = { false };
		query.visit(new QueryVisitor() {
			@Override
			public void visitLeaf(Query leaf) {
				expands[0] = true;
			}

			@Override
			public void consumeTerms(Query leaf, org.apache.lucene.index.Term... terms) {
				// A multi-term query may visit its one term (a fuzzy word of no edits) and still expand when rewritten.
				expands[0] |= !PURE_LEAVES.contains(leaf.getClass());
			}

			@Override
			public void consumeTermsMatching(Query leaf, String field,
					java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
				expands[0] = true;
			}

			@Override
			public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
				return this;
			}
		});
		return expands[0];
	}

	/** A query ready to run: rewritten already, or to be rewritten against each transcript. */
	private record Prepared(Query query, boolean rewritten) {
	}

	/** Every field the query searches, prohibited clauses included: a NOT needs its field to say no. */
	private static Set<String> searchedFields(Query query) {
		Set<String> fields = new HashSet<>();
		query.visit(new QueryVisitor() {
			@Override
			public boolean acceptField(String field) {
				fields.add(field);
				return false;
			}
		});
		return fields;
	}

	private record Compiled(List<Prepared> queries, Set<String> fields, Analyzer analyzer,
			ThreadLocal<MemoryIndex> memories) implements CompiledChecks {

		Compiled(List<Prepared> queries, Set<String> fields, Analyzer analyzer) {
			// One MemoryIndex per thread, reset for each transcript: its buffers are recycled rather than reallocated.
			this(queries, fields, analyzer, ThreadLocal.withInitial(MemoryTranscriptChecks::recyclingMemoryIndex));
		}

		@Override
		public List<List<PhraseFound>> run(Transcript transcript) {
			Layout layout = Layout.of(transcript);
			if (layout.isEmpty() || this.queries.isEmpty()) {
				return this.queries.stream().map((query) -> List.<PhraseFound>of()).toList();
			}
			MemoryIndex memory = this.memories.get();
			memory.reset();
			try {
				Map<String, View> views = index(memory, layout);
				IndexSearcher searcher = memory.createSearcher();
				LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
				List<List<PhraseFound>> found = new ArrayList<>(this.queries.size());
				for (Prepared query : this.queries) {
					found.add(occurrences(searcher, leaf, query, layout, views));
				}
				return found;
			}
			catch (IOException ex) {
				// A MemoryIndex does no I/O.
				throw new UncheckedIOException(ex);
			}
			finally {
				memory.reset();
			}
		}

		/**
		 * Adds the fields the checks search: the combined text's forms over everything said, and each speaker's forms
		 * over the text of that speaker's words only. The view of each field, to map its offsets back to words.
		 */
		private Map<String, View> index(MemoryIndex memory, Layout layout) {
			Map<String, View> views = new HashMap<>();
			for (WordForm form : WordForm.values()) {
				String combined = TranscriptFields.inForm(TranscriptFields.TEXT, form);
				if (this.fields.contains(combined)) {
					if (form == WordForm.ALTERNATIVE) {
						memory.addField(combined, layout.withAlternatives(
								this.analyzer.tokenStream(combined, layout.all.text()), layout.all));
					}
					else {
						memory.addField(combined, layout.all.text(), this.analyzer);
					}
					views.put(combined, layout.all);
				}
				for (Map.Entry<String, View> speaker : layout.speakers.entrySet()) {
					String field = TranscriptFields.inForm(TranscriptFields.speaker(speaker.getKey()), form);
					if (this.fields.contains(field)) {
						View view = speaker.getValue();
						TokenStream tokens = this.analyzer.tokenStream(field, view.text());
						if (form == WordForm.ALTERNATIVE) {
							tokens = layout.withAlternatives(tokens, view);
						}
						memory.addField(field, new UtteranceGaps(tokens, view, layout.utteranceOf));
						views.put(field, view);
					}
				}
			}
			memory.freeze();
			return views;
		}

		private static List<PhraseFound> occurrences(IndexSearcher searcher, LeafReaderContext leaf, Prepared query,
				Layout layout, Map<String, View> views) throws IOException {
			Query rewritten = query.rewritten() ? query.query() : searcher.rewrite(query.query());
			Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1);
			Matches matches = weight.matches(leaf, 0);
			if (matches == null) {
				return List.of();
			}
			List<Words> spans = new ArrayList<>();
			for (String field : matches) {
				WordForm form = TranscriptFields.formOf(field);
				View view = views.get(field);
				MatchesIterator match = matches.getMatches(field);
				if (form == null || view == null || match == null) {
					continue;
				}
				while (match.next()) {
					if (match.startOffset() >= 0) {
						int first = view.wordAt(match.startOffset());
						int last = view.wordAt(Math.max(match.startOffset(), match.endOffset() - 1));
						spans.add(new Words(first, last, form));
					}
				}
			}
			spans.sort(Comparator.comparingInt(Words::first).thenComparing(Words::last, Comparator.reverseOrder()));
			List<PhraseFound> found = new ArrayList<>();
			for (Words words : merged(spans)) {
				found.add(layout.found(words));
			}
			return found;
		}

		/** Overlapping matches (a word matching as said and by its stem) are one, in the better form. */
		private static List<Words> merged(List<Words> sorted) {
			List<Words> merged = new ArrayList<>();
			for (Words words : sorted) {
				Words last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
				if (last != null && words.first() <= last.last()) {
					merged.set(merged.size() - 1, new Words(last.first(), Math.max(last.last(), words.last()),
							last.form().best(words.form())));
				}
				else {
					merged.add(words);
				}
			}
			return merged;
		}

	}

	/** A run of the transcript's words (indexes into the combined text's words) that matched, in a form. */
	private record Words(int first, int last, WordForm form) {
	}

	/**
	 * A text written from some of the transcript's words, one space apart: where each starts and which word of the
	 * whole transcript it is ({@code words} null: the same index).
	 */
	private record View(String text, int[] offsets, int @Nullable [] words) {

		/** The transcript's index of the word at this char offset: the last word starting at or before it. */
		int wordAt(int offset) {
			int found = Arrays.binarySearch(this.offsets, offset);
			int index = Math.max(0, (found >= 0) ? found : -found - 2);
			return (this.words != null) ? this.words[index] : index;
		}

		/** Writes a view word by word. */
		static final class Builder {

			private final StringBuilder text = new StringBuilder();

			private final List<Integer> offsets = new ArrayList<>();

			private final List<Integer> words = new ArrayList<>();

			void add(String word, int index) {
				if (!this.text.isEmpty()) {
					this.text.append(' ');
				}
				this.offsets.add(this.text.length());
				this.text.append(word);
				this.words.add(index);
			}

			View build(boolean identity) {
				return new View(this.text.toString(), this.offsets.stream().mapToInt(Integer::intValue).toArray(),
						identity ? null : this.words.stream().mapToInt(Integer::intValue).toArray());
			}

		}

	}

	/**
	 * The combined text written as {@link TranscriptText} writes it (the recognised words, one space apart, utterances
	 * in time order) and each speaker's words apart, with per word its seconds, speaker and utterance.
	 */
	private static final class Layout {

		private final View all;

		private final Map<String, View> speakers;

		private final List<Word> words;

		private final String[] speakerOf;

		private final int[] utteranceOf;

		private Layout(View all, Map<String, View> speakers, List<Word> words, String[] speakerOf, int[] utteranceOf) {
			this.all = all;
			this.speakers = speakers;
			this.words = words;
			this.speakerOf = speakerOf;
			this.utteranceOf = utteranceOf;
		}

		static Layout of(Transcript transcript) {
			View.Builder all = new View.Builder();
			Map<String, View.Builder> speakers = new LinkedHashMap<>();
			List<Word> words = new ArrayList<>();
			List<String> speakerOf = new ArrayList<>();
			List<Integer> utteranceOf = new ArrayList<>();
			int utteranceIndex = 0;
			for (Utterance utterance : transcript.utterances()) {
				View.Builder speaker = null;
				for (Word word : TranscriptText.wordsOf(utterance)) {
					if (word.word().isBlank()) {
						continue;
					}
					if (speaker == null) {
						speaker = speakers.computeIfAbsent(utterance.speaker(), (name) -> new View.Builder());
					}
					all.add(word.word(), words.size());
					speaker.add(word.word(), words.size());
					words.add(word);
					speakerOf.add(utterance.speaker());
					utteranceOf.add(utteranceIndex);
				}
				utteranceIndex++;
			}
			Map<String, View> views = new LinkedHashMap<>();
			speakers.forEach((name, builder) -> views.put(name, builder.build(false)));
			return new Layout(all.build(true), views, words, speakerOf.toArray(String[]::new),
					utteranceOf.stream().mapToInt(Integer::intValue).toArray());
		}

		boolean isEmpty() {
			return this.words.isEmpty();
		}

		/** The tokens of a view's text with the stems of its words' alternatives stacked, as the index has them. */
		TokenStream withAlternatives(TokenStream tokens, View view) {
			Map<Integer, List<String>> alternatives = new HashMap<>();
			for (int i = 0; i < view.offsets().length; i++) {
				Word word = this.words.get((view.words() != null) ? view.words()[i] : i);
				if (!word.alternatives().isEmpty()) {
					alternatives.put(view.offsets()[i], word.alternatives());
				}
			}
			return AlternativesField.stacked(tokens, AlternativesField.stems(alternatives));
		}

		PhraseFound found(Words span) {
			int from = this.all.offsets()[span.first()];
			int to = this.all.offsets()[span.last()] + this.words.get(span.last()).word().length();
			return new PhraseFound(this.words.get(span.first()).start(), this.words.get(span.last()).end(),
					this.speakerOf[span.first()], this.all.text().substring(from, to), span.form().label());
		}

	}

	/**
	 * A speaker's tokens with a position gap of {@link TranscriptAnalyzer#UTTERANCE_GAP} between two of their
	 * utterances, as the index has them from one field value per utterance.
	 */
	private static final class UtteranceGaps extends TokenFilter {

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		private final View view;

		private final int[] utteranceOf;

		private int lastUtterance = -1;

		UtteranceGaps(TokenStream input, View view, int[] utteranceOf) {
			super(input);
			this.view = view;
			this.utteranceOf = utteranceOf;
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!this.input.incrementToken()) {
				return false;
			}
			int utterance = this.utteranceOf[this.view.wordAt(this.offset.startOffset())];
			if (this.lastUtterance >= 0 && utterance != this.lastUtterance) {
				this.increment.setPositionIncrement(this.increment.getPositionIncrement() + TranscriptAnalyzer.UTTERANCE_GAP);
			}
			this.lastUtterance = utterance;
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.lastUtterance = -1;
		}

	}

}
