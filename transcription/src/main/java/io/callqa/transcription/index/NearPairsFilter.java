package io.callqa.transcription.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Turns stems into one term per ordered pair of different stems said within {@link WordPairs#NEAR_WINDOW} positions
 * of each other, not both in {@link WordPairs#NEAR_SKIPPED}: "a b" where a is said before b, each pair once per text.
 * Its frequency (set, not counted: the field has no positions) holds how near and how often: the smallest distance at
 * which b follows a (1 to the window), and how many times it does within the window ({@link #frequency}), which
 * {@link NearQuery} reads instead of positions. Reads the whole text before its first pair: a transcript is a few
 * thousand words at most.
 */
final class NearPairsFilter extends TokenFilter {

	/** BM25's k1, with which {@link NearQuery} saturates how often a pair is near. */
	static final float K1 = 1.2f;

	/** The times a pair is counted up to: past that, more says nothing about a call. */
	static final int MAX_TIMES = 1 << 12;

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

	private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);

	private final List<String> stems = new ArrayList<>();

	private int[] positions = new int[256];

	private final Map<String, int[]> pairs = new LinkedHashMap<>();

	private @Nullable Iterator<Map.Entry<String, int[]>> next;

	NearPairsFilter(TokenStream input) {
		super(input);
	}

	/** The frequency of a pair said {@code times} times within the window, the nearest {@code distance} apart. */
	static int frequency(int distance, int times) {
		return ((Math.min(times, MAX_TIMES) - 1) << 3) + distance;
	}

	/** The nearest distance in a pair's frequency. */
	static int distance(int frequency) {
		return ((frequency - 1) & 7) + 1;
	}

	/** The times near in a pair's frequency. */
	static int times(int frequency) {
		return ((frequency - 1) >>> 3) + 1;
	}

	@Override
	public boolean incrementToken() throws IOException {
		Iterator<Map.Entry<String, int[]>> pairs = this.next;
		if (pairs == null) {
			pairs = readPairs();
			this.next = pairs;
		}
		if (!pairs.hasNext()) {
			return false;
		}
		clearAttributes();
		Map.Entry<String, int[]> pair = pairs.next();
		this.term.setEmpty().append(pair.getKey());
		this.frequency.setTermFrequency(frequency(pair.getValue()[0], pair.getValue()[1]));
		return true;
	}

	private Iterator<Map.Entry<String, int[]>> readPairs() throws IOException {
		int position = -1;
		while (this.input.incrementToken()) {
			position += this.increment.getPositionIncrement();
			if (this.stems.size() == this.positions.length) {
				this.positions = Arrays.copyOf(this.positions, this.positions.length * 2);
			}
			this.positions[this.stems.size()] = position;
			this.stems.add(this.term.toString());
		}
		for (int i = 0; i < this.stems.size(); i++) {
			String first = this.stems.get(i);
			boolean skipped = WordPairs.NEAR_SKIPPED.contains(first);
			for (int j = i + 1; j < this.stems.size()
					&& this.positions[j] - this.positions[i] <= WordPairs.NEAR_WINDOW; j++) {
				String second = this.stems.get(j);
				if (first.equals(second) || (skipped && WordPairs.NEAR_SKIPPED.contains(second))) {
					continue;
				}
				int distance = this.positions[j] - this.positions[i];
				int[] near = this.pairs.computeIfAbsent(first + " " + second, (pair) -> new int[] { distance, 0 });
				near[0] = Math.min(near[0], distance);
				near[1]++;
			}
		}
		return this.pairs.entrySet().iterator();
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		this.stems.clear();
		this.pairs.clear();
		this.next = null;
	}

}
