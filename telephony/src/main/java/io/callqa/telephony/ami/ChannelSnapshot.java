package io.callqa.telephony.ami;

import java.time.Instant;
import java.util.List;

import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;

/**
 * What one Asterisk server reported as live right after a (re)connect: its channels ({@code CoreShowChannels}) and
 * its queues ({@code QueueStatus}).
 *
 * @param asteriskStartedAt when Asterisk itself last started, if known: a change means it restarted and every call
 * from before is gone
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
