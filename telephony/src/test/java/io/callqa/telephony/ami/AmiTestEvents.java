package io.callqa.telephony.ami;

import java.time.Instant;
import java.util.List;

import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;

/**
 * The connector's translation of Asterisk-Java's events, for tests of the packages that consume our records: they
 * build events as the library would and need them translated exactly as the connector does, while the translation
 * itself stays internal to {@code ami}.
 */
public final class AmiTestEvents {

	private AmiTestEvents() {
	}

	/** As the connector translates an event it read at {@code receivedAt}. */
	public static AsteriskEvent from(ManagerEvent event, Instant receivedAt) {
		return AmiEvents.from(event, receivedAt);
	}

	/** As the connector builds a (re)connect's snapshot from the replies to its two actions. */
	public static ChannelSnapshot snapshot(Instant takenAt, List<CoreShowChannelEvent> channels,
			List<QueueMemberEvent> members, List<QueueEntryEvent> entries) {
		return AmiEvents.snapshot(takenAt, channels, members, entries);
	}

}
