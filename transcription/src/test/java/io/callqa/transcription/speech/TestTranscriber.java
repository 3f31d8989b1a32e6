package io.callqa.transcription.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One real Vosk transcriber for every test class in this JVM: the model takes a while to load and is thread-safe.
 */
final class TestTranscriber {

	private static VoskTranscriber transcriber;

	private TestTranscriber() {
	}

	static synchronized VoskTranscriber get() {
		if (transcriber == null) {
			try {
				transcriber = new VoskTranscriber(SpeechModel.load(null, Path.of("target/test-data/models"), 16000));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return transcriber;
	}

}
