package io.callqa.transcription.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Turns stems into one term per pair of different stems said within {@link WordPairs#NEAR_WINDOW} positions of each
 * other, in either order, the two sorted and joined by a space, each pair once per text; stems in
 * {@link WordPairs#NEAR_SKIPPED} take part in no pair (but keep their position). Reads the whole text before its first
 * pair: a transcript is a few thousand words at most.
 */
final class NearPairsFilter extends TokenFilter {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

	private final List<String> stems = new ArrayList<>();

	private int[] positions = new int[256];

	private final Set<String> pairs = new LinkedHashSet<>();

	private @Nullable Iterator<String> next;

	NearPairsFilter(TokenStream input) {
		super(input);
	}

	@Override
	public boolean incrementToken() throws IOException {
		Iterator<String> pairs = this.next;
		if (pairs == null) {
			pairs = readPairs();
			this.next = pairs;
		}
		if (!pairs.hasNext()) {
			return false;
		}
		clearAttributes();
		this.term.setEmpty().append(pairs.next());
		return true;
	}

	private Iterator<String> readPairs() throws IOException {
		int position = -1;
		while (this.input.incrementToken()) {
			position += this.increment.getPositionIncrement();
			String stem = this.term.toString();
			if (!WordPairs.NEAR_SKIPPED.contains(stem)) {
				if (this.stems.size() == this.positions.length) {
					this.positions = Arrays.copyOf(this.positions, this.positions.length * 2);
				}
				this.positions[this.stems.size()] = position;
				this.stems.add(stem);
			}
		}
		for (int i = 0; i < this.stems.size(); i++) {
			String first = this.stems.get(i);
			for (int j = i + 1; j < this.stems.size()
					&& this.positions[j] - this.positions[i] <= WordPairs.NEAR_WINDOW; j++) {
				String second = this.stems.get(j);
				int order = first.compareTo(second);
				if (order != 0) {
					this.pairs.add((order < 0) ? first + " " + second : second + " " + first);
				}
			}
		}
		return this.pairs.iterator();
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		this.stems.clear();
		this.pairs.clear();
		this.next = null;
	}

}
