package io.callqa.transcription.speech;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.callqa.transcription.TestAudio;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.audio.AudioFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link VoskTranscriber}, with the real US-English model bundled by the build.
 */
class VoskTranscriberTests {

	private final VoskTranscriber transcriber = TestTranscriber.get();

	@ParameterizedTest
	@ValueSource(strings = { "conversation-8k.wav", "conversation-ulaw-8k.wav", "conversation-alaw-8k.wav",
			"conversation-16k.wav", "conversation-22k.wav", "conversation-44k.wav", "conversation-48k.wav" })
	void transcribeWhenAnySupportedFormatShouldRecogniseTheConversation(String file) throws IOException {
		// Decoded once per JVM: the word timing test below reads the same 8 kHz conversation.
		Recognition recognition = TestTranscriber.mono(file);
		String text = new Transcript(1, recognition.audioSec(), recognition.utterances()).text();
		// Synthetic (espeak-ng) telephone speech on the small model: about 30-45 % WER, key words recognised.
		assertThat(WordErrorRate.of(TestAudio.text("conversation.txt"), text)).as(text).isLessThan(0.5);
		assertThat(text).contains("support", "order", "sorry");
		assertThat(recognition.utterances()).extracting(Utterance::speaker).containsOnly("mixed");
	}

	@Test
	void transcribeWhenStereoShouldLabelEachChannelWithItsSpeaker() throws IOException {
		Recognition recognition = this.transcriber.transcribe(TestAudio.file("conversation-stereo-8k.wav"),
				List.of("agent", "customer"));
		String agent = said(recognition, "agent");
		String customer = said(recognition, "customer");
		assertThat(WordErrorRate.of(line("agent"), agent)).as(agent).isLessThan(0.5);
		assertThat(WordErrorRate.of(line("customer"), customer)).as(customer).isLessThan(0.5);
		assertThat(agent).contains("support", "sorry").doesNotContain("order");
		assertThat(customer).contains("order").doesNotContain("support", "sorry");
	}

	@Test
	void transcribeShouldTimeWordsInOrderWithinTheRecording() throws IOException {
		Recognition recognition = TestTranscriber.mono("conversation-8k.wav");
		List<Word> words = recognition.utterances().stream().flatMap((u) -> u.words().stream()).toList();
		assertThat(words).isNotEmpty();
		for (int i = 1; i < words.size(); i++) {
			assertThat(words.get(i).start()).isGreaterThanOrEqualTo(words.get(i - 1).start());
		}
		assertThat(words.get(words.size() - 1).end()).isLessThanOrEqualTo(recognition.audioSec() + 0.01);
		assertThat(words).allSatisfy((w) -> assertThat(w.conf()).isBetween(0.0, 1.0));
	}

	@Test
	void transcribeWhenSilenceShouldReturnNoUtterances() throws IOException {
		Recognition recognition = this.transcriber.transcribe(TestAudio.file("silence-8k.wav"), List.of());
		assertThat(recognition.utterances()).isEmpty();
		assertThat(recognition.audioSec()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.05));
	}

	@Test
	void transcribeWhenVeryShortShouldSucceed() throws IOException {
		assertThat(this.transcriber.transcribe(TestAudio.file("tiny-8k.wav"), List.of()).audioSec()).isLessThan(0.3);
	}

	@Test
	void transcribeWhenMp3ShouldSayWhatIsSupported() {
		assertThatExceptionOfType(AudioFormatException.class)
			.isThrownBy(() -> this.transcriber.transcribe(TestAudio.file("song.mp3"), List.of()))
			.withMessageContaining("MP3");
	}

	private static String said(Recognition recognition, String speaker) {
		List<Utterance> own = recognition.utterances().stream().filter((u) -> u.speaker().equals(speaker)).toList();
		return new Transcript(1, recognition.audioSec(), own).text();
	}

	private static String line(String speaker) {
		return TestAudio.text("conversation-stereo.txt")
			.lines()
			.filter((l) -> l.startsWith(speaker + ":"))
			.map((l) -> l.substring(speaker.length() + 1))
			.reduce("", (a, b) -> a + " " + b);
	}

}
