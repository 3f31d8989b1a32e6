package io.callqa.qaconsole.floor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Today's figures of every queue that had a call today or has callbacks open, as computed at {@code at}.
 */
record FloorToday(Instant at, LocalDate day, String zone, List<QueueToday> queues) {

	FloorToday {
		queues = List.copyOf(queues);
	}

}
