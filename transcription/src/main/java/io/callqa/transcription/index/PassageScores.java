package io.callqa.transcription.index;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's passage score, the same float as {@link PassageScorer#score}, without its hash of the passage's
 * terms: that builds a 32 KB block per passage scored, and every match of a common word starts a passage. A passage
 * holds a few matches, so its distinct terms are found by comparing each with those before it; they are summed in
 * the order of their first match, as the hash numbers them, so the sum is the same.
 */
final class PassageScores extends PassageScorer {

	@Override
	public float score(Passage passage, int contentLength) {
		int matches = passage.getNumMatches();
		BytesRef[] terms = passage.getMatchTerms();
		int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
		double score = 0d;
		for (int i = 0; i < matches; i++) {
			if (seenBefore(terms, i)) {
				continue;
			}
			int freqInPassage = 1;
			for (int j = i + 1; j < matches; j++) {
				if (terms[j].bytesEquals(terms[i])) {
					freqInPassage++;
				}
			}
			score += tf(freqInPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
		}
		score *= norm(passage.getStartOffset());
		return (float) score;
	}

	private static boolean seenBefore(BytesRef[] terms, int i) {
		for (int j = 0; j < i; j++) {
			if (terms[j].bytesEquals(terms[i])) {
				return true;
			}
		}
		return false;
	}

}
