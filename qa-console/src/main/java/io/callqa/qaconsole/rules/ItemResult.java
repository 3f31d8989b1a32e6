package io.callqa.qaconsole.rules;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One item's automatic result: PASS earns {@code maxPoints}, FAIL 0, NA none (left out of the score). The reason says
 * what was found in words ("not said by the agent in the first 15 s", "mono recording: ..."); the evidence where.
 */
public record ItemResult(String itemKey, String label, boolean critical, RuleOutcome outcome, @Nullable Double points,
		double maxPoints, @Nullable String reason, List<Evidence> evidence) {

	public ItemResult {
		evidence = List.copyOf(evidence);
	}

}
