package io.callqa.transcription.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchFilters;
import io.callqa.transcription.SearchQuery;

/**
 * Builds the Lucene query of a {@link SearchQuery}: the user's text parsed by the classic QueryParser in the forms its
 * {@link Matching} asks for, and the filters as non-scoring FILTER clauses.
 */
final class SearchQueries {

	/** Far longer than any question a supervisor types (over HTTP, Tomcat's 8 KB request line comes first). */
	static final int MAX_LENGTH = 10_000;

	static final int MAX_NESTING = 20;

	private SearchQueries() {
	}

	/** The parsed text, stemmed. */
	static Query parse(String text, Analyzer analyzer) {
		return parse(text, Matching.STEMMED, analyzer);
	}

	/**
	 * The parsed text; blank text matches every call. Terms are ANDed by default (supervisors type a few words and
	 * expect calls that contain them all); OR, NOT, +, - and parentheses work as usual. Each word, phrase and
	 * proximity clause on {@code text} or a {@code said_by_} field is searched in the forms {@code matching} asks
	 * for (see {@link FormParser}); a field named in another form ({@code exact:}, {@code said_by_agent_exact:},
	 * {@code sounds:}) is searched in that form only.
	 *
	 * @throws InvalidSearchException with the parser's message if the text cannot be parsed
	 */
	static Query parse(String text, @Nullable Matching matching, Analyzer analyzer) {
		if (text.isBlank()) {
			return new MatchAllDocsQuery();
		}
		checkSize(text);
		QueryParser parser = new FormParser(analyzer, (matching != null) ? matching : Matching.STEMMED);
		parser.setDefaultOperator(QueryParser.Operator.AND);
		parser.setMultiTermRewriteMethod(PatternRewrite.INSTANCE);
		try {
			return parser.parse(text);
		}
		catch (ParseException ex) {
			throw new InvalidSearchException(firstLine(String.valueOf(ex.getMessage())), ex);
		}
	}

