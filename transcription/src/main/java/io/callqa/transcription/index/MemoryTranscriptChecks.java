package io.callqa.transcription.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.springframework.stereotype.Component;

import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.PhraseCheck;
import io.callqa.transcription.PhraseFound;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptChecks;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.index.HighlightedPassage.Span;

/**
 * Phrase checks against one transcript at a time, in a Lucene {@link MemoryIndex} holding the fields a call's
 * document has ({@code text}, {@code exact}, {@code sounds}, {@code said_by_<speaker>} in each form) analysed by
 * {@link TranscriptAnalyzer}, with queries parsed as a search parses them ({@link CategoryTagger#query}): a check
 * matches exactly what a search would. Each occurrence comes from the query's Weight (the Matches API), so phrases,
 * proximity and prefixes report what matched, as the highlighter does.
 *
 * <p>Every field here has its tokens at the combined text's offsets, so an occurrence maps to its words, speaker and
 * seconds the way {@link WordTimes} maps a highlighted match. The per-speaker fields are the combined text's tokens of
 * that speaker's words, with the index's position gap between utterances (the index adds one value per utterance),
 * so positions, and therefore phrases and proximity, are the index's. Only the fields the checks search are built.
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
		return new Compiled(List.copyOf(queries), Set.copyOf(fields), this.analyzer);
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

	private record Compiled(List<Query> queries, Set<String> fields, Analyzer analyzer) implements CompiledChecks {

		@Override
		public List<List<PhraseFound>> run(Transcript transcript) {
			Layout layout = Layout.of(transcript);
			if (layout.isEmpty() || this.queries.isEmpty()) {
				return this.queries.stream().map((query) -> List.<PhraseFound>of()).toList();
			}
			try {
				IndexSearcher searcher = index(layout).createSearcher();
				LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
				List<List<PhraseFound>> found = new ArrayList<>(this.queries.size());
				for (Query query : this.queries) {
					found.add(occurrences(searcher, leaf, query, layout));
				}
				return found;
			}
			catch (IOException ex) {
				// A MemoryIndex does no I/O.
				throw new UncheckedIOException(ex);
			}
		}

		private MemoryIndex index(Layout layout) {
			MemoryIndex memory = new MemoryIndex(true, false);
			for (WordForm form : WordForm.values()) {
				String combined = TranscriptFields.inForm(TranscriptFields.TEXT, form);
				if (this.fields.contains(combined)) {
					memory.addField(combined, layout.text, this.analyzer);
				}
				for (String speaker : layout.speakers) {
					String field = TranscriptFields.inForm(TranscriptFields.speaker(speaker), form);
					if (this.fields.contains(field)) {
						TokenStream tokens = this.analyzer.tokenStream(field, layout.text);
						memory.addField(field, new SpeakerTokens(tokens, layout, speaker));
					}
				}
			}
			memory.freeze();
			return memory;
		}

		private static List<PhraseFound> occurrences(IndexSearcher searcher, LeafReaderContext leaf, Query query,
				Layout layout) throws IOException {
			Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
			Matches matches = weight.matches(leaf, 0);
			if (matches == null) {
				return List.of();
			}
			List<Span> spans = new ArrayList<>();
			for (String field : matches) {
				WordForm form = TranscriptFields.formOf(field);
				MatchesIterator match = matches.getMatches(field);
				if (form == null || match == null) {
					continue;
				}
				while (match.next()) {
					if (match.startOffset() >= 0) {
						spans.add(new Span(match.startOffset(), match.endOffset(), form));
					}
				}
			}
			spans.sort(Comparator.comparingInt(Span::start).thenComparing(Span::end, Comparator.reverseOrder()));
			List<PhraseFound> found = new ArrayList<>();
			for (Span span : merged(spans)) {
				found.add(layout.found(span));
			}
			return found;
		}

		/** Overlapping matches (a word matching as said and by its stem) are one, in the better form. */
		private static List<Span> merged(List<Span> sorted) {
			List<Span> merged = new ArrayList<>();
			for (Span span : sorted) {
				Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
				if (last != null && span.start() < last.end()) {
					merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end()),
							last.form().best(span.form())));
				}
				else {
					merged.add(span);
				}
			}
			return merged;
		}

	}

	/**
	 * The combined text written as {@link TranscriptText} writes it (the recognised words, one space apart, utterances
	 * in time order), and per word its offset, seconds, speaker and utterance.
	 */
	private static final class Layout {

		private final String text;

		private final Set<String> speakers;

		private final int[] offsets;

		private final double[] starts;

		private final double[] ends;

		private final String[] speakerOf;

		private final int[] utteranceOf;

		private Layout(String text, Set<String> speakers, int[] offsets, double[] starts, double[] ends,
				String[] speakerOf, int[] utteranceOf) {
			this.text = text;
			this.speakers = speakers;
			this.offsets = offsets;
			this.starts = starts;
			this.ends = ends;
			this.speakerOf = speakerOf;
			this.utteranceOf = utteranceOf;
		}

		static Layout of(Transcript transcript) {
			StringBuilder text = new StringBuilder();
			Set<String> speakers = new LinkedHashSet<>();
			List<Word> words = new ArrayList<>();
			List<String> speakerOf = new ArrayList<>();
			List<Integer> utteranceOf = new ArrayList<>();
			List<Integer> offsets = new ArrayList<>();
			int index = 0;
			for (Utterance utterance : transcript.utterances()) {
				for (Word word : TranscriptText.wordsOf(utterance)) {
					if (word.word().isBlank()) {
						continue;
					}
					if (!text.isEmpty()) {
						text.append(' ');
					}
					offsets.add(text.length());
					text.append(word.word());
					words.add(word);
					speakerOf.add(utterance.speaker());
					utteranceOf.add(index);
					speakers.add(utterance.speaker());
				}
				index++;
			}
			int count = words.size();
			double[] starts = new double[count];
			double[] ends = new double[count];
			for (int i = 0; i < count; i++) {
				starts[i] = words.get(i).start();
				ends[i] = words.get(i).end();
			}
			return new Layout(text.toString(), speakers, offsets.stream().mapToInt(Integer::intValue).toArray(),
					starts, ends, speakerOf.toArray(String[]::new),
					utteranceOf.stream().mapToInt(Integer::intValue).toArray());
		}

		boolean isEmpty() {
			return this.offsets.length == 0;
		}

		/** The index of the word at this char offset: the last word starting at or before it. */
		int wordAt(int offset) {
			int found = Arrays.binarySearch(this.offsets, offset);
			return Math.max(0, (found >= 0) ? found : -found - 2);
		}

		PhraseFound found(Span span) {
			int first = wordAt(span.start());
			int last = wordAt(Math.max(span.start(), span.end() - 1));
			return new PhraseFound(this.starts[first], this.ends[last], this.speakerOf[first],
					this.text.substring(span.start(), Math.min(span.end(), this.text.length())), span.form().label());
		}

	}

	/**
	 * The combined text's tokens of one speaker's words, a position gap of {@link TranscriptAnalyzer#UTTERANCE_GAP}
	 * between two of their utterances, as the index has them from one field value per utterance.
	 */
	private static final class SpeakerTokens extends TokenFilter {

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		private final Layout layout;

		private final String speaker;

		private int lastUtterance = -1;

		SpeakerTokens(TokenStream input, Layout layout, String speaker) {
			super(input);
			this.layout = layout;
			this.speaker = speaker;
		}

		@Override
		public boolean incrementToken() throws IOException {
			while (this.input.incrementToken()) {
				int word = this.layout.wordAt(this.offset.startOffset());
				if (!this.speaker.equals(this.layout.speakerOf[word])) {
					continue;
				}
				int utterance = this.layout.utteranceOf[word];
				if (this.lastUtterance >= 0 && utterance != this.lastUtterance) {
					this.increment.setPositionIncrement(
							this.increment.getPositionIncrement() + TranscriptAnalyzer.UTTERANCE_GAP);
				}
				this.lastUtterance = utterance;
				return true;
			}
			return false;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.lastUtterance = -1;
		}

	}

}
