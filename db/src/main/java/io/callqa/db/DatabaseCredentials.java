package io.callqa.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The passwords of the embedded database, generated on first start and kept in the data directory, readable by its
 * owner only. The file is also a Spring properties file: a worker process on the same host imports it with
 * {@code --spring.config.import=file:data/postgres/callqa-credentials.properties}.
 *
 * @param applicationPassword the password of {@value EmbeddedDatabase#APPLICATION_ROLE}, the role the application
 * (and its workers) log in as
 * @param superuserPassword the password of {@value EmbeddedDatabase#SUPERUSER}, for maintenance only
 */
record DatabaseCredentials(String applicationPassword, String superuserPassword) {

	static final String FILE_NAME = "callqa-credentials.properties";

	private static final SecureRandom random = new SecureRandom();

	static DatabaseCredentials generate() {
		return new DatabaseCredentials(randomPassword(), randomPassword());
	}

	static boolean existIn(Path dataDir) {
		return Files.isRegularFile(dataDir.resolve(FILE_NAME));
	}

	static DatabaseCredentials readFrom(Path dataDir) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(dataDir.resolve(FILE_NAME))) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the database passwords from " + dataDir.resolve(FILE_NAME), ex);
		}
		return new DatabaseCredentials(properties.getProperty("spring.datasource.password"),
				properties.getProperty("postgres.password"));
	}

	/** Writes the file atomically, owner-only from its first byte. */
	void writeTo(Path dataDir) throws IOException {
		Path temporary = dataDir.resolve(FILE_NAME + ".new");
		Files.deleteIfExists(temporary);
		Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try (Writer writer = Files.newBufferedWriter(temporary)) {
			writer.write("""
					# The embedded PostgreSQL's passwords, generated on its first start. Keep this file private (0600).
					# Workers on this host: --spring.config.import=file:<this file> plus the server's spring.datasource.url.
					spring.datasource.username=%s
					spring.datasource.password=%s
					# The superuser, for maintenance with psql only (see README, "Database").
					postgres.username=%s
					postgres.password=%s
					""".formatted(EmbeddedDatabase.APPLICATION_ROLE, this.applicationPassword, EmbeddedDatabase.SUPERUSER,
					this.superuserPassword));
		}
		Files.move(temporary, dataDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	/** 144 random bits in URL-safe Base64: no character that needs quoting in SQL, properties or a shell. */
	private static String randomPassword() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "DatabaseCredentials[hidden]";
	}

}
