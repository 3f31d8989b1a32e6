package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index holds what customers said: its directory is the service user's alone (0700), so no file below it can be
 * read by anyone else whatever mode Lucene creates it with. A missing directory (and its missing parents) is created
 * so; an existing one loses the group's and others' permissions. Nothing happens on a file system without POSIX
 * permissions.
 */
final class PrivateDirectory {

	private static final Logger log = LoggerFactory.getLogger(PrivateDirectory.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private PrivateDirectory() {
	}

	static void ensure(Path dir) throws IOException {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createDirectories(dir);
			return;
		}
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			return;
		}
		Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
		if (permissions.retainAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_EXECUTE))) {
			Files.setPosixFilePermissions(dir, permissions);
			log.info("Search index directory {} made private (mode 0700)", dir.toAbsolutePath());
		}
	}

}
