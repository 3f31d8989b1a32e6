package io.callqa.transcription.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The speech model the build puts inside the jar, copied out to a directory once (Vosk reads a directory), listed by
 * its {@code files.txt} since a jar cannot be listed portably. The copy is named after the model's uuid, so a new
 * model gets a new directory.
 */
final class BundledModel {

	private final ClassLoader classLoader;

	BundledModel(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	Path extract(Path cacheDir) throws IOException {
		String uuid = resource("uuid").trim();
		Path target = cacheDir.resolve("en-us-" + uuid);
		if (Files.isRegularFile(target.resolve("files.txt"))) {
			return target;
		}
		// A folder of this copy's own: two servers (or test JVMs) starting at once on an empty cache each copy into
		// their own and the first rename wins.
		Path partial = Files.createTempDirectory(Files.createDirectories(cacheDir), "en-us-" + uuid + ".partial-");
		try {
			for (String file : resource("files.txt").split("\\R")) {
				if (!file.isBlank()) {
					copy(file.trim(), partial.resolve(file.trim()));
				}
			}
			copy("files.txt", partial.resolve("files.txt"));
			// Renamed only when complete, so an interrupted copy is never mistaken for a model.
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			if (!Files.isRegularFile(target.resolve("files.txt"))) {
				deleteQuietly(partial);
				throw ex;
			}
			// Another process finished first: its copy is as good as ours.
		}
		deleteQuietly(partial);
		return target;
	}

	private static void deleteQuietly(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A leftover folder costs disk space only; the model is in place.
		}
	}

	private void copy(String name, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		try (InputStream in = open(name)) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private String resource(String name) throws IOException {
		try (InputStream in = open(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private InputStream open(String name) throws IOException {
		InputStream in = this.classLoader.getResourceAsStream(SpeechModel.BUNDLED + name);
		if (in == null) {
			throw new IOException("The bundled speech model is incomplete: " + SpeechModel.BUNDLED + name + " is missing");
		}
		return in;
	}

}
