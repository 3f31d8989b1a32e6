package io.callqa.qaconsole.floor;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who reads the floor: staff (supervisors, managers, admins) see everything; a wallboard user (a TV in the room)
 * sees no caller numbers and not who listens to whom. Agents read nothing of the floor.
 */
enum FloorAudience {

	STAFF, WALLBOARD;

	private static final Set<String> STAFF_ROLES = Set.of("ROLE_SUPERVISOR", "ROLE_MANAGER", "ROLE_ADMIN");

	/** The audience of a logged-in user, or null when their role may not read the floor. */
	static @Nullable FloorAudience of(@Nullable Authentication user) {
		if (user == null) {
			return null;
		}
		boolean wallboard = false;
		for (GrantedAuthority authority : user.getAuthorities()) {
			if (STAFF_ROLES.contains(authority.getAuthority())) {
				return STAFF;
			}
			wallboard |= "ROLE_WALLBOARD".equals(authority.getAuthority());
		}
		return wallboard ? WALLBOARD : null;
	}

	static FloorAudience required(@Nullable Authentication user) {
		FloorAudience audience = of(user);
		if (audience == null) {
			throw new FloorAccessDeniedException("Only supervisors, managers, admins and wallboards read the floor");
		}
		return audience;
	}

}
