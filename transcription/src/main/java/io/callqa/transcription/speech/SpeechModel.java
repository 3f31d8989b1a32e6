package io.callqa.transcription.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * A loaded Vosk model, shared by every recognizer in the process (Vosk's {@code Model} is thread-safe, its
 * {@code Recognizer} is not).
 */
public final class SpeechModel implements AutoCloseable {

	/** Where the build puts the bundled US-English model on the classpath. */
	static final String BUNDLED = "vosk-model/en-us/";

	private final Model model;

	private final Path directory;

	private final int sampleRate;

	private SpeechModel(Model model, Path directory, int sampleRate) {
		this.model = model;
		this.directory = directory;
		this.sampleRate = sampleRate;
	}

	/**
	 * Loads the configured model directory, or else the model bundled with the build (copied out of the jar into
	 * {@code cacheDir} the first time, since Vosk reads a directory).
	 */
	public static SpeechModel load(@Nullable Path configured, Path cacheDir, int sampleRate) throws IOException {
		Path directory = (configured != null) ? configured : bundled(cacheDir);
		if (!Files.isDirectory(directory.resolve("am")) && !Files.isRegularFile(directory.resolve("final.mdl"))) {
			throw new IOException("Not a Vosk model directory: " + directory.toAbsolutePath());
		}
		LibVosk.setLogLevel(LogLevel.WARNINGS);
		return new SpeechModel(new Model(directory.toAbsolutePath().toString()), directory, sampleRate);
	}

	Model model() {
		return this.model;
	}

	public int sampleRate() {
		return this.sampleRate;
	}

	/** A short name for what produced a transcript, e.g. {@code vosk:model-en-us}. */
	public String name() {
		return "vosk:" + this.directory.getFileName();
	}

	public Path directory() {
		return this.directory;
	}

	@Override
	public void close() {
		this.model.close();
	}

	static Path bundled(Path cacheDir) throws IOException {
		return bundled(cacheDir, SpeechModel.class.getClassLoader());
	}

	static Path bundled(Path cacheDir, ClassLoader classLoader) throws IOException {
		URL marker = classLoader.getResource(BUNDLED + "files.txt");
		if (marker == null) {
			throw new IOException("No speech model configured and none bundled: build with 'mvn package' or set "
					+ "callqa.transcription.vosk.model-path");
		}
		if ("file".equals(marker.getProtocol())) {
			return toPath(marker).getParent();
		}
		return new BundledModel(classLoader).extract(cacheDir);
	}

	private static Path toPath(URL url) {
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new UncheckedIOException(new IOException("Bad model location " + url, ex));
		}
	}

}
