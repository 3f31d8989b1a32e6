package io.callqa.telephony.ami;

import java.time.Instant;
import java.util.List;

import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;

/**
 * What one Asterisk server reported as live right after a (re)connect: its channels ({@code CoreShowChannels}) and
 * its queues ({@code QueueStatus}, asked just before). It reaches handlers at the point of the event stream where
 * Asterisk produced the channel list, so a call absent from it has ended.
 */
public record ChannelSnapshot(Instant takenAt, List<CoreShowChannelEvent> channels, List<QueueParamsEvent> queues,
		List<QueueMemberEvent> members, List<QueueEntryEvent> entries) {

	public ChannelSnapshot {
		channels = List.copyOf(channels);
		queues = List.copyOf(queues);
		members = List.copyOf(members);
		entries = List.copyOf(entries);
	}

}
