package io.callqa.db;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the database files live; kept across restarts. Empty: a throw-away directory (tests).
 * @param port the port it listens on (loopback only), so that worker processes can share it; 0 picks a free port.
 * @param durable whether a commit survives a power cut ({@code fsync}, {@code synchronous_commit},
 * {@code full_page_writes} on). Only tests turn it off, for speed.
 */
@ConfigurationProperties("callqa.db.embedded")
record EmbeddedDatabaseProperties(@Nullable Path dataDir, @DefaultValue("54329") int port,
		@DefaultValue("true") boolean durable) {
}
