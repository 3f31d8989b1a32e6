package io.callqa.qaconsole.users;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The logged-in user: Spring Security's user plus the role and, for agents, the agent name that scopes what they see.
 */
public class CallQaUser extends User {

	private final Role role;

	private final @Nullable String agentName;

	CallQaUser(String username, String passwordHash, boolean enabled, Role role, @Nullable String agentName) {
		super(username, passwordHash, enabled, true, true, true,
				List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
		this.role = role;
		this.agentName = agentName;
	}

	public Role role() {
		return this.role;
	}

	/** The agent whose calls an AGENT user is limited to; null for every other role. */
	public @Nullable String agentScope() {
		return (this.role == Role.AGENT) ? this.agentName : null;
	}

}
