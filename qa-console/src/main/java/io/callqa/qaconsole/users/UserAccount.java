package io.callqa.qaconsole.users;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A console user as the API shows it (never its password hash).
 *
 * @param agentName the Asterisk queue member name of an AGENT user; null for other roles
 */
record UserAccount(long id, String username, Role role, @Nullable String agentName,
		@Nullable String displayName, boolean enabled, Instant createdAt) {
}
