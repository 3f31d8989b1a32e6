package io.callqa.transcription.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
		URL marker = SpeechModel.class.getClassLoader().getResource(BUNDLED + "files.txt");
		if (marker == null) {
			throw new IOException("No speech model configured and none bundled: build with 'mvn package' or set "
					+ "callqa.transcription.vosk.model-path");
		}
		if ("file".equals(marker.getProtocol())) {
			return toPath(marker).getParent();
		}
		return extract(marker, cacheDir);
	}

	private static Path extract(URL marker, Path cacheDir) throws IOException {
		String uuid = resource(BUNDLED + "uuid").trim();
		Path target = cacheDir.resolve("en-us-" + uuid);
		if (Files.isRegularFile(target.resolve("files.txt"))) {
			return target;
		}
		Path partial = Files.createDirectories(cacheDir).resolve("en-us-" + uuid + ".partial");
		for (String file : resource(BUNDLED + "files.txt").split("\\R")) {
			if (!file.isBlank()) {
				copy(BUNDLED + file.trim(), partial.resolve(file.trim()));
			}
		}
		copy(BUNDLED + "files.txt", partial.resolve("files.txt"));
		// Renamed only when complete, so an interrupted copy is never mistaken for a model.
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		return target;
	}

	private static void copy(String resource, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		try (InputStream in = open(resource)) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = open(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static InputStream open(String name) throws IOException {
		InputStream in = SpeechModel.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IOException("Bundled speech model is incomplete, missing " + name);
		}
		return in;
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
