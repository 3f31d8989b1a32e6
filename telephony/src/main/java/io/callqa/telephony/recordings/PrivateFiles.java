package io.callqa.telephony.recordings;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Recordings are customers' data: directories are created 0700 and files 0600, readable by the service's user only,
 * whatever the process's umask. On a file system without POSIX permissions (Windows) the defaults apply.
 */
final class PrivateFiles {

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private PrivateFiles() {
	}

	/** Creates the directory and any missing parents 0700. Existing ones are left as they are. */
	static Path createDirectories(Path dir) throws IOException {
		Path absolute = dir.toAbsolutePath();
		if (Files.isDirectory(absolute)) {
			return dir;
		}
		Path parent = absolute.getParent();
		if (parent != null) {
			createDirectories(parent);
		}
		try {
			Files.createDirectory(absolute, attributes(DIRECTORY));
			makePrivate(absolute, DIRECTORY);
		}
		catch (FileAlreadyExistsException ex) {
			// Created meanwhile by another thread or process.
		}
		return dir;
	}

	/** A new empty file, 0600. */
	static Path createFile(Path file) throws IOException {
		Files.createFile(file, attributes(FILE));
		return file;
	}

	/** A new empty temporary file in {@code dir}, 0600. */
	static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
		return Files.createTempFile(dir, prefix, suffix, attributes(FILE));
	}

	/** Sets 0600 (a copy takes the original's mode). */
	static void makePrivate(Path file) throws IOException {
		makePrivate(file, FILE);
	}

	/** Takes the group's and others' permissions off a directory; true if it had any. */
	static boolean closeDirectory(Path dir) throws IOException {
		if (!POSIX) {
			return false;
		}
		Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
		if (!permissions.removeIf((permission) -> !OWNER.contains(permission))) {
			return false;
		}
		Files.setPosixFilePermissions(dir, permissions);
		return true;
	}

	private static void makePrivate(Path path, Set<PosixFilePermission> permissions) throws IOException {
		if (POSIX) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
		return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
	}

}
