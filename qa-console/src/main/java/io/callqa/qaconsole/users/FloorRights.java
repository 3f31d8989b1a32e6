package io.callqa.qaconsole.users;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a user may do on the live floor, as their row says now: admins act on every queue, supervisors on their
 * queues ({@code *}: every queue), nobody else on any. Listening in rings {@code phone}.
 *
 * @param agent the agent name of an AGENT user (who acts on themselves only)
 */
public record FloorRights(String username, Role role, @Nullable String agent, @Nullable String phone,
		List<String> queues) {

	/** The queue that stands for every queue. */
	public static final String EVERY_QUEUE = "*";

	public FloorRights {
		queues = List.copyOf(queues);
	}

	/** Whether the user acts on some queues (supervisors, admins), not only on themselves or on nothing. */
	public boolean supervises() {
		return this.role == Role.ADMIN || this.role == Role.SUPERVISOR;
	}

	public boolean everyQueue() {
		return this.role == Role.ADMIN || (this.role == Role.SUPERVISOR && this.queues.contains(EVERY_QUEUE));
	}

	public boolean actsOn(@Nullable String queue) {
		return everyQueue() || (this.role == Role.SUPERVISOR && queue != null && this.queues.contains(queue));
	}

	/** Whether the user acts on each of the queues (and there is at least one). */
	public boolean actsOnAll(Collection<String> queues) {
		return !queues.isEmpty() && queues.stream().allMatch(this::actsOn);
	}

}
