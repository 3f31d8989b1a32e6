package io.callqa.transcription.speech;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.callqa.transcription.TestAudio;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link VoskTranscriber} with n-best alternatives, on real audio with the real model: the transcript stays what it
 * is without them, and its words carry what the recognizer almost heard.
 */
class VoskAlternativesTests {

	@Test
	void transcribeWithAlternativesShouldKeepTheTranscriptAndAttachWhatWasAlmostHeard() throws IOException {
		List<String> channels = List.of("agent", "customer");
		Recognition plain = TestTranscriber.get().transcribe(TestAudio.file("conversation-stereo-8k.wav"), channels);
		Recognition heard = TestTranscriber.withAlternatives(5)
			.transcribe(TestAudio.file("conversation-stereo-8k.wav"), channels);
		// the same utterances and words, times and per-word confidence as without alternatives
		assertThat(withoutAlternatives(heard.utterances())).isEqualTo(plain.utterances());
		List<Word> words = heard.utterances().stream().flatMap((u) -> u.words().stream()).toList();
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

	private static List<Utterance> withoutAlternatives(List<Utterance> utterances) {
		return utterances.stream()
			.map((u) -> new Utterance(u.speaker(), u.start(), u.end(), u.text(),
					u.words().stream().map((w) -> w.withAlternatives(List.of())).toList()))
			.toList();
	}

}
