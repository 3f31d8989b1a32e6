package io.callqa.qaconsole.rules;

/**
 * A scorecard item with a rule, as the engine scores it: PASS earns {@code maxPoints} (1 for a yes/no item), weighted
 * by {@code weight} in the score as the scorecard weighs it.
 */
public record RuledItem(String key, String label, double weight, int maxPoints, boolean critical, Rule rule) {
}
