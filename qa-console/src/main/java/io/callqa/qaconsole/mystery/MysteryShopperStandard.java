package io.callqa.qaconsole.mystery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.callqa.qaconsole.autoscore.ScorecardOverride;
import io.callqa.qaconsole.scoring.Standards;

/**
 * Autoscore asks here, once per batch before the rules run, which calls are test calls: the number list marks its
 * calls first (so a call from a listed number is a test call before it is scored), and with a mystery-shopper
 * standard set, its current version scores them. Without one, test calls keep their queue's standard.
 */
@Component
class MysteryShopperStandard implements ScorecardOverride {

	private final MysteryShopperRepository repository;

	private final Standards standards;

	MysteryShopperStandard(MysteryShopperRepository repository, Standards standards) {
		this.repository = repository;
		this.standards = standards;
	}

	@Override
	public Map<Long, Long> versionsOf(Collection<Long> callIds) {
		Set<Long> marked = this.repository.markedAmong(callIds);
		if (marked.isEmpty()) {
			return Map.of();
		}
		Long standardId = this.repository.setting().standardId();
		if (standardId == null) {
			return Map.of();
		}
		long version = this.standards.current(standardId).id();
		Map<Long, Long> versions = new HashMap<>();
		marked.forEach((callId) -> versions.put(callId, version));
		return versions;
	}

}
