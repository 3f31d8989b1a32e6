package io.callqa.transcription;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed audio fixtures (made by {@code src/test/resources/audio/make-fixtures.sh}) and their texts.
 */
public final class TestAudio {

	private static final Path DIR = Path.of("src/test/resources/audio");

	private TestAudio() {
	}

	public static Path file(String name) {
		return DIR.resolve(name);
	}

	public static String text(String name) {
		try {
			return Files.readString(DIR.resolve(name)).trim();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
