package io.callqa.qaconsole;

import java.nio.file.Path;

/**
 * The audio fixtures committed in the transcription module (made by its {@code make-fixtures.sh}).
 */
public final class Fixtures {

	private Fixtures() {
	}

	public static Path audio(String name) {
		return Path.of("../transcription/src/test/resources/audio").resolve(name);
	}

}
