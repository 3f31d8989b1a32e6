package io.callqa.transcription.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Searches exact phrases of {@link TranscriptFields#TEXT} on its word pairs ({@link TranscriptFields#TEXT_PAIRS}) and
 * triples ({@link TranscriptFields#TEXT_TRIPLES}): "refund order" becomes the single term "refund order", "call you
 * back" the single term "call you back", "call you back today" the phrase "call you" "you back" "back today" with its
 * triples required. The same calls match, because a pair or triple is indexed exactly where its stems follow each
 * other; but a common phrase's calls are read directly, where the phrase of words checks the positions in every call
 * saying all its words (about a third of all calls for common phrases), a cost that grew with the number of calls.
 *
 * <p>A proximity search of two words ({@code "refund week"~5}) within the near window is answered from the near pairs
 * alone ({@link NearQuery}); one of more words keeps its phrase, which scores it, and also requires each two of its
 * words to be as near as they must be wherever it matches, so it checks positions only in the calls where they are.
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
	 * The stems of the words that make no near pair with each other: articles, pronouns, prepositions, conjunctions,
	 * forms of be, have and do, fillers, about half of what is said; with any other word they do ("send us", "okay
	 * thanks"). Two of them near each other ("it was") would add pairs in nearly every call, and are seldom what a
	 * proximity search is about: such a search checks positions.
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

	/**
	 * As {@link #rewrite(Query)}, but without triples and near pairs unless {@code near} (an index before
	 * {@link TranscriptIndex#NEAR_VERSION}): exact phrases by pairs alone, proximity searches left alone.
	 */
	static Query rewrite(Query query, boolean near) {
		if (query instanceof PhraseQuery phrase) {
			return (phrase.getSlop() == 0) ? pairs(phrase, near) : near ? near(phrase) : phrase;
		}
		if (query instanceof BoostQuery boost) {
			Query inner = rewrite(boost.getQuery(), near);
			return (inner == boost.getQuery()) ? boost : new BoostQuery(inner, boost.getBoost());
		}
		if (query instanceof BooleanQuery bool) {
			List<Query> rewritten = new ArrayList<>();
			boolean changed = false;
			boolean nearRequired = false;
			for (BooleanClause clause : bool.clauses()) {
				Query inner = rewrite(clause.getQuery(), near);
				changed |= inner != clause.getQuery();
				nearRequired |= clause.isRequired() && inner instanceof NearQuery;
				rewritten.add(inner);
			}
			if (!changed) {
				return bool;
			}
			BooleanQuery.Builder builder = new BooleanQuery.Builder()
				.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
			for (int i = 0; i < rewritten.size(); i++) {
				BooleanClause.Occur occur = bool.clauses().get(i).getOccur();
				boolean scoresOnly = nearRequired && occur == BooleanClause.Occur.SHOULD
						&& bool.getMinimumNumberShouldMatch() == 0;
				builder.add(scoresOnly ? wordsAsSaid(rewritten.get(i)) : rewritten.get(i), occur);
			}
			return builder.build();
		}
		return query;
	}

	/**
	 * A proximity search of words as said, of two words, beside a required {@link NearQuery} (the stems of a
	 * proximity search ranked with the words as said optional, {@link CountedQuery#ranked}), as its two words
	 * required: it only adds to the score there, and checking its positions in every call found would cost what the
	 * near pairs saved ("call back"~5 is near in about a third of all calls). Calls saying both words as typed still
	 * rank higher, whether near or not. Anything else as it is.
	 */
	private static Query wordsAsSaid(Query query) {
		if (!(query instanceof PhraseQuery phrase) || phrase.getSlop() == 0 || phrase.getTerms().length != 2
				|| TranscriptFields.formOf(phrase.getField()) != WordForm.EXACT) {
			return query;
		}
		BooleanQuery.Builder both = new BooleanQuery.Builder();
		for (Term term : phrase.getTerms()) {
			both.add(new TermQuery(term), BooleanClause.Occur.MUST);
		}
		return both.build();
	}

	/**
	 * The phrase by pairs (and triples) if it is exact (slop 0), on the stemmed text, of two terms or more, each right
	 * after the one before (a gap, as a removed stop word would leave, has no pair); otherwise the phrase itself.
	 */
	private static Query pairs(PhraseQuery phrase, boolean triples) {
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
		if (triples && terms.length == 3) {
			return new TermQuery(triple(terms, 0));
		}
		PhraseQuery.Builder builder = new PhraseQuery.Builder();
		for (int i = 0; i + 1 < terms.length; i++) {
			builder.add(pair(terms[i], terms[i + 1]), i);
		}
		if (!triples) {
			return builder.build();
		}
		BooleanQuery.Builder required = new BooleanQuery.Builder().add(builder.build(), BooleanClause.Occur.MUST);
		for (int i = 0; i + 2 < terms.length; i++) {
			required.add(new TermQuery(triple(terms, i)), BooleanClause.Occur.FILTER);
		}
		return required.build();
	}

	/**
	 * The proximity search on {@link TranscriptFields#TEXT} by near pairs: of two words, within the window, the
	 * {@link NearQuery} that matches the same calls; of more, the phrase with a {@link NearQuery} required for each two
	 * of its words that make a pair. The phrase matches where the positions of its words, each less its place in the
	 * query, lie within the slop of each other: so a word {@code k} places after another in the query is said at most
	 * {@code k + slop} words after it and at most {@code slop - k} before it. Two words make a pair if their stems
	 * differ, not both are skipped and the bound after is within {@link #NEAR_WINDOW}. The phrase itself if none do.
	 */
	private static Query near(PhraseQuery phrase) {
		Term[] terms = phrase.getTerms();
		int[] positions = phrase.getPositions();
		if (terms.length < 2 || !phrase.getField().equals(TranscriptFields.TEXT)) {
			return phrase;
		}
		Map<String, NearQuery> pairs = new TreeMap<>();
		for (int i = 0; i < terms.length; i++) {
			for (int j = i + 1; j < terms.length; j++) {
				NearQuery pair = nearPair(terms[i].text(), terms[j].text(), positions[j] - positions[i],
						phrase.getSlop());
				if (pair != null) {
					pairs.put(pair.toString(), pair);
				}
			}
		}
		if (pairs.isEmpty()) {
			return phrase;
		}
		if (terms.length == 2 && positions[1] - positions[0] == 1) {
			// "a b"~s matches where b follows a within s + 1 or precedes it within s - 1: the pair's bounds exactly
			return pairs.values().iterator().next();
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(phrase, BooleanClause.Occur.MUST);
		pairs.values().forEach((pair) -> builder.add(pair, BooleanClause.Occur.FILTER));
		return builder.build();
	}

	/**
	 * The near pair of two words of a proximity search, the second {@code distance} places after the first in the
	 * query; null if they make none: the same stem, both skipped, at one place (stacked words), or possibly further
	 * apart than the window.
	 */
	private static @Nullable NearQuery nearPair(String first, String second, int distance, int slop) {
		long after = (long) distance + slop;
		if (first.equals(second) || distance <= 0 || after > NEAR_WINDOW
				|| (NEAR_SKIPPED.contains(first) && NEAR_SKIPPED.contains(second))) {
			return null;
		}
		return new NearQuery(first, second, (int) after, Math.max(0, slop - distance));
	}

	private static Term triple(Term[] terms, int from) {
		return new Term(TranscriptFields.TEXT_TRIPLES,
				terms[from].text() + " " + terms[from + 1].text() + " " + terms[from + 2].text());
	}

	/** As the ShingleFilter joins them: one space between the two stems. */
	private static Term pair(Term first, Term second) {
		return new Term(TranscriptFields.TEXT_PAIRS, first.text() + " " + second.text());
	}

}
