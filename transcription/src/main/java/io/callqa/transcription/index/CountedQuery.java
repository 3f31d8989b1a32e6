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
		boolean optional = bool.getMinimumNumberShouldMatch() == 0
				&& bool.clauses().stream().allMatch((clause) -> clause.getOccur() == Occur.SHOULD);
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
