package io.callqa.transcription.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.callqa.transcription.TestAudio;

/**
 * One real Vosk transcriber for every test class in this JVM: the model takes a while to load and is thread-safe.
 */
final class TestTranscriber {

	private static final Map<String, Recognition> MONO = new ConcurrentHashMap<>();

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

	/**
	 * A fixture's mono recognition, decoded once per JVM: several test classes read the same file's words, and only
	 * the first to ask pays for the model.
	 */
	static Recognition mono(String fixture) throws IOException {
		Recognition done = MONO.get(fixture);
		if (done == null) {
			done = get().transcribe(TestAudio.file(fixture), List.of());
			MONO.put(fixture, done);
		}
		return done;
	}

	/** A transcriber with this many alternatives, on the same model. */
	static synchronized VoskTranscriber withAlternatives(int alternatives) {
		get();
		return new VoskTranscriber(model, alternatives);
	}

}
