package io.callqa.db;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server of our own, on a data directory of our own: durable unless told otherwise, reachable only over
 * loopback with a password, used by an application role that is not a superuser, stopped when its owner closes it
 * (after the connection pool) and, when the JVM dies without closing it, by a watchdog process.
 *
 * <p>
 * A data directory initialised before these rules (zonky's {@code trust} and the {@code postgres} superuser, the data
 * in the {@code postgres} database) is brought under them on start: passwords set, {@code pg_hba.conf} rewritten, the
 * database renamed to {@value #DATABASE} and handed to {@value #APPLICATION_ROLE}.
 */
final class EmbeddedDatabase implements AutoCloseable {

	static final String SUPERUSER = "postgres";

	static final String APPLICATION_ROLE = "callqa";

	static final String DATABASE = "callqa";

	static final String HBA = """
			# Written by callqa on every start of its embedded PostgreSQL: SCRAM password logins over loopback TCP
			# only (no Unix socket). The passwords are in callqa-credentials.properties in this directory.
			host    all    all    127.0.0.1/32    scram-sha-256
			""";

	private static final String LOCK_FILE = "callqa.lock";

	/**
	 * Gives the role {@code %1$s} every table, view, sequence and routine of the schema public: tables first (their
	 * sequences follow them), then what is left; a no-op once everything is owned.
	 */
	private static final String OWN_PUBLIC_OBJECTS = """
			do $$
			declare
			    object record;
			begin
			    for object in select c.oid::regclass as name, c.relkind from pg_class c
			            where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
			            and c.relowner <> '%1$s'::regrole loop
			        execute format('alter %%s %%s owner to %1$s', case object.relkind when 'v' then 'view'
			            when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end,
			            object.name);
			    end loop;
			    for object in select c.oid::regclass as name from pg_class c
			            where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
			            and c.relowner <> '%1$s'::regrole loop
			        execute format('alter sequence %%s owner to %1$s', object.name);
			    end loop;
			    for object in select p.oid::regprocedure as name from pg_proc p
			            where p.pronamespace = 'public'::regnamespace and p.proowner <> '%1$s'::regrole loop
			        execute format('alter routine %%s owner to %1$s', object.name);
			    end loop;
			end
			$$""";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final PostgresBinaries binaries;

	private final Path dataDir;

	private final boolean temporary;

	private final FileLock lock;

	private int port;

	private @Nullable DatabaseCredentials credentials;

	private @Nullable Process watchdog;

	private boolean running;

	private EmbeddedDatabase(PostgresBinaries binaries, Path dataDir, boolean temporary, FileLock lock) {
		this.binaries = binaries;
		this.dataDir = dataDir;
		this.temporary = temporary;
		this.lock = lock;
	}

	static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) throws IOException {
		PostgresBinaries binaries = PostgresBinaries.unpack();
		boolean temporary = properties.dataDir() == null;
		@Nullable Path wanted = temporary ? null : properties.dataDir().toAbsolutePath().normalize();
		if (properties.port() != 0 && (wanted == null || !Files.exists(wanted.resolve("PG_VERSION")))) {
			// A new cluster: no postmaster of its directory can hold the port, so a taken port fails before anything
			// is created rather than after initdb has written a cluster that will not start.
			requireFreePort(properties.port(), (wanted != null) ? wanted.toString() : "a temporary one");
		}
		Path dataDir = (wanted == null) ? Files.createTempDirectory("callqa-pg")
				// Private (0700), and so is every parent it creates: the data directory holds recordings and transcripts.
				: Files.createDirectories(wanted,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		DatabaseCredentials fresh = initdbIfNew(binaries, dataDir, temporary, properties.durable());
		EmbeddedDatabase database = new EmbeddedDatabase(binaries, dataDir, temporary, lock(dataDir));
		try {
			database.bringUp(fresh, properties);
			return database;
		}
		catch (IOException | RuntimeException ex) {
			try {
				database.close();
			}
			catch (IOException | RuntimeException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	/**
	 * A cluster in a data directory that has none, with fresh credentials (returned; null for an existing cluster). A
	 * temporary directory is removed if that fails.
	 */
	private static @Nullable DatabaseCredentials initdbIfNew(PostgresBinaries binaries, Path dataDir, boolean temporary,
			boolean durable) throws IOException {
		if (Files.exists(dataDir.resolve("PG_VERSION"))) {
			return null;
		}
		DatabaseCredentials fresh = DatabaseCredentials.generate();
		try {
			initdb(binaries, dataDir, fresh, durable);
		}
		catch (IOException | RuntimeException ex) {
			if (temporary) {
				FileSystemUtils.deleteRecursively(dataDir);
			}
			throw ex;
		}
		return fresh;
	}

	private void bringUp(@Nullable DatabaseCredentials fresh, EmbeddedDatabaseProperties properties) throws IOException {
		stopStalePostmaster();
		secure(fresh);
		startPostmaster(properties);
		provision();
		startWatchdog();
	}

	/** One process per data directory: a second one (another server on the same directory) is refused here. */
	private static FileLock lock(Path dataDir) throws IOException {
		FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null || usedByAnEarlierVersion(dataDir)) {
			if (lock != null) {
				lock.release();
			}
			channel.close();
			throw new IllegalStateException("The embedded database's data directory " + dataDir
					+ " is in use by another running callqa process; stop it, or give this one its own "
					+ "callqa.db.embedded.data-dir");
		}
		return lock;
	}

	/** A server of an earlier version (zonky's lifecycle, its "epg-lock") still running on the directory. */
	private static boolean usedByAnEarlierVersion(Path dataDir) throws IOException {
		Path zonkyLock = dataDir.resolve("epg-lock");
		if (!Files.exists(zonkyLock)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(zonkyLock, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
	}

	private static void initdb(PostgresBinaries binaries, Path dataDir, DatabaseCredentials credentials,
			boolean durable) throws IOException {
		Path passwordFile = Files.createTempFile("callqa-pg", ".pw",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			Files.writeString(passwordFile, credentials.superuserPassword() + "\n");
			List<String> command = binaries.command("initdb", "-D", dataDir.toString(), "-U", SUPERUSER, "-E",
					"UTF-8", "--auth=scram-sha-256", "--pwfile=" + passwordFile);
			if (!durable) {
				command.add("--no-sync");
			}
			run(command, null, "initdb");
		}
		finally {
			Files.deleteIfExists(passwordFile);
		}
		// Written only now: initdb wants an empty directory. A crash before this line is repaired by secure().
		credentials.writeTo(dataDir);
		log.info("Initialised the embedded database in {}", dataDir);
	}

	/**
	 * A postmaster of our data directory still running (its JVM was killed along with the watchdog) is stopped cleanly
	 * rather than reused: nothing may talk to a server whose settings and owner we did not choose.
	 */
	private void stopStalePostmaster() throws IOException {
		Optional<ProcessHandle> stale = postmasterOf(this.dataDir);
		if (stale.isEmpty()) {
			return;
		}
		log.warn("A PostgreSQL (pid {}) left running by an earlier process still serves {}: stopping it", stale.get()
			.pid(), this.dataDir);
		run(this.binaries.command("pg_ctl", "-D", this.dataDir.toString(), "stop", "-m", "fast", "-w", "-t", "120"),
				null, "pg_ctl");
		// pg_ctl returns once the lock file is gone; the process itself ends a moment later.
		try {
			stale.get().onExit().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The PostgreSQL left running (pid " + stale.get().pid() + ") did not exit",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	/** The live postmaster named in a data directory's {@code postmaster.pid}, if it is a postgres process. */
	static Optional<ProcessHandle> postmasterOf(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
			return Optional.empty();
		}
		// After a reboot the pid may belong to anything: only a postgres process is ours to stop.
		return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((command) -> command.endsWith("/postgres")).orElse(false));
	}

	/**
	 * Makes sure logins need a password: on a directory initialised with {@code trust} (before this class) or whose
	 * password file is gone, generates passwords and sets the superuser's in single-user mode, with no network at all.
	 */
	private void secure(@Nullable DatabaseCredentials fresh) throws IOException {
		Path hba = this.dataDir.resolve("pg_hba.conf");
		if (fresh != null) {
			this.credentials = fresh;
		}
		else if (HBA.equals(Files.readString(hba)) && DatabaseCredentials.existIn(this.dataDir)) {
			this.credentials = DatabaseCredentials.readFrom(this.dataDir);
		}
		else {
			log.info("Securing the embedded database in {}: passwords in {}, password logins only", this.dataDir,
					DatabaseCredentials.FILE_NAME);
			this.credentials = DatabaseCredentials.existIn(this.dataDir) ? DatabaseCredentials.readFrom(this.dataDir)
					: DatabaseCredentials.generate();
			this.credentials.writeTo(this.dataDir);
			String sql = "alter role " + SUPERUSER + " with password '" + this.credentials.superuserPassword() + "'\n";
			run(this.binaries.command("postgres", "--single", "-D", this.dataDir.toString(), "-c",
					"password_encryption=scram-sha-256", "postgres"), sql, "postgres --single");
		}
		Files.writeString(hba, HBA);
	}

	private void startPostmaster(EmbeddedDatabaseProperties properties) throws IOException {
		int attempts = (properties.port() != 0) ? 1 : 3;
		for (int attempt = 1;; attempt++) {
			this.port = (properties.port() != 0) ? requireFreePort(properties.port(), this.dataDir.toString())
					: freePort();
			try {
				// pg_ctl starts the postmaster in a session of its own (setsid) and returns once it accepts connections.
				run(this.binaries.command("pg_ctl", "-D", this.dataDir.toString(), "-o",
						serverOptions(this.port, properties.durable()), "-w", "-t", "300", "start"), null, "pg_ctl start");
				this.running = true;
				log.info("Embedded PostgreSQL at {} (data: {}{}{}; server log in {})", jdbcUrl(), this.dataDir,
						this.temporary ? ", temporary" : "", properties.durable() ? "" : ", NOT durable",
						this.dataDir.resolve("log"));
				return;
			}
			catch (IllegalStateException ex) {
				if (attempt >= attempts) {
					throw ex;
				}
				log.info("The embedded PostgreSQL did not start on port {} (taken meanwhile?); trying another",
						this.port);
			}
		}
	}

	private static String serverOptions(int port, boolean durable) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("port", Integer.toString(port));
		settings.put("listen_addresses", "127.0.0.1");
		settings.put("unix_socket_directories", "''");
		settings.put("password_encryption", "scram-sha-256");
		settings.put("timezone", "UTC");
		settings.put("max_connections", "300");
		// The server's own log, in the data directory: one file per weekday, so a week is kept.
		settings.put("logging_collector", "on");
		settings.put("log_directory", "log");
		settings.put("log_filename", "postgresql-%a.log");
		settings.put("log_truncate_on_rotation", "on");
		settings.put("log_rotation_age", "1d");
		settings.put("log_rotation_size", "0");
		String onOff = durable ? "on" : "off";
		settings.put("fsync", onOff);
		settings.put("synchronous_commit", onOff);
		settings.put("full_page_writes", onOff);
		StringBuilder options = new StringBuilder();
		settings.forEach((name, value) -> options.append(" -c ").append(name).append('=').append(value));
		return options.toString().trim();
	}

	/** The application's role and database, created or repaired as the superuser on every start (idempotent). */
	private void provision() {
		boolean rename = createRoleAndDatabase();
		try {
			if (rename) {
				moveTablesOutOfDatabasePostgres();
			}
			handOverToApplicationRole();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot hand the embedded database over to the role " + APPLICATION_ROLE,
					ex);
		}
	}

	/**
	 * Creates the application's role (or resets its attributes and password) and its database.
	 * @return whether the database was not created because the application's tables are still in "postgres"
	 */
	private boolean createRoleAndDatabase() {
		String password = credentials().applicationPassword();
		boolean rename = false;
		try (Connection connection = connect("postgres", SUPERUSER, credentials().superuserPassword());
				Statement statement = connection.createStatement()) {
			String attributes = " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
					+ password + "'";
			statement.execute((exists(statement, "select 1 from pg_roles where rolname = '" + APPLICATION_ROLE + "'")
					? "alter" : "create") + " role " + APPLICATION_ROLE + attributes);
			if (!exists(statement, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
				// Before this class the application's tables lived in the "postgres" database.
				rename = exists(statement, "select 1 from pg_class where relname = 'flyway_schema_history'"
						+ " and relnamespace = 'public'::regnamespace");
				if (!rename) {
					statement.execute("create database " + DATABASE + " owner " + APPLICATION_ROLE);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot set up the embedded database's role and database", ex);
		}
		return rename;
	}

	/** The database "postgres" of an earlier version becomes the application's; an empty "postgres" replaces it. */
	private void moveTablesOutOfDatabasePostgres() throws SQLException {
		log.info("Moving the application's tables from the database postgres to {}, owned by {}", DATABASE,
				APPLICATION_ROLE);
		try (Connection connection = connect("template1", SUPERUSER, credentials().superuserPassword());
				Statement statement = connection.createStatement()) {
			statement.execute("alter database postgres rename to " + DATABASE);
			statement.execute("create database postgres");
		}
	}

	private void handOverToApplicationRole() throws SQLException {
		try (Connection connection = connect(DATABASE, SUPERUSER, credentials().superuserPassword());
				Statement statement = connection.createStatement()) {
			statement.execute("alter database " + DATABASE + " owner to " + APPLICATION_ROLE);
			statement.execute("alter schema public owner to " + APPLICATION_ROLE);
			statement.execute(OWN_PUBLIC_OBJECTS.formatted(APPLICATION_ROLE));
		}
	}

	/**
	 * A process that outlives a killed JVM and then stops the postmaster cleanly (a fast shutdown, as
	 * {@code pg_ctl stop -m fast}): kill -9 of the server does not leave PostgreSQL running. It ends by itself when
	 * the postmaster does, and is stopped before the postmaster on a normal close.
	 */
	private void startWatchdog() throws IOException {
		Optional<ProcessHandle> postmaster = postmasterOf(this.dataDir);
		if (postmaster.isEmpty() || !Files.isExecutable(Path.of("/bin/sh"))) {
			return;
		}
		long jvm = ProcessHandle.current().pid();
		long pm = postmaster.get().pid();
		String script = """
				trap '' INT TERM HUP
				while kill -0 %1$d 2>/dev/null && kill -0 %2$d 2>/dev/null; do sleep 1; done
				kill -0 %1$d 2>/dev/null || kill -INT %2$d 2>/dev/null
				""".formatted(jvm, pm);
		this.watchdog = new ProcessBuilder("/bin/sh", "-c", script).redirectInput(ProcessBuilder.Redirect.from(
				Path.of("/dev/null").toFile()))
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	String username() {
		return APPLICATION_ROLE;
	}

	String password() {
		return credentials().applicationPassword();
	}

	int port() {
		return this.port;
	}

	Path dataDir() {
		return this.dataDir;
	}

	private DatabaseCredentials credentials() {
		if (this.credentials == null) {
			throw new IllegalStateException("No credentials yet");
		}
		return this.credentials;
	}

	/**
	 * Stops PostgreSQL (sessions end, a checkpoint makes everything durable). Called by Spring
	 * after every bean using the database, the connection pool included, has been closed.
	 */
	@Override
	public void close() throws IOException {
		if (this.watchdog != null) {
			this.watchdog.destroyForcibly(); // it ignores SIGTERM, so that a signal to our process group spares it
			this.watchdog = null;
		}
		try {
			if (this.running) {
				this.running = false;
				stopPostgres();
				log.info("Embedded PostgreSQL stopped (data: {})", this.dataDir);
			}
		}
		finally {
			this.lock.release();
			this.lock.channel().close();
			if (this.temporary) {
				FileSystemUtils.deleteRecursively(this.dataDir);
			}
		}
	}

	/**
	 * A closed JDBC connection's server process ends a moment after the pool has closed it; a fast shutdown in that
	 * moment would cut it off ("terminating connection due to administrator command"). So first a smart shutdown,
	 * which waits for sessions to end by themselves, and a fast one only for sessions still open after a few seconds.
	 */
	private void stopPostgres() throws IOException {
		try {
			run(this.binaries.command("pg_ctl", "-D", this.dataDir.toString(), "stop", "-m", "smart", "-w", "-t",
					"5"), null, "pg_ctl");
		}
		catch (IllegalStateException ex) {
			log.warn("Sessions still open on the embedded PostgreSQL after 5 s; ending them (fast shutdown)");
			run(this.binaries.command("pg_ctl", "-D", this.dataDir.toString(), "stop", "-m", "fast", "-w", "-t",
					"120"), null, "pg_ctl");
		}
	}

	private static boolean exists(Statement statement, String query) throws SQLException {
		try (ResultSet rows = statement.executeQuery(query)) {
			return rows.next();
		}
	}

	private Connection connect(String database, String user, String password) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/" + database, user,
				password);
	}

	/** Fails clearly rather than talk to whatever listens there (another data directory's PostgreSQL, say). */
	private static int requireFreePort(int port, String dataDir) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return port;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + port + " on 127.0.0.1 is already in use (another PostgreSQL, of "
					+ "another data directory than " + dataDir + "?). The embedded database will not share it: "
					+ "stop that process or set callqa.db.embedded.port to a free port", ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Runs a PostgreSQL program to its end, feeding it {@code input}; its output is logged at debug level, and is in
	 * the exception when it fails.
	 */
	private static void run(List<String> command, @Nullable String input, String name) throws IOException {
		Path output = Files.createTempFile("callqa-pg", ".out");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			try (OutputStream stdin = process.getOutputStream()) {
				if (input != null) {
					stdin.write(input.getBytes(StandardCharsets.UTF_8));
				}
			}
			int exit = waitFor(process);
			String text = Files.readString(output);
			log.debug("{}: {}", name, text);
			if (exit != 0) {
				throw new IllegalStateException(name + " failed (exit " + exit + "): " + text.strip());
			}
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static int waitFor(Process process) throws IOException {
		try {
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IOException("Gave up waiting for " + process.info().commandLine().orElse("a process"));
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
