package io.callqa.transcription.index;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Searches exact phrases of {@link TranscriptFields#TEXT} on its word pairs ({@link TranscriptFields#TEXT_PAIRS}):
 * "call you back" becomes the phrase "call you" "you back", "refund order" the single term "refund order". The same
 * calls match, because a pair is indexed at the position of its first word exactly where the two stems follow each
 * other; but a common pair's postings are read directly, where the phrase of words checks the positions in every
 * call saying both words (about a third of all calls for common phrases), a cost that grew with the number of calls.
 *
 * <p>A proximity search ({@code "refund week"~5}) keeps its phrase, which scores it, and also requires the near pairs
 * ({@link TranscriptFields#TEXT_NEAR}, unscored) of its words that must be near wherever it matches: every call where
 * the phrase matches has them, and the phrase checks positions only in calls that have them all.
 *
 * <p>Only for finding and counting: highlighting and match times keep the phrase of words, which has offsets.
 */
final class WordPairs {

	/**
	 * How many positions apart two words may be to make a near pair: enough for a slop of 5 (the search page's
	 * example, "refund week"~5, finds "week" up to 6 words after "refund" and up to 4 before it).
	 */
	static final int NEAR_WINDOW = 6;

	/**
	 * The stems of the words that take part in no near pair: articles, pronouns, prepositions, conjunctions and forms
	 * of be, have and do, about half of what is said, which would double the pairs and are seldom what a proximity
	 * search is about. A proximity search of two words, one of them skipped, checks positions as before. Negations
	 * and modal verbs ("not working", "will send") are kept.
	 */
	static final Set<String> NEAR_SKIPPED = stems("a an the and or but so if then than that this these those there "
			+ "here i me my mine you your yours he him his she her hers it its we us our they them their what which "
			+ "who to of in on at for with from by as about into up out over just well oh um uh okay yes yeah is am "
			+ "are was were be been being have has had do does did i'm you're it's that's we're they're i've i'll");

	private WordPairs() {
	}

	private static Set<String> stems(String words) {
		Set<String> stems = new HashSet<>();
		for (String word : words.split(" ")) {
			stems.addAll(TranscriptAnalyzer.stemsOf(word));
		}
		return Set.copyOf(stems);
	}

	/**
	 * The query with each exact phrase of two words or more on {@link TranscriptFields#TEXT} searched by pairs, and
	 * each proximity search there requiring the near pairs of its words; boolean and boost queries are rewritten
	 * inside, anything else is kept.
	 */
	static Query rewrite(Query query) {
		return rewrite(query, true);
	}

	/** As {@link #rewrite(Query)}, proximity searches left alone unless {@code near} (an index without near pairs). */
	static Query rewrite(Query query, boolean near) {
		if (query instanceof PhraseQuery phrase) {
			return (phrase.getSlop() == 0) ? pairs(phrase) : near ? near(phrase) : phrase;
		}
		if (query instanceof BoostQuery boost) {
			Query inner = rewrite(boost.getQuery(), near);
			return (inner == boost.getQuery()) ? boost : new BoostQuery(inner, boost.getBoost());
		}
		if (query instanceof BooleanQuery bool) {
			BooleanQuery.Builder builder = new BooleanQuery.Builder()
				.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
			boolean changed = false;
			for (BooleanClause clause : bool.clauses()) {
				Query inner = rewrite(clause.getQuery(), near);
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

	/**
	 * The proximity search on {@link TranscriptFields#TEXT} with the near pairs it implies required; the phrase itself
	 * if it implies none. The phrase matches where the positions of its words, each less its place in the query, lie
	 * within the slop of each other; so any two of its words are at most the slop plus their distance in the query
	 * apart, and where that is within {@link #NEAR_WINDOW}, two different stems, neither skipped, make a near pair
	 * every matching call has. Every such pair is required: the rarest leads.
	 */
	private static Query near(PhraseQuery phrase) {
		Term[] terms = phrase.getTerms();
		int[] positions = phrase.getPositions();
		if (terms.length < 2 || !phrase.getField().equals(TranscriptFields.TEXT)) {
			return phrase;
		}
		Set<String> pairs = new TreeSet<>();
		for (int i = 0; i < terms.length; i++) {
			for (int j = i + 1; j < terms.length; j++) {
				String pair = nearPair(terms[i].text(), terms[j].text(), positions[j] - positions[i], phrase.getSlop());
				if (pair != null) {
					pairs.add(pair);
				}
			}
		}
		if (pairs.isEmpty()) {
			return phrase;
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(phrase, BooleanClause.Occur.MUST);
		pairs.forEach((pair) -> builder.add(new TermQuery(new Term(TranscriptFields.TEXT_NEAR, pair)),
				BooleanClause.Occur.FILTER));
		return builder.build();
	}

	/**
	 * The near pair of two words of a proximity search, {@code distance} apart in the query; null if they make none:
	 * the same stem, a skipped word, at one place (stacked words), or possibly further apart than the window.
	 */
	private static @Nullable String nearPair(String first, String second, int distance, int slop) {
		int order = first.compareTo(second);
		if (order == 0 || distance == 0 || NEAR_SKIPPED.contains(first) || NEAR_SKIPPED.contains(second)
				|| (long) slop + Math.abs(distance) > NEAR_WINDOW) {
			return null;
		}
		return (order < 0) ? first + " " + second : second + " " + first;
	}

	/** As the ShingleFilter joins them: one space between the two stems. */
	private static Term pair(Term first, Term second) {
		return new Term(TranscriptFields.TEXT_PAIRS, first.text() + " " + second.text());
	}

}
