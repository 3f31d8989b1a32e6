package io.callqa.transcription.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.phonetic.DoubleMetaphoneFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The analyzer for indexing and query parsing. Spoken words are split by the StandardTokenizer and lower-cased (Vosk
 * emits lower-case words without punctuation, typed queries need it), then take their field's {@link WordForm}:
 * <ul>
 * <li>stems: English possessives dropped, then Porter2 (Snowball's English stemmer). Tried on call-center words
 * against KStem and the first Porter stemmer: all three give "cancel" for cancelled, "bill" for bills and "refund"
 * for refunds, and none joins deliver and delivery (joined {@link #OVERRIDES by hand}). Porter2 also joins words a
 * supervisor means apart ("accountant" with "account", "manager" with "manage"): those are
 * {@link #PROTECTED protected}. KStem leaves common
 * inflections apart (orders and ordered from order, charged from charge, numbers, minutes, days, appointments) and
 * cancellation from cancel; the first Porter stemmer joins "one" with "on" (so "within one hour" would match "within
 * on hour") and "news" with "new". Porter2 joins all of those inflections and cancellation, keeps one and news apart,
 * and merges little a caller says ("customer" and "custom", "university" and "universe").
 * <li>exact: the words as said.
 * <li>alternatives: stems, as for the stemmed fields (the indexed field stacks the alternatives' stems on them, see
 * {@link AlternativesField}).
 * <li>sounds: the Double Metaphone codes of the words as said (4 characters, which also drops most endings; primary
 * and alternate code at the same position); a protected word's codes are marked, as its sound is that of the word
 * it is kept apart from ("accountant" and "account" are both AKNT).
 * </ul>
 * The field {@link TranscriptFields#TEXT_PAIRS} takes the stems as pairs of neighbouring words,
 * {@link TranscriptFields#TEXT_TRIPLES} as triples, {@link TranscriptFields#TEXT_NEAR} as ordered pairs of words near
 * each other ({@link NearPairsFilter}).
 * No stop words are removed in any form: "call you back" must stay a three-word phrase. Metadata fields take whole
 * values, so {@code agent:alice} typed in the query box matches the exact keyword.
 */
final class TranscriptAnalyzer extends DelegatingAnalyzerWrapper {

	/** Positions left empty between two utterances of one speaker, more than any sensible proximity slop. */
	static final int UTTERANCE_GAP = 100;

	/** Words the stemmer keeps apart from a word a supervisor searches them as: each and its stem. */
	static final Map<String, String> OVERRIDES = Map.of("delivery", "deliv", "deliveries", "deliv");

	/**
	 * Words Porter2 would join with another word of different meaning, each the stem of itself and its plural, which
	 * keeps them apart: "accountant" (Porter2 "account"), "manager" and "management" ("manag", as manage and managed),
	 * "replacement" ("replac", as replace and replaced) from SearchRecallBenchmark's false positives; "operator" and
	 * "operation" ("oper", as operate), "provider" ("provid", as provide), "customer" ("custom") and "representative"
	 * ("repres", as represent) from the words of a call centre.
	 */
	static final List<String> PROTECTED = List.of("accountant", "manager", "management", "replacement", "operator",
			"operation", "provider", "customer", "representative");

	private static final StemmerOverrideMap OVERRIDE_MAP = overrideMap();

	/** Stems words apart from any index's analysis: an analyzer's components are reused per field and thread. */
	private static final Analyzer STEMMER = new Words(WordForm.STEM);

	private final Analyzer stems = new Words(WordForm.STEM);

	private final Analyzer exact = new Words(WordForm.EXACT);

	private final Analyzer sounds = new Words(WordForm.SOUNDS);

	private final Analyzer keywords = new KeywordAnalyzer();

	private final Analyzer pairs = new Neighbours(2);

	private final Analyzer triples = new Neighbours(3);

	private final Analyzer near = new Near();

	TranscriptAnalyzer() {
		super(PER_FIELD_REUSE_STRATEGY);
	}

	private static StemmerOverrideMap overrideMap() {
		StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
		OVERRIDES.forEach(builder::add);
		for (String word : PROTECTED) {
			builder.add(word, word);
			builder.add(word + "s", word);
		}
		try {
			return builder.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	protected Analyzer getWrappedAnalyzer(String fieldName) {
		if (fieldName.equals(TranscriptFields.TEXT_PAIRS)) {
			return this.pairs;
		}
		if (fieldName.equals(TranscriptFields.TEXT_TRIPLES)) {
			return this.triples;
		}
		if (fieldName.equals(TranscriptFields.TEXT_NEAR)) {
			return this.near;
		}
		WordForm form = TranscriptFields.formOf(fieldName);
		if (form == null) {
			return this.keywords;
		}
		return switch (form) {
			case EXACT -> this.exact;
			// queried as stems; indexed from an AlternativesField, which stacks the alternatives' stems on these
			case STEM, ALTERNATIVE -> this.stems;
			case SOUNDS -> this.sounds;
		};
	}

	@Override
	public int getPositionIncrementGap(String fieldName) {
		return TranscriptFields.isSpeaker(fieldName) ? UTTERANCE_GAP : 0;
	}

	@Override
	public void close() {
		super.close();
		IOUtils.closeWhileHandlingException(this.stems, this.exact, this.sounds, this.keywords, this.pairs,
				this.triples, this.near);
	}

	/** Whether a typed word is a {@link #PROTECTED protected} one or its plural or possessive, in any case. */
	static boolean isProtected(String word) {
		String lower = word.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("['\u2019]s?$", "");
		return PROTECTED.contains(lower) || (lower.endsWith("s") && PROTECTED.contains(lower.substring(0, lower.length() - 1)));
	}

	/** The stems of a word as the stemmed fields index it (usually one). */
	static List<String> stemsOf(String word) {
		List<String> stems = new ArrayList<>(1);
		try (TokenStream stream = STEMMER.tokenStream(TranscriptFields.TEXT, word)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				stems.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return stems;
	}

	private static TokenStream stems(TokenStream words) {
		return new CachedStems(words, TranscriptAnalyzer::stemming);
	}

	/** Possessives dropped, the overrides and protected words, Porter2: run once per word ({@link CachedStems}). */
	static TokenStream stemming(TokenStream words) {
		return new SnowballFilter(new StemmerOverrideFilter(new EnglishPossessiveFilter(words), OVERRIDE_MAP),
				new EnglishStemmer());
	}

	/**
	 * The stems as shingles of two (or three) words only, "a b" at the position of a: no single words, and no filler
	 * tokens, since no word is ever removed (every position increment is 1). {@link WordPairs} relies on exactly this
	 * shape.
	 */
	private static final class Neighbours extends Analyzer {

		private final int words;

		Neighbours(int words) {
			this.words = words;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer tokenizer = new StandardTokenizer();
			ShingleFilter shingles = new ShingleFilter(stems(new LowerCaseFilter(tokenizer)), this.words, this.words);
			shingles.setOutputUnigrams(false);
			return new TokenStreamComponents(tokenizer, shingles);
		}

	}

	/** The stems as pairs of words near each other, see {@link NearPairsFilter}. */
	private static final class Near extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer tokenizer = new StandardTokenizer();
			return new TokenStreamComponents(tokenizer, new NearPairsFilter(stems(new LowerCaseFilter(tokenizer))));
		}

	}

	/**
	 * Spoken words in one form; every form keeps the tokenizer's positions and offsets, so a match in any form is
	 * highlighted at the same place of the combined text.
	 */
	private static final class Words extends Analyzer {

		private final WordForm form;

		Words(WordForm form) {
			this.form = form;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer tokenizer = new StandardTokenizer();
			TokenStream words = new LowerCaseFilter(tokenizer);
			return new TokenStreamComponents(tokenizer, switch (this.form) {
				case EXACT -> words;
				case STEM, ALTERNATIVE -> stems(words);
				case SOUNDS -> new ProtectedSounds(new DoubleMetaphoneFilter(new ProtectedSounds.Mark(words), 4, false));
			});
		}

		/** Prefix, wildcard and fuzzy terms are lower-cased like the words, not stemmed. */
		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new LowerCaseFilter(in);
		}

	}

}
