package io.callqa.qaconsole.rules;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** score 0-100 over the automatic items that applied (NA left out), null if none applied. */
public record AutomaticResult(long scorecardVersionId, @Nullable Double score, boolean passed, boolean criticalFailed,
		List<ItemResult> items) {}
