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
 * The bar for our resampler: recognising 8 kHz telephone audio resampled by us stays within 0.3 word error
 * rate points of recognising the same audio resampled by sox (the reference, committed as a 16 kHz fixture).
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
	void transcribeWhenResampledByUsShouldMatchSoxWithinThreeTenthsOfAPoint() throws IOException {
		String reference = TestAudio.text("conversation.txt");
		double ours = WordErrorRate.of(reference, text("conversation-8k.wav"));
		double sox = WordErrorRate.of(reference, text("conversation-8k-sox16k.wav"));
		System.out.printf("WER resampled by us %.2f%%, by sox %.2f%%%n", ours * 100, sox * 100);
		assertThat(Math.abs(ours - sox) * 100).isLessThanOrEqualTo(0.3);
	}

	private static String text(String file) throws IOException {
		Recognition recognition = transcriber.transcribe(TestAudio.file(file), List.of());
		return new Transcript(1, recognition.audioSec(), recognition.utterances()).text();
	}

}
