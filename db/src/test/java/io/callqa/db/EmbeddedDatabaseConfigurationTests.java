package io.callqa.db;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedDatabaseConfiguration}: a real PostgreSQL, migrated by Flyway, keeping its data.
 */
class EmbeddedDatabaseConfigurationTests {

	@TempDir
	Path dataDir;

	@Test
	void startWhenDataDirectoryReusedShouldKeepTheData() {
		try (ConfigurableApplicationContext first = start()) {
			jdbc(first).sql("insert into call (started_at) values (now())").update();
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(jdbc(second).sql("select count(*) from call").query(Long.class).single()).isEqualTo(1);
		}
	}

	@Test
	void startShouldApplyEveryMigration() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(jdbc(context).sql("select count(*) from flyway_schema_history where success")
				.query(Long.class)
				.single()).isPositive();
			assertThat(jdbc(context).sql("select to_regclass('index_outbox')::text").query(String.class).single())
				.isEqualTo("index_outbox");
		}
	}

	@Test
	void startWhenDataSourceUrlConfiguredShouldNotStartEmbeddedDatabase() {
		try (ConfigurableApplicationContext context = start()) {
			EmbeddedDatabase database = context.getBean(EmbeddedDatabase.class);
			try (ConfigurableApplicationContext external = builder().properties(
					"spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password())
				.run()) {
				assertThat(external.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
				assertThat(jdbc(external).sql("select count(*) from call").query(Long.class).single()).isZero();
			}
		}
	}

	private ConfigurableApplicationContext start() {
		return builder().properties("callqa.db.embedded.data-dir=" + this.dataDir, "callqa.db.embedded.port=0").run();
	}

	private static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE);
	}

	private static JdbcClient jdbc(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
