package io.callqa.transcription.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One real Vosk transcriber for every test class in this JVM: the model takes a while to load and is thread-safe.
 */
final class TestTranscriber {

	private static VoskTranscriber transcriber;

	private static SpeechModel model;

	private TestTranscriber() {
	}

	static synchronized VoskTranscriber get() {
		if (transcriber == null) {
			try {
				model = SpeechModel.load(null, Path.of("target/test-data/models"), 16000);
				transcriber = new VoskTranscriber(model);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return transcriber;
	}

	/** A transcriber with this many alternatives, on the same model. */
	static synchronized VoskTranscriber withAlternatives(int alternatives) {
		get();
		return new VoskTranscriber(model, alternatives);
	}

}
