package io.callqa.qaconsole.autoscore;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.callqa.qaconsole.rules.RuleOutcome;

/**
 * A supervisor's review of one automatic item: CONFIRM keeps the automatic outcome and points, OVERRIDE replaces them
 * (with a comment saying why). Reviews are only ever added; the latest one of an item is its effective value.
 */
record Review(long id, String itemKey, Action action, RuleOutcome outcome, @Nullable Double points,
		@Nullable String comment, String reviewer, Instant reviewedAt) {

	enum Action {

		CONFIRM, OVERRIDE

	}

}