	/**
	 * The parser recurses per parenthesis and builds a clause per term: a long or deeply nested text could exhaust the
	 * stack, so it is refused before parsing.
	 */
	private static void checkSize(String text) {
		if (text.length() > MAX_LENGTH) {
			throw new InvalidSearchException("The query is too long: " + text.length() + " characters, at most "
					+ MAX_LENGTH);
		}
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(' && ++depth > MAX_NESTING) {
				throw new InvalidSearchException("The query nests parentheses too deeply: at most " + MAX_NESTING);
			}
			else if (!quoted && c == ')') {
				depth = Math.max(0, depth - 1);
			}
		}
	}

	/** The parser's message without the list of tokens it expected, which only names grammar symbols. */
	private static String firstLine(String message) {
		return message.lines().findFirst().orElse(message).strip();
	}

	/** Whether the query lists calls rather than ranks them, so they are sorted newest first. */
	static boolean isBrowsing(Query query) {
		return query instanceof MatchAllDocsQuery;
	}

	static Query filtered(Query query, SearchQuery search) {
		List<Query> filters = filters(search);
		if (filters.isEmpty()) {
			return query;
		}
		BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
		filters.forEach((filter) -> filtered.add(filter, Occur.FILTER));
		return filtered.build();
	}

	private static List<Query> filters(SearchQuery search) {
		List<Query> filters = new ArrayList<>();
		SearchFilters wanted = search.filters();
		addKeyword(filters, TranscriptFields.AGENT, search.agentScope());
		addKeyword(filters, TranscriptFields.AGENT, wanted.agent());
		addKeyword(filters, TranscriptFields.QUEUE, wanted.queue());
		if (wanted.from() != null || wanted.to() != null) {
			filters.add(LongField.newRangeQuery(TranscriptFields.STARTED_AT, fromMillis(wanted.from()),
					toMillis(wanted.to())));
		}
		if (wanted.minDurationSec() != null || wanted.maxDurationSec() != null) {
			filters.add(DoubleField.newRangeQuery(TranscriptFields.DURATION, orElse(wanted.minDurationSec(),
					Double.NEGATIVE_INFINITY), orElse(wanted.maxDurationSec(), Double.POSITIVE_INFINITY)));
		}
		addKeyword(filters, TranscriptFields.OUTCOME, wanted.outcome());
		addKeyword(filters, TranscriptFields.DIRECTION, wanted.direction());
		addBoolean(filters, TranscriptFields.HAS_RECORDING, wanted.hasRecording());
		addBoolean(filters, TranscriptFields.EVALUATED, wanted.evaluated());
		addBoolean(filters, TranscriptFields.CALLBACK_REQUESTED, wanted.callbackRequested());
		// Only evaluated calls have a score, so a score range keeps evaluated calls alone; likewise for surveys.
		if (wanted.minScore() != null || wanted.maxScore() != null) {
			filters.add(DoubleField.newRangeQuery(TranscriptFields.QA_SCORE, orElse(wanted.minScore(),
					Double.NEGATIVE_INFINITY), orElse(wanted.maxScore(), Double.POSITIVE_INFINITY)));
		}
		if (wanted.minSurvey() != null || wanted.maxSurvey() != null) {
			filters.add(IntField.newRangeQuery(TranscriptFields.SURVEY_SCORE,
					(wanted.minSurvey() != null) ? wanted.minSurvey() : Integer.MIN_VALUE,
					(wanted.maxSurvey() != null) ? wanted.maxSurvey() : Integer.MAX_VALUE));
		}
		addKeyword(filters, TranscriptFields.CATEGORY, wanted.category());
		addBoolean(filters, TranscriptFields.AUTO_EVALUATED, wanted.autoEvaluated());
		// As for the QA score: only calls with an automatic score have one, or a critical-failed flag.
		if (wanted.minAutoScore() != null || wanted.maxAutoScore() != null) {
			filters.add(DoubleField.newRangeQuery(TranscriptFields.AUTO_SCORE, orElse(wanted.minAutoScore(),
					Double.NEGATIVE_INFINITY), orElse(wanted.maxAutoScore(), Double.POSITIVE_INFINITY)));
		}
		addBoolean(filters, TranscriptFields.AUTO_CRITICAL_FAILED, wanted.autoCriticalFailed());
		return filters;
	}

	private static void addBoolean(List<Query> filters, String field, @Nullable Boolean value) {
		if (value != null) {
			filters.add(KeywordField.newExactQuery(field, value.toString()));
		}
	}

	/** A blank value is no filter, as an empty form field means "any". */
	private static void addKeyword(List<Query> filters, String field, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			filters.add(KeywordField.newExactQuery(field, value));
		}
	}

	private static long fromMillis(@Nullable Instant from) {
		return (from != null) ? from.toEpochMilli() : Long.MIN_VALUE;
	}

	/** {@code to} is exclusive, the range query's upper bound inclusive. */
	private static long toMillis(@Nullable Instant to) {
		return (to != null) ? to.toEpochMilli() - 1 : Long.MAX_VALUE;
	}

	private static double orElse(@Nullable Double value, double otherwise) {
		return (value != null) ? value : otherwise;
	}

	/**
	 * Whose words may be highlighted: everyone's if the query searches the combined text, otherwise only the speakers
	 * whose {@code said_by_} fields it searches. Fields only under NOT do not count: nothing of theirs is highlighted.
	 */
	static Predicate<String> highlightedSpeakers(Query query) {
		Set<String> searched = new HashSet<>();
		query.visit(new FieldCollector(searched));
		Set<String> fields = new HashSet<>();
		searched.forEach((field) -> fields.add(TranscriptFields.stemmed(field)));
		if (fields.contains(TranscriptFields.TEXT)) {
			return (speaker) -> true;
		}
		return (speaker) -> fields.contains(TranscriptFields.speaker(speaker));
	}

	/**
	 * Collects the fields a query searches, outside its prohibited clauses.
	 */
	private static final class FieldCollector extends QueryVisitor {

		private final Set<String> fields;

		FieldCollector(Set<String> fields) {
			this.fields = fields;
		}

		@Override
		public boolean acceptField(String field) {
			this.fields.add(field);
			return false;
		}

		@Override
		public QueryVisitor getSubVisitor(Occur occur, Query parent) {
			return (occur != Occur.MUST_NOT) ? this : EMPTY_VISITOR;
		}

	}

	/**
	 * A QueryParser that searches each clause on a stemmed field ({@code text}, {@code said_by_<speaker>}) in the
	 * forms of its {@link Matching}: EXACT the words as said only; STEMMED the stems or the words as said, so a call
	 * saying the very words typed ranks above one saying another form of them, and its matches say "exact"; TOLERANT
	 * also the stems with the recognizer's alternatives stacked on them ({@link #ALTERNATIVES_WEIGHT}: a phrase may
	 * mix words said and alternatives) and how they sound ({@link #SOUNDS_WEIGHT}), with lower weights. Phrases and proximity keep their slop in
	 * every form. Prefix, wildcard, fuzzy, regular expression and range clauses are patterns over spelled words, so
	 * they always match the words as said.
	 */
	static final class FormParser extends QueryParser {

		/** A match by sound alone scores well below a match of the words or their stems. */
		static final float SOUNDS_WEIGHT = 0.3f;

		/**
		 * A match that needs an alternative scores below the words, above a sound: the recognizer itself almost heard
		 * it.
		 */
		static final float ALTERNATIVES_WEIGHT = 0.5f;

		/** The shortest sound code a single word is matched by (Double Metaphone codes are at most 4 long). */
		static final int MIN_SOUND_CODE = 4;

		private final List<WordForm> forms;

		FormParser(Analyzer analyzer, Matching matching) {
			super(TranscriptFields.TEXT, analyzer);
			this.forms = switch (matching) {
				case EXACT -> List.of(WordForm.EXACT);
				case STEMMED -> List.of(WordForm.STEM, WordForm.EXACT);
				case TOLERANT -> List.of(WordForm.STEM, WordForm.EXACT, WordForm.ALTERNATIVE, WordForm.SOUNDS);
			};
		}

		private static boolean isStemmed(String field) {
			return TranscriptFields.formOf(field) == WordForm.STEM;
		}

		@Override
		protected @Nullable Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
			if (!isStemmed(field)) {
				return super.getFieldQuery(field, queryText, quoted);
			}
			BooleanQuery.Builder either = new BooleanQuery.Builder();
			for (WordForm form : this.forms) {
				add(either, form, super.getFieldQuery(TranscriptFields.inForm(field, form), queryText, quoted));
			}
			return simplest(either.build());
		}

		@Override
		protected @Nullable Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
			if (!isStemmed(field)) {
				return withSlop(super.getFieldQuery(field, queryText, true), slop);
			}
			BooleanQuery.Builder either = new BooleanQuery.Builder();
			for (WordForm form : this.forms) {
				Query phrase = super.getFieldQuery(TranscriptFields.inForm(field, form), queryText, true);
				add(either, form, withSlop(phrase, slop));
			}
			return simplest(either.build());
		}

		private static void add(BooleanQuery.Builder either, WordForm form, @Nullable Query query) {
			if (query == null || (form == WordForm.SOUNDS && isShortSound(query))) {
				return;
			}
			either.add(switch (form) {
				case SOUNDS -> new BoostQuery(query, SOUNDS_WEIGHT);
				case ALTERNATIVE -> new BoostQuery(query, ALTERNATIVES_WEIGHT);
				case STEM, EXACT -> query;
			}, Occur.SHOULD);
		}

		/**
		 * A single word whose sound code is shorter than {@link #MIN_SOUND_CODE} ("photo" FT, "friday" FRT): too many
		 * other words share it, so a match by its sound says little and is left out (measured by SearchRecallBenchmark).
		 */
		private static boolean isShortSound(Query query) {
			return query instanceof TermQuery term && term.getTerm().text().length() < MIN_SOUND_CODE;
		}

		/** No clause (the text had no words) is no query, as the QueryParser has it; one clause is that clause. */
		private static @Nullable Query simplest(BooleanQuery either) {
			return switch (either.clauses().size()) {
				case 0 -> null;
				case 1 -> either.clauses().get(0).getQuery();
				default -> either;
			};
		}

		/** What QueryParser does with a phrase's slop, for each form's phrase. */
		private static @Nullable Query withSlop(@Nullable Query query, int slop) {
			if (query instanceof PhraseQuery phrase && phrase.getSlop() != slop) {
				PhraseQuery.Builder builder = new PhraseQuery.Builder().setSlop(slop);
				for (int i = 0; i < phrase.getTerms().length; i++) {
					builder.add(phrase.getTerms()[i], phrase.getPositions()[i]);
				}
				return builder.build();
			}
			if (query instanceof MultiPhraseQuery phrase && phrase.getSlop() != slop) {
				return new MultiPhraseQuery.Builder(phrase).setSlop(slop).build();
			}
			return query;
		}

		@Override
		protected Query getPrefixQuery(String field, String termStr) throws ParseException {
			return super.getPrefixQuery(asSaid(field), termStr);
		}

		@Override
		protected Query getWildcardQuery(String field, String termStr) throws ParseException {
			return super.getWildcardQuery(asSaid(field), termStr);
		}

		@Override
		protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
			return super.getFuzzyQuery(asSaid(field), termStr, minSimilarity);
		}

		@Override
		protected Query getRegexpQuery(String field, String termStr) throws ParseException {
			return super.getRegexpQuery(asSaid(field), termStr);
		}

		@Override
		protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
				boolean endInclusive) throws ParseException {
			return super.getRangeQuery(asSaid(field), part1, part2, startInclusive, endInclusive);
		}

		private static String asSaid(String field) {
			return isStemmed(field) ? TranscriptFields.inForm(field, WordForm.EXACT) : field;
		}

	}

}
