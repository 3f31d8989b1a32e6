package io.callqa.telephony.callbacks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An agent's appointment to call a customer back.
 *
 * @param at when to call (also what the customer was promised)
 * @param agent who scheduled it (recorded as {@code requestedBy}): the agent name of an agent, the login of anyone
 * else; never a name the client chose
 * @param onlyMe whether only {@code agent} may take it; otherwise any member of the queue
 */
public record ScheduledCallback(String queue, String number, @Nullable String name, Instant at, String agent,
		boolean onlyMe, @Nullable String note) {
}
