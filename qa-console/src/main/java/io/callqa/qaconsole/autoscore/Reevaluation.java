package io.callqa.qaconsole.autoscore;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A re-evaluation of the transcribed calls started in [from, to), in the background.
 *
 * @param total the calls it re-evaluates; null while they are still being counted
 * @param done how many of them are re-evaluated
 * @param percent done of total, 0 while counting
 */
record Reevaluation(long id, Instant from, Instant to, @Nullable Integer total, int done, int percent,
		boolean finished, String requestedBy, Instant requestedAt, @Nullable Instant finishedAt) {

	static Reevaluation of(long id, Instant from, Instant to, @Nullable Integer total, int done, String requestedBy,
			Instant requestedAt, @Nullable Instant finishedAt) {
		int percent = (finishedAt != null) ? 100
				: (total == null || total == 0) ? 0 : (int) Math.min(99, 100L * done / total);
		return new Reevaluation(id, from, to, total, done, percent, finishedAt != null, requestedBy, requestedAt,
				finishedAt);
	}

}
