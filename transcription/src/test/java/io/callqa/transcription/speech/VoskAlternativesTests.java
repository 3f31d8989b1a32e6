package io.callqa.transcription.speech;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.callqa.transcription.TestAudio;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Word;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link VoskTranscriber} with n-best alternatives, on real audio with the real model: the transcript stays what it
 * is without them, and its words carry what the recognizer almost heard.
 */
class VoskAlternativesTests {

	/**
	 * Vosk is not bit-for-bit repeatable (two runs of the same recognizer on the same audio may differ in a word and
	 * in the confidences' second decimal), so the transcript is compared as text, by word error rate.
	 */
	@Test
	void transcribeWithAlternativesShouldKeepTheTranscriptAndAttachWhatWasAlmostHeard() throws IOException {
		Recognition plain = TestTranscriber.mono("conversation-8k.wav");
		Recognition heard = TestTranscriber.withAlternatives(5).transcribe(TestAudio.file("conversation-8k.wav"),
				List.of());
		String plainText = new Transcript(1, plain.audioSec(), plain.utterances()).text();
		String heardText = new Transcript(1, heard.audioSec(), heard.utterances()).text();
		assertThat(WordErrorRate.of(plainText, heardText)).as("%s%n%s", plainText, heardText).isLessThan(0.1);
		List<Word> words = heard.utterances().stream().flatMap((u) -> u.words().stream()).toList();
		// per-word confidence as without alternatives: an n-best result has none
		assertThat(words).allSatisfy((w) -> assertThat(w.conf()).isBetween(0.0, 1.0));
		assertThat(words).anySatisfy((w) -> assertThat(w.conf()).isStrictlyBetween(0.0, 1.0));
		List<Word> withAlternatives = words.stream().filter((w) -> !w.alternatives().isEmpty()).toList();
		assertThat(withAlternatives).as("words with alternatives among %s", words).isNotEmpty();
		assertThat(withAlternatives).allSatisfy((word) -> {
			assertThat(word.alternatives()).doesNotContain(word.word()).hasSizeLessThanOrEqualTo(NBest.MAX_PER_WORD);
			assertThat(word.alternatives()).allMatch((alternative) -> alternative.matches("[a-z][a-z']*"));
		});
	}

	@Test
	void transcriberShouldRefuseANegativeNumberOfAlternatives() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestTranscriber.withAlternatives(-1))
			.withMessageContaining("alternatives must be 0 (none) or more, was -1");
	}

}
