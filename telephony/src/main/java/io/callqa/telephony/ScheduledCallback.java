package io.callqa.telephony;

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

	/** A note is a reminder for the agent, shown to everyone listing callbacks: a few lines, not a document. */
	public static final int MAX_NOTE = 2_000;

	private static final int MAX_NAME = 200;

	private static final int MAX_NUMBER = 40;

	private static final int MAX_QUEUE = 100;

	/** The latest time a callback may be promised for: later ones overflow PostgreSQL's timestamps. */
	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	public ScheduledCallback {
		if (at != null && (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST))) {
			throw new IllegalArgumentException("'at' must be between " + Instant.EPOCH + " and " + LATEST);
		}
		atMost("queue", queue, MAX_QUEUE);
		atMost("number", number, MAX_NUMBER);
		atMost("name", name, MAX_NAME);
		atMost("agent", agent, MAX_QUEUE);
		atMost("note", note, MAX_NOTE);
	}

	private static void atMost(String field, @Nullable String value, int max) {
		if (value != null && value.length() > max) {
			throw new IllegalArgumentException("'" + field + "' has " + value.length() + " characters, at most " + max);
		}
	}

}
