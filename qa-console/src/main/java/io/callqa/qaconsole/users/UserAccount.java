package io.callqa.qaconsole.users;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A console user as the API shows it (never its password hash).
 *
 * @param agentName the Asterisk queue member name of an AGENT user; null for other roles
 * @param phone the device a SUPERVISOR or ADMIN listens on (e.g. {@code PJSIP/2001}); null for other roles
 * @param queues the queues a SUPERVISOR acts on ({@code *}: every queue), sorted; empty for other roles
 */
record UserAccount(long id, String username, Role role, @Nullable String agentName,
		@Nullable String displayName, boolean enabled, Instant createdAt, @Nullable String phone,
		List<String> queues) {

	UserAccount {
		queues = List.copyOf(queues);
	}

}
