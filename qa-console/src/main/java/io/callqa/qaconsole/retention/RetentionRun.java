package io.callqa.qaconsole.retention;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A run of retention: when, who started it ({@code SCHEDULE} or {@code API} with the user), what it deleted in total
 * and per queue ({@code queue} "" for calls in no queue; {@code policyQueue} null when the default policy applied),
 * the held calls it left alone, and its errors. {@code audioFilesDeleted} counts recording files, the others calls.
 */
record RetentionRun(long id, String trigger, @Nullable String startedBy, Instant startedAt, @Nullable Instant finishedAt,
		String state, Counts total, int errors, @Nullable String lastError, List<QueueCounts> queues) {

	record Counts(int audioFilesDeleted, int transcriptsDeleted, int callsDeleted, int heldSkipped) {
	}

	record QueueCounts(String queue, @Nullable String policyQueue, Counts counts) {
	}

}
