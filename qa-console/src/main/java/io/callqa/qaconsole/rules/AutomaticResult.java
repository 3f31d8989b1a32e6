package io.callqa.qaconsole.rules;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A call's automatic evaluation against one scorecard version. score 0-100 over the automatic items that applied (NA
 * left out, weighted as the scorecard weighs them, 0 when a critical item failed), null if none applied.
 */
public record AutomaticResult(long scorecardVersionId, @Nullable Double score, boolean passed, boolean criticalFailed,
		List<ItemResult> items) {

	public AutomaticResult {
		items = List.copyOf(items);
	}

}
