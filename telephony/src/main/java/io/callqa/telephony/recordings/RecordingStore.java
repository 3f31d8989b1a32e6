package io.callqa.telephony.recordings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Keeps recording files on disk, one directory per day; names are generated so an uploaded name can never escape the
 * directory.
 */
@Component
class RecordingStore {

	private final Path root;

	RecordingStore(RecordingProperties properties) {
		this.root = properties.dir().toAbsolutePath().normalize();
	}

	/** Streams the audio to a new file and returns its path relative to the store. */
	Path store(InputStream audio, String fileName) throws IOException {
		Path relative = Path.of(LocalDate.now().toString(), UUID.randomUUID() + extension(fileName));
		Path target = resolve(relative);
		Files.createDirectories(target.getParent());
		Files.copy(audio, target);
		return relative;
	}

	Path resolve(Path relative) {
		Path path = this.root.resolve(relative).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("Recording path outside the store: " + relative);
		}
		return path;
	}

	void deleteQuietly(Path relative) {
		try {
			Files.deleteIfExists(resolve(relative));
		}
		catch (IOException ex) {
			// Nothing refers to it: the upload's transaction rolled back.
		}
	}

	private static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		String ext = (dot < 0) ? "" : fileName.substring(dot).toLowerCase();
		return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".bin";
	}

}
