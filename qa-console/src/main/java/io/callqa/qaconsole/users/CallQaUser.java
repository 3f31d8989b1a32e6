package io.callqa.qaconsole.users;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The logged-in user: Spring Security's user plus the role and, for agents, the agent name that scopes what they see.
 */
public class CallQaUser extends User {

	private final long id;

	private final Role role;

	private final @Nullable String agentName;

	private final long sessionVersion;

	CallQaUser(long id, String username, String passwordHash, boolean enabled, Role role, @Nullable String agentName,
			long sessionVersion) {
		super(username, passwordHash, enabled, true, true, true,
				List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
		this.id = id;
		this.role = role;
		this.agentName = agentName;
		this.sessionVersion = sessionVersion;
	}

	long id() {
		return this.id;
	}

	/** The user's session version at login: a session whose version is no longer the user's is logged out. */
	long sessionVersion() {
		return this.sessionVersion;
	}

	public Role role() {
		return this.role;
	}

	/** The agent whose calls an AGENT user is limited to; null for every other role. */
	public @Nullable String agentScope() {
		return (this.role == Role.AGENT) ? this.agentName : null;
	}

}
