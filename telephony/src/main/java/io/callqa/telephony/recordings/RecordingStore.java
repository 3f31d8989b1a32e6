package io.callqa.telephony.recordings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps recording files on disk, one directory per day; names are generated so an uploaded name can never escape the
 * directory. Directories are 0700 and files 0600: only the service's user reads them.
 */
@Component
class RecordingStore {

	private static final Logger logger = LoggerFactory.getLogger(RecordingStore.class);

	private final Path root;

	RecordingStore(RecordingProperties properties) throws IOException {
		this.root = properties.dir().toAbsolutePath().normalize();
		if (Files.isDirectory(this.root) && PrivateFiles.closeDirectory(this.root)) {
			// A store from before files were private: closing its root keeps everyone else out of all below.
			logger.info("Recording store {} made private (mode 0700)", this.root);
		}
	}

	/** Streams the audio to a new private file (0600, in 0700 directories) and returns its path in the store. */
	Path store(InputStream audio, String fileName) throws IOException {
		Path relative = Path.of(LocalDate.now().toString(), UUID.randomUUID() + extension(fileName));
		Path target = resolve(relative);
		PrivateFiles.createDirectories(target.getParent());
		PrivateFiles.createFile(target);
		try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
			audio.transferTo(out);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(target);
			throw ex;
		}
		return relative;
	}

	/**
	 * A private (0600) temporary file inside the store, for audio on its way in (a per-party pair being merged):
	 * unredacted audio never lands outside the store's directory (which may be the only encrypted one).
	 */
	Path createTempFile(String prefix, String suffix) throws IOException {
		PrivateFiles.createDirectories(this.root);
		return PrivateFiles.createTempFile(this.root, prefix, suffix);
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
