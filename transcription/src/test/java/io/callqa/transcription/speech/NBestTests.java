package io.callqa.transcription.speech;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.callqa.transcription.Word;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Vosk's n-best words are read and attached to the 1-best words by time.
 */
class NBestTests {

	/** A result of a recognizer with {@code setMaxAlternatives(3)} and words, as Vosk 0.3.45 writes it. */
	static final String RESULT = """
			{"alternatives" : [{
			    "confidence" : 254.19,
			    "result" : [{"end" : 0.69, "start" : 0.30, "word" : "repair"},
			        {"end" : 1.10, "start" : 0.72, "word" : "leading"}],
			    "text" : "repair leading"
			  }, {
			    "confidence" : 254.01,
			    "result" : [{"end" : 0.69, "start" : 0.30, "word" : "reset"},
			        {"end" : 1.10, "start" : 0.72, "word" : "link"}],
			    "text" : "reset link"
			  }, {
			    "confidence" : 253.92,
			    "result" : [{"end" : 0.45, "start" : 0.30, "word" : "we"},
			        {"end" : 0.69, "start" : 0.45, "word" : "set"},
			        {"end" : 1.10, "start" : 0.72, "word" : "[unk]"}],
			    "text" : "we set [unk]"
			  }]}""";

	@Test
	void wordsShouldBeReadWithTheirAlternativesRank() {
		assertThat(NBest.words(RESULT)).containsExactly(new NBest.Heard("repair", 0.30, 0.69, 0),
				new NBest.Heard("leading", 0.72, 1.10, 0), new NBest.Heard("reset", 0.30, 0.69, 1),
				new NBest.Heard("link", 0.72, 1.10, 1), new NBest.Heard("we", 0.30, 0.45, 2),
				new NBest.Heard("set", 0.45, 0.69, 2), new NBest.Heard("[unk]", 0.72, 1.10, 2));
	}

	@Test
	void alignedShouldAttachOtherWordsOverlappingHalfTheShorterBestRankFirst() {
		List<Word> best = List.of(new Word("repair", 0.30, 0.69, 0.62), new Word("leading", 0.72, 1.10, 0.4));
		List<Word> aligned = NBest.aligned(best, NBest.words(RESULT));
		// "we" (0.30-0.45) lies wholly inside "repair", as does "set"; the unknown-word marker is not a word
		assertThat(aligned).extracting(Word::alternatives)
			.containsExactly(List.of("reset", "we", "set"), List.of("link"));
		// the word itself, its times and confidence are kept
		assertThat(aligned).extracting(Word::word, Word::start, Word::end, Word::conf)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("repair", 0.30, 0.69, 0.62),
					org.assertj.core.groups.Tuple.tuple("leading", 0.72, 1.10, 0.4));
	}

	@Test
	void alignedShouldLeaveOutWordsThatBarelyOverlapAndKeepAtMostFour() {
		Word best = new Word("account", 1.0, 2.0, 0.9);
		List<NBest.Heard> heard = List.of(new NBest.Heard("a", 0.5, 1.05, 1), // 0.05 s of its 0.55 s
				new NBest.Heard("count", 1.2, 2.0, 1), new NBest.Heard("accounts", 1.0, 2.0, 2),
				new NBest.Heard("count", 1.2, 2.0, 3), new NBest.Heard("counter", 1.3, 2.1, 3),
				new NBest.Heard("mount", 1.2, 2.0, 4), new NBest.Heard("amount", 1.0, 2.0, 4),
				new NBest.Heard("after", 2.0, 2.5, 1));
		assertThat(NBest.aligned(List.of(best), heard).get(0).alternatives())
			.containsExactly("count", "accounts", "counter", "mount");
	}

	@Test
	void wordWithoutAlternativesShouldStayAsItWas() {
		Word best = new Word("hello", 0.0, 0.4, 1.0);
		assertThat(NBest.aligned(List.of(best), List.of(new NBest.Heard("hello", 0.0, 0.4, 1))))
			.containsExactly(best);
		assertThat(new Word("hello", 0.0, 0.4, 1.0).alternatives()).isEmpty();
	}

}
