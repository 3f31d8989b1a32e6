package io.callqa.qaconsole.floor;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One action on the live floor as the audit keeps it, done or refused.
 *
 * @param username who acted (a supervisor, an admin, an agent on themselves; or someone refused)
 * @param action PAUSE, UNPAUSE, QUEUE_ADD, QUEUE_REMOVE, LISTEN, WHISPER or BARGE
 * @param queue the queue asked for (null: every queue of the agent)
 * @param queues the queues the action concerned: whose supervisors see it
 * @param reason the pause reason
 * @param phone the supervisor's phone a spy rang
 * @param outcome DONE, FORBIDDEN, INVALID, NO_PHONE, TIMEOUT, UNAVAILABLE or a {@code FloorActionException} reason
 *     (UNKNOWN_AGENT, NOT_A_MEMBER, ALREADY_A_MEMBER, NO_LIVE_CALL, NO_INTERFACE, NOT_CONNECTED, REFUSED)
 * @param detail why it was refused or failed
 */
public record FloorAction(long id, Instant at, String username, String role, String action, String agent,
		@Nullable String queue, List<String> queues, @Nullable String reason, @Nullable String phone, String outcome,
		@Nullable String detail) {

	public FloorAction {
		queues = List.copyOf(queues);
	}

}
