package io.callqa.qaconsole.rules;

import java.util.List;

import org.jspecify.annotations.Nullable;

public record ItemResult(String itemKey, String label, boolean critical, RuleOutcome outcome, @Nullable Double points,
		double maxPoints, @Nullable String reason, List<Evidence> evidence) {}
