package io.callqa.transcription.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * The query a search's total is counted with: the same calls, less work. A stemmed search looks for each word and
 * phrase as stems or as said ({@code text:"call back" exact:"call back"}), for the ranking; but wherever the words as
 * said are, their stems are too (same tokenizer, same positions, each word stemmed alone), so the words as said add no
 * call to the count and are left out of it: counting a common phrase then checks positions in one field, not two.
 */
final class CountedQuery {

	private CountedQuery() {
	}

	/** The query without the clauses that cannot add a call, inside boolean and boost queries. */
	static Query of(Query query, Analyzer analyzer) {
		if (query instanceof BoostQuery boost) {
			Query inner = of(boost.getQuery(), analyzer);
			return (inner == boost.getQuery()) ? boost : new BoostQuery(inner, boost.getBoost());
		}
		if (!(query instanceof BooleanQuery bool)) {
			return query;
		}
		boolean optional = isOptional(bool);
		BooleanQuery.Builder builder = new BooleanQuery.Builder()
			.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
		boolean changed = false;
		int kept = 0;
		Query last = null;
		for (BooleanClause clause : bool.clauses()) {
			if (optional && isSubsumed(clause.getQuery(), bool.clauses(), analyzer)) {
				changed = true;
				continue;
			}
			Query inner = of(clause.getQuery(), analyzer);
			changed |= inner != clause.getQuery();
			builder.add(inner, clause.getOccur());
			kept++;
			last = inner;
		}
		if (!changed) {
			return bool;
		}
		return (optional && kept == 1) ? last : builder.build();
	}

