package io.callqa.telephony.ami;

import java.time.Instant;

/**
 * A feature that follows what happens on Asterisk. The connector calls it from one event thread of its own (never the
 * library's dispatch thread) for all servers, one event at a time and in wire order per server, so implementations
 * need no locking for events; they must not block on AMI actions.
 */
public interface AmiEventHandler {

	/**
	 * One event, in our words ({@link AmiEvents} translates the library's). Legacy events the library synthesizes
	 * ({@code DialEvent}, {@code BridgeEvent}) are filtered out before this is called.
	 * @param server the configured name of the Asterisk server it came from
	 */
	void onEvent(String server, AsteriskEvent event);

	/**
	 * The connector (re)connected and asked Asterisk what is live now: reconcile with it, since events during an
	 * outage are lost. The snapshot comes in stream order: events before it happened before it was taken.
	 */
	default void onResync(String server, ChannelSnapshot snapshot) {
	}

	/** The connection to {@code server} was lost; events may be missed until the next {@link #onResync}. */
	default void onDisconnect(String server, Instant at) {
	}

	/** After a batch of events is handled: a chance to write what changed in one transaction. */
	default void flush() {
	}

}
