/**
 * The database every module writes to: Flyway migrations and the DataSource (embedded PostgreSQL unless a JDBC URL is
 * configured).
 */
@NullMarked
package io.callqa.db;

import org.jspecify.annotations.NullMarked;
