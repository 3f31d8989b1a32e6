package io.callqa.telephony;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One queue on the live floor, added up over every server that has a queue of that name.
 *
 * @param waiting the callers waiting now, by position (1 first)
 * @param longestWaitingSince when the caller waiting longest entered the queue (null when nobody waits)
 * @param loggedIn members now; {@code available + ringing + onCall + paused + unavailable == loggedIn}
 * @param version the floor version of the queue's last change (see {@link LiveFloor#changesSince})
 */
public record QueueFloor(String queue, List<LiveQueueEntry> waiting, @Nullable Instant longestWaitingSince,
		int loggedIn, int available, int ringing, int onCall, int paused, int unavailable, long version) {

	public QueueFloor {
		waiting = List.copyOf(waiting);
	}

}
