package io.callqa.qaconsole.promises;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A queue's promise settings: the time zone its due times are reckoned in, and whether a callback promise made on
 * its calls schedules the callback request itself.
 *
 * @param updatedBy null for a queue with no setting of its own (the defaults)
 */
public record QueuePromiseSetting(String queue, String zone, boolean createCallback, @Nullable String updatedBy,
		@Nullable Instant updatedAt) {
}
