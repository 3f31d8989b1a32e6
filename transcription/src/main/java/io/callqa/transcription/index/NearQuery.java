package io.callqa.transcription.index;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * Calls where one stem is said at most {@code forward} words before another, or the other at most {@code backward}
 * words before it, read from their {@link TranscriptFields#TEXT_NEAR near pairs} alone: each pair's frequency holds
 * the smallest distance at which the call says it ({@link NearPairsFilter}), so no position is read.
 *
 * <p>A proximity search of two words {@code "a b"~s} matches exactly where b follows a within s + 1 words or precedes
 * it within s - 1 (Lucene's sloppy phrase: the distance less one within the slop), so within the near window it is
 * answered by this query alone; of more words, each of its pairs bounds where a match can be, and the phrase checks
 * positions only in the calls within all the bounds ({@link WordPairs}).
 *
 * <p>Scored as BM25 would score a term saying how often the two are near, each time counted the more the closer the
 * nearest: {@code idf * 2.2 * tf / (tf + 1.2)} with {@code tf = times / distance}, where {@code idf} is that of the
 * pair's calls. A sloppy phrase weighs each match by its closeness too; unlike it, this reads no positions.
 */
final class NearQuery extends Query {

	private final String first;

	private final String second;

	private final int forward;

	private final int backward;

	/**
	 * @param forward how far after {@code first} {@code second} may be said, 1 to the window (0: never after)
	 * @param backward how far before it, 0 (never before) to the window
	 */
	NearQuery(String first, String second, int forward, int backward) {
		if (forward < 0 || backward < 0 || forward > WordPairs.NEAR_WINDOW || backward > WordPairs.NEAR_WINDOW
				|| forward + backward == 0 || first.equals(second)) {
			throw new IllegalArgumentException("no near pairs for " + first + " " + second + " within " + forward
					+ " after, " + backward + " before");
		}
		this.first = first;
		this.second = second;
		this.forward = forward;
		this.backward = backward;
	}

	@Override
	public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
		IndexReader reader = searcher.getIndexReader();
		Term after = term(this.first, this.second);
		Term before = term(this.second, this.first);
		long total = Math.max(1, reader.maxDoc());
		// a call may say the two in both orders: at most every call, or the weight would be negative
		long calls = Math.min(total,
				((this.forward > 0) ? reader.docFreq(after) : 0) + ((this.backward > 0) ? reader.docFreq(before) : 0));
		float idf = (float) Math.log(1 + (total - calls + 0.5) / (calls + 0.5));
		float weight = boost * idf * (NearPairsFilter.K1 + 1);
		return new Weight(this) {

			@Override
			public @Nullable Scorer scorer(LeafReaderContext context) throws IOException {
				Terms terms = context.reader().terms(TranscriptFields.TEXT_NEAR);
				if (terms == null) {
					return null;
				}
				TermsEnum pairs = terms.iterator();
				PostingsEnum afterCalls = (NearQuery.this.forward > 0) ? postings(pairs, after) : null;
				PostingsEnum beforeCalls = (NearQuery.this.backward > 0) ? postings(pairs, before) : null;
				if (afterCalls == null && beforeCalls == null) {
					return null;
				}
				return new NearScorer(this, afterCalls, beforeCalls, NearQuery.this.forward, NearQuery.this.backward,
						weight);
			}

			@Override
			public boolean isCacheable(LeafReaderContext context) {
				return true;
			}

			@Override
			public Explanation explain(LeafReaderContext context, int doc) throws IOException {
				Scorer scorer = scorer(context);
				if (scorer != null && scorer.iterator().advance(doc) == doc) {
					return Explanation.match(scorer.score(), "near within " + NearQuery.this.forward + " after, "
							+ NearQuery.this.backward + " before: " + NearQuery.this);
				}
				return Explanation.noMatch("not near: " + NearQuery.this);
			}

		};
	}

	private static @Nullable PostingsEnum postings(TermsEnum pairs, Term pair) throws IOException {
		return pairs.seekExact(pair.bytes()) ? pairs.postings(null, PostingsEnum.FREQS) : null;
	}

	private static Term term(String before, String after) {
		return new Term(TranscriptFields.TEXT_NEAR, before + " " + after);
	}

	@Override
	public void visit(QueryVisitor visitor) {
		if (visitor.acceptField(TranscriptFields.TEXT_NEAR)) {
			visitor.consumeTerms(this, term(this.first, this.second), term(this.second, this.first));
		}
	}

	@Override
	public String toString(String field) {
		return TranscriptFields.TEXT_NEAR + ":" + this.first + " <" + this.forward + " " + this.backward + "> "
				+ this.second;
	}

	@Override
	public boolean equals(Object other) {
		return sameClassAs(other) && this.first.equals(((NearQuery) other).first)
				&& this.second.equals(((NearQuery) other).second) && this.forward == ((NearQuery) other).forward
				&& this.backward == ((NearQuery) other).backward;
	}

	@Override
	public int hashCode() {
		return Objects.hash(classHash(), this.first, this.second, this.forward, this.backward);
	}

	/** The union of the two pairs' calls, each kept where its nearest distance is within its bound. */
	private static final class NearScorer extends Scorer {

		private final @Nullable PostingsEnum after;

		private final @Nullable PostingsEnum before;

		private final int forward;

		private final int backward;

		private final float weight;

		private final DocIdSetIterator iterator;

		private float score;

		NearScorer(Weight weight, @Nullable PostingsEnum after, @Nullable PostingsEnum before, int forward,
				int backward, float score) {
			super(weight);
			this.after = after;
			this.before = before;
			this.forward = forward;
			this.backward = backward;
			this.weight = score;
			this.iterator = new DocIdSetIterator() {

				private int doc = -1;

				@Override
				public int docID() {
					return this.doc;
				}

				@Override
				public int nextDoc() throws IOException {
					return advance(this.doc + 1);
				}

				@Override
				public int advance(int target) throws IOException {
					int candidate = target;
					while (true) {
						int a = at(NearScorer.this.after, candidate);
						int b = at(NearScorer.this.before, candidate);
						int doc = Math.min(a, b);
						if (doc == NO_MORE_DOCS) {
							return this.doc = NO_MORE_DOCS;
						}
						float tf = 0;
						if (a == doc) {
							tf += closeness(NearScorer.this.after.freq(), NearScorer.this.forward);
						}
						if (b == doc) {
							tf += closeness(NearScorer.this.before.freq(), NearScorer.this.backward);
						}
						if (tf > 0) {
							NearScorer.this.score = NearScorer.this.weight * tf / (tf + NearPairsFilter.K1);
							return this.doc = doc;
						}
						candidate = doc + 1;
					}
				}

				@Override
				public long cost() {
					return ((NearScorer.this.after != null) ? NearScorer.this.after.cost() : 0)
							+ ((NearScorer.this.before != null) ? NearScorer.this.before.cost() : 0);
				}

			};
		}

		/** Where the postings are at or after {@code target}, advancing them only if behind. */
		private static int at(@Nullable PostingsEnum postings, int target) throws IOException {
			if (postings == null) {
				return DocIdSetIterator.NO_MORE_DOCS;
			}
			int doc = postings.docID();
			return (doc >= target) ? doc : postings.advance(target);
		}

		/** The pair's times near divided by its nearest distance, 0 if that is past {@code bound}. */
		private static float closeness(int frequency, int bound) {
			int distance = NearPairsFilter.distance(frequency);
			return (distance <= bound) ? (float) NearPairsFilter.times(frequency) / distance : 0;
		}

		@Override
		public int docID() {
			return this.iterator.docID();
		}

		@Override
		public DocIdSetIterator iterator() {
			return this.iterator;
		}

		@Override
		public float score() {
			return this.score;
		}

		@Override
		public float getMaxScore(int upTo) {
			return this.weight;
		}

	}

}
