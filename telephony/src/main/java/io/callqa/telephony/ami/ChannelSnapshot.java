package io.callqa.telephony.ami;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.callqa.telephony.ami.AsteriskEvent.QueueMemberReported;

/**
 * What one Asterisk server reported as live right after a (re)connect: its channels ({@code CoreShowChannels}) and
 * its queues ({@code QueueStatus}, asked just before; {@code queues} names every queue it reported, members or not). It reaches handlers at the point of the event stream where
 * Asterisk produced the channel list, so a call absent from it has ended. Made by {@link AmiEvents#snapshot}.
 */
public record ChannelSnapshot(Instant takenAt, List<Channel> channels, List<QueueMemberReported> members,
		List<Entry> entries, List<String> queues) {

	public ChannelSnapshot {
		channels = List.copyOf(channels);
		members = List.copyOf(members);
		entries = List.copyOf(entries);
		queues = List.copyOf(queues);
	}

	/** Without the queue names (a QueueStatus reply without {@code QueueParams}). */
	public ChannelSnapshot(Instant takenAt, List<Channel> channels, List<QueueMemberReported> members,
			List<Entry> entries) {
		this(takenAt, channels, members, entries, List.of());
	}

	/**
	 * One live channel ({@code CoreShowChannel}); {@code duration} as Asterisk reports it, {@code HH:MM:SS};
	 * {@code application} and {@code applicationData} what it runs now (e.g. {@code ChanSpy},
	 * {@code PJSIP/1001-0000002a,qEw}).
	 */
	public record Channel(@Nullable String uniqueid, @Nullable String linkedid, @Nullable String channel,
			@Nullable String callerNumber, @Nullable String callerName, @Nullable String duration,
			@Nullable String application, @Nullable String applicationData) {

		public Channel(@Nullable String uniqueid, @Nullable String linkedid, @Nullable String channel,
				@Nullable String callerNumber, @Nullable String callerName, @Nullable String duration) {
			this(uniqueid, linkedid, channel, callerNumber, callerName, duration, null, null);
		}

	}

	/** One caller waiting in a queue ({@code QueueEntry}); {@code waitSec} in seconds. */
	public record Entry(@Nullable String uniqueid, @Nullable String queue, @Nullable Integer position,
			@Nullable Long waitSec, @Nullable String channel, @Nullable String callerNumber) {

		public Entry(@Nullable String uniqueid, @Nullable String queue, @Nullable Integer position,
				@Nullable Long waitSec) {
			this(uniqueid, queue, position, waitSec, null, null);
		}

	}

}
