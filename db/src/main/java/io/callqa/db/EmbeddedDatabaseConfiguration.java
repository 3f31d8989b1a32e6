package io.callqa.db;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts a real PostgreSQL from Maven Central binaries when no external database is configured, so the server runs
 * with one command and no installed database. The pool depends on the database, so Spring closes the pool (after
 * every bean using it) before it stops PostgreSQL; no JVM shutdown hook of its own stops PostgreSQL earlier.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
		return EmbeddedDatabase.start(properties);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(database.username());
		dataSource.setPassword(database.password());
		dataSource.setPoolName("callqa");
		return dataSource;
	}

}
