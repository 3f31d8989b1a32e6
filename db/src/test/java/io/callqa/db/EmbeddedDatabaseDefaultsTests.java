package io.callqa.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a new user gets without configuring anything: a durable database that only the application (and whoever can
 * read its password file) can log in to, as a role that is not a superuser. A data directory from before these rules
 * is brought under them without losing data.
 */
class EmbeddedDatabaseDefaultsTests {

	@TempDir
	Path data;

	@Test
	void defaultStartShouldBeDurable() {
		try (ConfigurableApplicationContext context = startWithDefaults()) {
			JdbcClient jdbc = jdbc(context);
			List<String> settings = List.of("fsync", "synchronous_commit", "full_page_writes");
			for (String setting : settings) {
				String value = jdbc.sql("show " + setting).query(String.class).single();
				System.out.println("default start: SHOW " + setting + " = " + value);
				assertThat(value).as(setting).isEqualTo("on");
			}
		}
	}

	@Test
	void testsTurnDurabilityOffOnlyThroughTheirProperty() {
		try (ConfigurableApplicationContext context = builder()
			.run("--callqa.db.embedded.data-dir=" + pgData(), "--callqa.db.embedded.port=0")) {
			// this module's test application.properties sets callqa.db.embedded.durable=false
			assertThat(jdbc(context).sql("show fsync").query(String.class).single()).isEqualTo("off");
			assertThat(jdbc(context).sql("show synchronous_commit").query(String.class).single()).isEqualTo("off");
		}
	}

	@Test
	void defaultStartShouldBePrivate() throws Exception {
		try (ConfigurableApplicationContext context = startWithDefaults()) {
			EmbeddedDatabase database = context.getBean(EmbeddedDatabase.class);
			JdbcClient jdbc = jdbc(context);
			assertThat(Files.readString(pgData().resolve("pg_hba.conf"))).isEqualTo(EmbeddedDatabase.HBA)
				.doesNotContain("trust");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pgData()))).isEqualTo("rwx------");
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(pgData().resolve(DatabaseCredentials.FILE_NAME))))
				.isEqualTo("rw-------");
			assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");

			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("callqa");
			assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class)
				.single()).isFalse();
			assertThat(jdbc.sql("select distinct installed_by from flyway_schema_history").query(String.class).list())
				.containsExactly("callqa");
			assertThatException().isThrownBy(() -> jdbc.sql("copy call (started_at) from program 'id'").update())
				.withStackTraceContaining("pg_execute_server_program");

			String url = "jdbc:postgresql://127.0.0.1:" + database.port() + "/";
			for (String user : List.of("postgres", "callqa")) {
				assertThatException().as("%s without a password", user)
					.isThrownBy(() -> DriverManager.getConnection(url + "postgres", user, null).close())
					.withMessageContaining("password");
				assertThatException().as("%s with a wrong password", user)
					.isThrownBy(() -> DriverManager.getConnection(url + "postgres", user, "postgres").close())
					.withMessageContaining("password authentication failed");
			}
			// The superuser is for maintenance, with the password from the file.
			DatabaseCredentials credentials = DatabaseCredentials.readFrom(pgData());
			try (Connection superuser = DriverManager.getConnection(url + "callqa", "postgres",
					credentials.superuserPassword())) {
				JdbcClient maintenance = new JdbcClientOn(superuser).jdbc();
				assertThat(maintenance.sql("select rolsuper from pg_roles where rolname = current_user")
					.query(Boolean.class)
					.single()).isTrue();
				// no Unix socket: only loopback TCP with a password
				assertThat(maintenance.sql("show unix_socket_directories").query(String.class).single()).isEmpty();
			}
		}
	}

	@Test
	void startOnADataDirectoryFromBeforeShouldSecureItAndKeepItsData() throws Exception {
		// The data directory as the embedded database left it before: zonky's trust, data in "postgres".
		try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
			.setDataDirectory(pgData())
			.setCleanDataDirectory(false)
			.start()) {
			Flyway.configure().dataSource(legacy.getPostgresDatabase()).load().migrate();
			JdbcClient jdbc = JdbcClient.create(legacy.getPostgresDatabase());
			jdbc.sql("insert into call (started_at) values (now()), (now())").update();
		}
		assertThat(Files.readString(pgData().resolve("pg_hba.conf"))).contains("trust");

		for (int start = 1; start <= 2; start++) { // the second start finds everything in order
			try (ConfigurableApplicationContext context = startWithDefaults()) {
				EmbeddedDatabase database = context.getBean(EmbeddedDatabase.class);
				JdbcClient jdbc = jdbc(context);
				jdbc.sql("insert into call (started_at) values (now())").update();
				assertThat(jdbc.sql("select count(*) from call").query(Long.class).single()).isEqualTo(2 + start);
				assertThat(jdbc.sql("select current_user || '@' || current_database()").query(String.class).single())
					.isEqualTo("callqa@callqa");
				assertThat(jdbc.sql("select count(*) from pg_class where relnamespace = 'public'::regnamespace"
						+ " and relowner <> 'callqa'::regrole").query(Long.class).single()).isZero();
				assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class)
					.single()).isFalse();
				assertThat(Files.readString(pgData().resolve("pg_hba.conf"))).isEqualTo(EmbeddedDatabase.HBA);
				String url = "jdbc:postgresql://127.0.0.1:" + database.port() + "/postgres";
				assertThatException().isThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
					.withMessageContaining("password");
				DatabaseCredentials credentials = DatabaseCredentials.readFrom(pgData());
				DriverManager.getConnection(url, "postgres", credentials.superuserPassword()).close();
			}
		}
	}

	private ConfigurableApplicationContext startWithDefaults() {
		// No application.properties (the test one turns durability off): what a real start gets.
		return builder().run("--spring.config.name=callqa-defaults-only", "--callqa.db.embedded.data-dir=" + pgData(),
				"--callqa.db.embedded.port=0");
	}

	private Path pgData() {
		return this.data.resolve("pg");
	}

	private static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE);
	}

	private static JdbcClient jdbc(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class);
	}

	private record JdbcClientOn(Connection connection) {

		JdbcClient jdbc() {
			return JdbcClient.create(new SingleConnectionDataSource(this.connection, true));
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
