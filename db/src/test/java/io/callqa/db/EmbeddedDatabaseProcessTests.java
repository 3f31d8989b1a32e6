package io.callqa.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The embedded PostgreSQL of a real child JVM, signalled as systemd or a container runtime would (SIGTERM) or killed
 * (SIGKILL): it stops after the application has finished using it, and a restart on the same data directory keeps
 * every row.
 */
class EmbeddedDatabaseProcessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path data;

	private final List<Process> children = new ArrayList<>();

	@AfterEach
	void killChildren() throws InterruptedException {
		for (Process child : this.children) {
			child.descendants().forEach(ProcessHandle::destroyForcibly);
			child.destroyForcibly().waitFor();
		}
	}

	@Test
	void sigtermShouldStopPostgresOnlyAfterTheApplicationClosedItsPool() throws Exception {
		Process child = startChild("callqa.db.embedded.port=0");
		awaitLog(child, ChildApplication.READY);

		child.destroy(); // SIGTERM
		assertThat(child.waitFor(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();

		String log = log();
		assertThat(log).contains(ChildApplication.STOPPED_CLEANLY).doesNotContain("FATAL").doesNotContain(" ERROR ");
		int poolClosed = log.indexOf("callqa - Shutdown completed");
		int postgresStopped = log.indexOf("Embedded PostgreSQL stopped");
		assertThat(poolClosed).as("the pool's close in the log").isPositive();
		assertThat(postgresStopped).as("PostgreSQL stopped after the pool closed").isGreaterThan(poolClosed);
		assertThat(serverLog()).contains("received smart shutdown request", "database system is shut down")
			.doesNotContain("FATAL")
			.doesNotContain("ERROR");
		assertThat(postmaster()).as("no postmaster left running").isEmpty();
		assertThat(callsAfterRestart()).isEqualTo(4);
	}

	@Test
	void sigkillShouldNotLeavePostgresRunningAndARestartKeepsEveryRow() throws Exception {
		Process child = startChild("callqa.db.embedded.port=0");
		awaitLog(child, ChildApplication.READY);
		ProcessHandle postmaster = postmaster().orElseThrow();

		child.destroyForcibly().waitFor(); // SIGKILL of the JVM alone: its watchdog stops PostgreSQL

		Await.until("the killed JVM's PostgreSQL to stop", TIMEOUT, () -> !postmaster.isAlive());
		assertThat(callsAfterRestart()).isEqualTo(3);
	}

	@Test
	void startShouldStopAPostgresLeftRunningOnItsDataDirectoryInsteadOfReusingIt() throws Exception {
		int port = freePort();
		Process child = startChild("callqa.db.embedded.port=" + port);
		awaitLog(child, ChildApplication.READY);
		ProcessHandle orphan = postmaster().orElseThrow();
		// SIGKILL of the JVM and its watchdog (kill -9 of the process group): the postmaster, in its own session, stays.
		child.descendants().forEach(ProcessHandle::destroyForcibly);
		child.destroyForcibly().waitFor();
		assertThat(orphan.isAlive()).as("postmaster orphaned").isTrue();

		try (ConfigurableApplicationContext restarted = restart("callqa.db.embedded.port=" + port)) {
			assertThat(orphan.isAlive()).as("the orphan stopped, not reused").isFalse();
			assertThat(postmaster().orElseThrow().pid()).isNotEqualTo(orphan.pid());
			assertThat(restarted.getBean(EmbeddedDatabase.class).port()).isEqualTo(port);
			assertThat(restarted.getBean(JdbcClient.class).sql("select count(*) from call").query(Long.class).single())
				.isEqualTo(3);
		}
	}

	@Test
	void startOnAPortTakenByAnotherDataDirectorysPostgresShouldFailClearly() throws Exception {
		try (ConfigurableApplicationContext first = restart("callqa.db.embedded.port=0")) {
			int port = first.getBean(EmbeddedDatabase.class).port();
			SpringApplicationBuilder second = new SpringApplicationBuilder(ChildApplication.class)
				.web(WebApplicationType.NONE);
			assertThatException()
				.isThrownBy(() -> second.run("--callqa.db.embedded.data-dir=" + this.data.resolve("other"),
						"--callqa.db.embedded.port=" + port).close())
				.withStackTraceContaining("Port " + port + " on 127.0.0.1 is already in use");
			assertThat(EmbeddedDatabase.postmasterOf(this.data.resolve("other"))).isEmpty();
			assertThat(this.data.resolve("other").resolve("PG_VERSION")).as("no cluster written first").doesNotExist();
			assertThat(first.getBean(JdbcClient.class).sql("select count(*) from call").query(Long.class).single())
				.isZero();
		}
	}

	@Test
	void startOnADataDirectoryInUseByAnotherServerShouldFailClearly() throws Exception {
		try (ConfigurableApplicationContext first = restart("callqa.db.embedded.port=0")) {
			SpringApplicationBuilder second = new SpringApplicationBuilder(ChildApplication.class)
				.web(WebApplicationType.NONE);
			assertThatException()
				.isThrownBy(() -> second.run("--callqa.db.embedded.data-dir=" + pgData(), "--callqa.db.embedded.port=0")
					.close())
				.withStackTraceContaining("is in use by another running callqa process");
			assertThat(first.getBean(JdbcClient.class).sql("select count(*) from call").query(Long.class).single())
				.isZero();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private Process startChild(String... properties) throws IOException {
		// The first JIT tier alone: the child only starts, stores three rows and stops (half the CPU of a full JIT).
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), ChildApplication.class.getName(),
				"--callqa.db.embedded.data-dir=" + pgData(), "--spring.main.keep-alive=true", "--child.store-calls=true"));
		for (String property : properties) {
			command.add("--" + property);
		}
		Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile().toFile()).start();
		this.children.add(child);
		return child;
	}

	private void awaitLog(Process child, String text) throws InterruptedException {
		Await.until("'" + text + "' in the child's log", TIMEOUT, () -> log().contains(text) || !child.isAlive());
		assertThat(log()).as("child log").contains(text);
	}

	private long callsAfterRestart() {
		try (ConfigurableApplicationContext restarted = restart("callqa.db.embedded.port=0")) {
			return restarted.getBean(JdbcClient.class).sql("select count(*) from call").query(Long.class).single();
		}
	}

	/** The same application in this JVM, on the same data directory (its start stores three calls). */
	private ConfigurableApplicationContext restart(String port) {
		return new SpringApplicationBuilder(ChildApplication.class).web(WebApplicationType.NONE)
			.run("--callqa.db.embedded.data-dir=" + pgData(), "--" + port);
	}

	/** The postmaster named by our data directory's lock file, if it is still running. */
	private Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = pgData().resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
			.filter(ProcessHandle::isAlive);
	}

	/** PostgreSQL's own log (the logging collector's files in the data directory). */
	private String serverLog() throws IOException {
		StringBuilder log = new StringBuilder();
		try (var files = Files.list(pgData().resolve("log"))) {
			for (Path file : files.sorted().toList()) {
				log.append(Files.readString(file));
			}
		}
		return log.toString();
	}

	private Path pgData() {
		return this.data.resolve("pg");
	}

	private Path logFile() {
		return this.data.resolve("child.log");
	}

	private String log() {
		try {
			return Files.exists(logFile()) ? Files.readString(logFile()) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