	/**
	 * The query to rank the same calls with, for less work when every match is collected: where an optional pair of
	 * clauses searches the stems and the words as said of one word or one sloppy phrase
	 * ({@code text:refund exact:refund}), the stems are required and the words as said optional. The same calls
	 * match (the words as said only match where their stems do), with the same scores (the sum of the clauses that
	 * match); but the words as said are only looked for in the calls their stems matched, where the disjunction
	 * looked for both in every call: for a sloppy phrase, checking the positions of every call saying both words
	 * twice. It also about halves the time of "refund -invoice" (SearchScaleBenchmark's AND NOT). An exact phrase's
	 * pair is kept as it is: its disjunction skips the calls that cannot reach the page better. Prohibited and filter
	 * clauses are as counted: they do not score.
	 */
	static Query ranked(Query query, Analyzer analyzer) {
		if (query instanceof BoostQuery boost) {
			Query inner = ranked(boost.getQuery(), analyzer);
			return (inner == boost.getQuery()) ? boost : new BoostQuery(inner, boost.getBoost());
		}
		if (!(query instanceof BooleanQuery bool)) {
			return query;
		}
		if (isOptional(bool)) {
			return stemsRequired(bool, analyzer);
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder()
			.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
		boolean changed = false;
		for (BooleanClause clause : bool.clauses()) {
			Query inner = clause.isScoring() ? ranked(clause.getQuery(), analyzer) : of(clause.getQuery(), analyzer);
			changed |= inner != clause.getQuery();
			builder.add(inner, clause.getOccur());
		}
		return changed ? builder.build() : bool;
	}

	/**
	 * Two optional clauses, one the words as said of the other's stems, as the stems required and the words optional;
	 * anything else as it is. Only two: the sum of the two scores is the same float either way, where a third clause
	 * would be added in another order.
	 */
	private static Query stemsRequired(BooleanQuery either, Analyzer analyzer) {
		List<BooleanClause> clauses = either.clauses();
		if (clauses.size() != 2) {
			return either;
		}
		for (int i = 0; i < 2; i++) {
			Query asSaid = clauses.get(i).getQuery();
			Query stems = clauses.get(1 - i).getQuery();
			if ((asSaid instanceof TermQuery || isSloppy(asSaid)) && isSubsumed(asSaid, clauses, analyzer)
					&& !isSubsumed(stems, clauses, analyzer)) {
				return new BooleanQuery.Builder().add(stems, Occur.MUST).add(asSaid, Occur.SHOULD).build();
			}
		}
		return either;
	}

	private static boolean isSloppy(Query query) {
		return query instanceof PhraseQuery phrase && phrase.getSlop() > 0;
	}

	/**
	 * Whether the query only matches where a phrase matches, {@code sloppy} (proximity) or exact: finding its calls is
	 * checking the positions of its words in every call that says them all.
	 */
	static boolean requiresPhrase(Query query, boolean sloppy) {
		if (query instanceof BoostQuery boost) {
			return requiresPhrase(boost.getQuery(), sloppy);
		}
		if (query instanceof PhraseQuery phrase) {
			return (phrase.getSlop() > 0) == sloppy;
		}
		if (query instanceof MultiPhraseQuery phrase) {
			return (phrase.getSlop() > 0) == sloppy;
		}
		if (!(query instanceof BooleanQuery bool)) {
			return false;
		}
		List<BooleanClause> required = bool.clauses().stream().filter(BooleanClause::isRequired).toList();
		if (!required.isEmpty()) {
			return required.stream().anyMatch((clause) -> requiresPhrase(clause.getQuery(), sloppy));
		}
		List<BooleanClause> optional = bool.clauses()
			.stream()
			.filter((clause) -> clause.getOccur() == Occur.SHOULD)
			.toList();
		return !optional.isEmpty() && optional.stream().allMatch((clause) -> requiresPhrase(clause.getQuery(), sloppy));
	}

	private static boolean isOptional(BooleanQuery bool) {
		return bool.getMinimumNumberShouldMatch() == 0
				&& bool.clauses().stream().allMatch((clause) -> clause.getOccur() == Occur.SHOULD);
	}

	/** Whether {@code query} searches words as said whose stems a sibling searches, in the same shape. */
	private static boolean isSubsumed(Query query, List<BooleanClause> siblings, Analyzer analyzer) {
		Shape asSaid = Shape.of(query);
		if (asSaid == null || TranscriptFields.formOf(asSaid.field()) != WordForm.EXACT) {
			return false;
		}
		String stemmedField = TranscriptFields.stemmed(asSaid.field());
		for (BooleanClause sibling : siblings) {
			Shape stems = Shape.of(sibling.getQuery());
			if (stems != null && stems.field().equals(stemmedField) && stems.slop() == asSaid.slop()
					&& stems.positions().equals(asSaid.positions())
					&& stems.terms().equals(stemmed(asSaid.terms(), stemmedField, analyzer))) {
				return true;
			}
		}
		return false;
	}

	/** Each word as the stemmed field indexes it; null if one is not a single token there. */
	private static @Nullable List<String> stemmed(List<String> words, String field, Analyzer analyzer) {
		List<String> stems = new ArrayList<>(words.size());
		for (String word : words) {
			List<String> tokens = new ArrayList<>();
			try (TokenStream stream = analyzer.tokenStream(field, word)) {
				CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
				stream.reset();
				while (stream.incrementToken()) {
					tokens.add(term.toString());
				}
				stream.end();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (tokens.size() != 1) {
				return null;
			}
			stems.add(tokens.get(0));
		}
		return stems;
	}

	/** A term or phrase: its field, words, their positions and the slop (0 for a term). */
	private record Shape(String field, List<String> terms, List<Integer> positions, int slop) {

		static @Nullable Shape of(Query query) {
			if (query instanceof TermQuery term) {
				return new Shape(term.getTerm().field(), List.of(term.getTerm().text()), List.of(0), 0);
			}
			if (query instanceof PhraseQuery phrase && phrase.getTerms().length > 0) {
				List<String> terms = new ArrayList<>();
				List<Integer> positions = new ArrayList<>();
				for (int i = 0; i < phrase.getTerms().length; i++) {
					Term term = phrase.getTerms()[i];
					terms.add(term.text());
					positions.add(phrase.getPositions()[i] - phrase.getPositions()[0]);
				}
				return new Shape(phrase.getField(), terms, positions, phrase.getSlop());
			}
			return null;
		}

	}

}
