package io.callqa.qaconsole.rules;

import java.util.List;

/**
 * What the engine needs of a scorecard version: its pass mark and the items that have a rule, in scorecard order.
 */
public record RuledScorecard(long versionId, double passThreshold, List<RuledItem> items) {

	public RuledScorecard {
		items = List.copyOf(items);
	}

}
