package io.callqa.qaconsole.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.OwnDataDirectoryTests;
import io.callqa.transcription.Eventually;

/**
 * What the server leaves on disk is its own user's alone, whatever the process's umask: a data directory it creates
 * (embedded PostgreSQL, recordings, index below it) is 0700, the recording store's directories 0700 and its files
 * 0600, the index directory 0700. A fresh data directory per run, a real upload and a real index.
 */
class DataAtRestIntegrationTests extends OwnDataDirectoryTests {

	private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	@LocalServerPort
	int port;

	@Test
	void recordingsIndexAndDatabaseAreReadableByTheServiceUserOnly() throws IOException {
		Path data = DATA;
		Http admin = new Http(this.port);
		HttpResponse<String> upload = admin.upload("/api/recordings", Fixtures.audio("tiny-8k.wav"), Map.of());
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
		Path index = data.resolve("index");
		Eventually.await("index files on disk", Duration.ofSeconds(60), () -> count(index), (files) -> files > 0);

		assertThat(mode(data)).isEqualTo("rwx------");
		assertThat(mode(data.resolve("postgres"))).isEqualTo("rwx------");
		assertThat(mode(index)).isEqualTo("rwx------");
		Path recordings = data.resolve("recordings");
		List<Path> stored = walk(recordings);
		// Other tests of this context store recordings here too: every one of them, and this upload's, is private.
		assertThat(stored).filteredOn(Files::isRegularFile).isNotEmpty();
		for (Path path : stored) {
			assertThat(mode(path)).as(path.toString()).isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
		}
		// Everything under the index and the database is behind a 0700 directory: no one else gets past it.
		assertThat(Stream.concat(walk(index).stream(), walk(data.resolve("postgres")).stream())
			.filter((path) -> !behindPrivateDirectory(path, data))).isEmpty();
	}

	/** Every path under {@code dir}, walked again when a file vanishes under the walk (an index commit, a vacuum). */
	private static List<Path> walk(Path dir) throws IOException {
		for (int attempt = 1;; attempt++) {
			try (Stream<Path> all = Files.walk(dir)) {
				return all.filter(Files::exists).toList();
			}
			catch (UncheckedIOException | NoSuchFileException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	/** True if the path or a directory between it and {@code data} (inclusive) lets no group or other in. */
	private static boolean behindPrivateDirectory(Path path, Path data) {
		for (Path at = path; at != null && at.startsWith(data); at = at.getParent()) {
			try {
				if (Files.isDirectory(at)
						&& Files.getPosixFilePermissions(at).stream().noneMatch(GROUP_OR_OTHERS::contains)) {
					return true;
				}
			}
			catch (IOException ex) {
				return false;
			}
		}
		return false;
	}

	private static long count(Path dir) {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
