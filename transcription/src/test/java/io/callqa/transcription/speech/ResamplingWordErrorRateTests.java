package io.callqa.transcription.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.callqa.transcription.TestAudio;
import io.callqa.transcription.Transcript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bar for our resampler: recognising audio resampled by us stays within 0.3 word error rate points of
 * recognising the same audio resampled by sox, the reference (committed as 16 kHz fixtures, which the recogniser
 * takes as they are). The signal-level comparison with sox is in {@code ResamplerTests}.
 */
class ResamplingWordErrorRateTests {

	static SpeechModel model;

	static VoskTranscriber transcriber;

	@BeforeAll
	static void loadModel() throws IOException {
		model = SpeechModel.load(null, Path.of("target/test-data/models"), 16000);
		transcriber = new VoskTranscriber(model);
	}

	@AfterAll
	static void closeModel() {
		model.close();
	}

	@Test
	void transcribeWhenResampledByUsShouldBeWithinThreeTenthsOfAPointOfSox() throws IOException {
		// Telephone audio up (8 kHz) and studio rates down (48 kHz), against sox's 16 kHz of the same content.
		String reference = TestAudio.text("conversation.txt") + " " + TestAudio.text("refund.txt");
		double ours = WordErrorRate.of(reference, text("conversation-8k.wav") + " " + text("refund-8k.wav"));
		double oursDown = WordErrorRate.of(reference, text("conversation-48k.wav") + " " + text("refund-8k.wav"));
		double sox = WordErrorRate.of(reference, text("conversation-8k-sox16k.wav") + " " + text("refund-8k-sox16k.wav"));
		System.out.printf("WER resampled by us from 8 kHz %.2f%%, from 48 kHz %.2f%%, by sox %.2f%%%n", ours * 100,
				oursDown * 100, sox * 100);
		assertThat((ours - sox) * 100).isLessThanOrEqualTo(0.3);
		assertThat((oursDown - sox) * 100).isLessThanOrEqualTo(0.3);
	}

	private static String text(String file) throws IOException {
		Recognition recognition = transcriber.transcribe(TestAudio.file(file), List.of());
		return new Transcript(1, recognition.audioSec(), recognition.utterances()).text();
	}

}
