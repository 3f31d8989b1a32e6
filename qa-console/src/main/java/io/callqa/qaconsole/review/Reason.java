package io.callqa.qaconsole.review;

import java.time.Instant;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * One reason to look at a call.
 *
 * @param at when it arose (evaluated, disputed, broken, answered): what the period filter reads
 * @param score the automatic or evaluation score (0-100) or the survey score (0-10) it is about, if any
 * @param detail what happened, in words
 * @param ref the record it is about: automatic evaluation, evaluation, promise or alert id
 */
record Reason(ReasonKind kind, Instant at, @Nullable Double score, String detail, long ref) {

	/**
	 * Most urgent first: by kind, then within a kind the newest critical fail, the oldest dispute (waiting longest),
	 * the longest broken promise, the lowest survey, the lowest automatic score (ties: newest first).
	 */
	static final Comparator<Reason> URGENCY = Comparator.comparingInt((Reason r) -> r.kind().priority())
		.thenComparingDouble(Reason::withinKind)
		.thenComparing(Reason::at, Comparator.reverseOrder());

	int priority() {
		return this.kind.priority();
	}

	private double withinKind() {
		return switch (this.kind) {
			case CRITICAL_FAILED -> -this.at.toEpochMilli();
			case DISPUTED, BROKEN_PROMISE -> this.at.toEpochMilli();
			case LOW_SURVEY, LOW_AUTOMATIC_SCORE -> (this.score != null) ? this.score : Double.MAX_VALUE;
		};
	}

}
