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
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.jspecify.annotations.Nullable;

import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.SearchFilters;
import io.callqa.transcription.SearchQuery;

/**
 * Builds the Lucene query of a {@link SearchQuery}: the user's text parsed by the classic QueryParser, and the
 * filters as non-scoring FILTER clauses.
 */
final class SearchQueries {

	/** Far longer than any question a supervisor types (over HTTP, Tomcat's 8 KB request line comes first). */
	static final int MAX_LENGTH = 10_000;

	static final int MAX_NESTING = 20;

	private SearchQueries() {
	}

	/**
	 * The parsed text; blank text matches every call. Terms are ANDed by default (supervisors type a few words and
	 * expect calls that contain them all); OR, NOT, +, - and parentheses work as usual.
	 *
	 * @throws InvalidSearchException with the parser's message if the text cannot be parsed
	 */
	static Query parse(String text, Analyzer analyzer) {
		if (text.isBlank()) {
			return new MatchAllDocsQuery();
		}
		checkSize(text);
		QueryParser parser = new QueryParser(TranscriptFields.TEXT, analyzer);
		parser.setDefaultOperator(QueryParser.Operator.AND);
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
		Set<String> fields = new HashSet<>();
		query.visit(new FieldCollector(fields));
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

}
