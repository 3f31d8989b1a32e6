package io.callqa.qaconsole.scoring;

import java.util.List;

import org.springframework.stereotype.Component;

import io.callqa.qaconsole.rules.RuledItem;
import io.callqa.qaconsole.rules.RuledScorecard;
import io.callqa.qaconsole.rules.RuledScorecards;

/**
 * A scorecard version's ruled items for the automatic scoring, in scorecard order.
 */
@Component
class ScorecardRules implements RuledScorecards {

	private final Standards standards;

	ScorecardRules(Standards standards) {
		this.standards = standards;
	}

	@Override
	public RuledScorecard version(long versionId) {
		ScorecardVersion version = this.standards.version(versionId);
		return of(version.id(), version.scorecard());
	}

	static RuledScorecard of(long versionId, Scorecard scorecard) {
		List<RuledItem> items = scorecard.items()
			.stream()
			.filter((item) -> item.rule() != null)
			.map((item) -> new RuledItem(item.key(), item.label(), item.weight(), item.max(), item.critical(),
					item.rule()))
			.toList();
		return new RuledScorecard(versionId, scorecard.passThreshold(), items);
	}

}
