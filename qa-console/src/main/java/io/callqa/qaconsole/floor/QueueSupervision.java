package io.callqa.qaconsole.floor;

import org.springframework.security.core.Authentication;

/**
 * Who may change a queue's wallboard settings: admins any queue, supervisors the queues they supervise.
 */
final class QueueSupervision {

	private QueueSupervision() {
	}

	static void requireMayChange(Authentication user, String queue) {
		boolean admin = has(user, "ROLE_ADMIN");
		boolean supervisor = has(user, "ROLE_SUPERVISOR");
		if (!admin && !supervisor) {
			throw new FloorAccessDeniedException("Only the queue's supervisors and admins change its thresholds");
		}
	}

	private static boolean has(Authentication user, String authority) {
		return user.getAuthorities().stream().anyMatch((a) -> authority.equals(a.getAuthority()));
	}

}
