package io.callqa.transcription.index;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PassageScoresTests {

	private static final String[] TERMS = { "refund", "refund", "order", "cancel", "exact:cancelled", "sounds:RFNT",
			"call", "back" };

	@Test
	void scoreShouldBeTheHighlightersOwnOnRandomPassages() {
		PassageScorer highlighters = new PassageScorer();
		PassageScores ours = new PassageScores();
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 20_000; i++) {
			Passage passage = passage(random);
			int contentLength = passage.getEndOffset() + random.nextInt(5_000);
			assertThat(ours.score(passage, contentLength)).as(passage.toString())
				.isEqualTo(highlighters.score(passage, contentLength));
		}
	}

	@Test
	void scoreShouldCountATermOnceHoweverItsBytesAreHeld() {
		Passage passage = new Passage();
		passage.setStartOffset(40);
		passage.setEndOffset(160);
		passage.addMatch(50, 56, new BytesRef("refund"), 3);
		// the same term as a slice of a larger array
		byte[] larger = "xxrefundyy".getBytes(StandardCharsets.UTF_8);
		passage.addMatch(90, 96, new BytesRef(larger, 2, 6), 3);
		Passage once = new Passage();
		once.setStartOffset(40);
		once.setEndOffset(160);
		once.addMatch(50, 56, new BytesRef("refund"), 3);
		once.addMatch(90, 96, new BytesRef("refund"), 3);
		PassageScores ours = new PassageScores();
		assertThat(ours.score(passage, 2_000)).isEqualTo(ours.score(once, 2_000))
			.isEqualTo(new PassageScorer().score(passage, 2_000));
	}

	/**
	 * 0-12 matches of a few terms, so that most passages repeat one; a term has one frequency in the call, as in a
	 * hit's matches.
	 */
	private static Passage passage(SplittableRandom random) {
		Passage passage = new Passage();
		int start = random.nextInt(10_000);
		int end = start + 1 + random.nextInt(400);
		passage.setStartOffset(start);
		passage.setEndOffset(end);
		int matches = random.nextInt(13);
		int offset = start;
		for (int m = 0; m < matches && offset < end; m++) {
			String term = TERMS[random.nextInt(TERMS.length)];
			int freq = 1 + Math.abs(term.hashCode() % 40);
			passage.addMatch(offset, Math.min(end, offset + term.length()), new BytesRef(term), freq);
			offset += 1 + random.nextInt(30);
		}
		return passage;
	}

}
