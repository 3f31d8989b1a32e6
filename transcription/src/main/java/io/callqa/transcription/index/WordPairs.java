package io.callqa.transcription.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Searches exact phrases of {@link TranscriptFields#TEXT} on its word pairs ({@link TranscriptFields#TEXT_PAIRS}):
 * "call you back" becomes the phrase "call you" "you back", "refund order" the single term "refund order". The same
 * calls match, because a pair is indexed at the position of its first word exactly where the two stems follow each
 * other; but a common pair's postings are read directly, where the phrase of words checks the positions in every
 * call saying both words (about a third of all calls for common phrases), a cost that grew with the number of calls.
 *
 * <p>Only for finding and counting: highlighting and match times keep the phrase of words, which has offsets.
 */
final class WordPairs {

	private WordPairs() {
	}

	/**
	 * The query with each exact phrase of two words or more on {@link TranscriptFields#TEXT} searched by pairs;
	 * boolean and boost queries are rewritten inside, anything else is kept.
	 */
	static Query rewrite(Query query) {
		if (query instanceof PhraseQuery phrase) {
			return pairs(phrase);
		}
		if (query instanceof BoostQuery boost) {
			Query inner = rewrite(boost.getQuery());
			return (inner == boost.getQuery()) ? boost : new BoostQuery(inner, boost.getBoost());
		}
		if (query instanceof BooleanQuery bool) {
			BooleanQuery.Builder builder = new BooleanQuery.Builder()
				.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
			boolean changed = false;
			for (BooleanClause clause : bool.clauses()) {
				Query inner = rewrite(clause.getQuery());
				changed |= inner != clause.getQuery();
				builder.add(inner, clause.getOccur());
			}
			return changed ? builder.build() : bool;
		}
		return query;
	}

	/**
	 * The phrase by pairs if it is exact (slop 0), on the stemmed text, of two terms or more, each right after the one
	 * before (a gap, as a removed stop word would leave, has no pair); otherwise the phrase itself.
	 */
	private static Query pairs(PhraseQuery phrase) {
		Term[] terms = phrase.getTerms();
		int[] positions = phrase.getPositions();
		if (phrase.getSlop() != 0 || terms.length < 2 || !phrase.getField().equals(TranscriptFields.TEXT)) {
			return phrase;
		}
		for (int i = 1; i < positions.length; i++) {
			if (positions[i] != positions[i - 1] + 1) {
				return phrase;
			}
		}
		if (terms.length == 2) {
			return new TermQuery(pair(terms[0], terms[1]));
		}
		PhraseQuery.Builder builder = new PhraseQuery.Builder();
		for (int i = 0; i + 1 < terms.length; i++) {
			builder.add(pair(terms[i], terms[i + 1]), i);
		}
		return builder.build();
	}

	/** As the ShingleFilter joins them: one space between the two stems. */
	private static Term pair(Term first, Term second) {
		return new Term(TranscriptFields.TEXT_PAIRS, first.text() + " " + second.text());
	}

}
