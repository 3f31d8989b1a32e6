package io.callqa.qaconsole.autoscore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.callqa.qaconsole.rules.Evidence;
import io.callqa.qaconsole.rules.RuleOutcome;

/**
 * A call's current automatic evaluation as the API shows it: per item the automatic value with its evidence, the
 * effective value (the latest review applied) and every review (the audit); the automatic score and the effective
 * one; the earlier evaluations the call had.
 */
record AutomaticEvaluationView(long callId, long evaluationId, long scorecardVersionId, Instant evaluatedAt,
		double passThreshold, Totals automatic, Totals effective, boolean reviewed, List<Item> items,
		List<AutomaticEvaluationRepository.Earlier> earlier) {

	/** A score 0-100 (null when no item applied), whether it passes, whether a critical item failed. */
	record Totals(@Nullable Double score, boolean passed, boolean criticalFailed) {
	}

	record Item(String key, String label, boolean critical, double maxPoints, double weight, Decision automatic,
			Effective effective,
			List<Review> reviews) {
	}

	/** What the rule decided, why and on what evidence. */
	record Decision(RuleOutcome outcome, @Nullable Double points, @Nullable String reason, List<Evidence> evidence) {
	}

	/** The value that counts: the automatic one, or the latest review's. */
	record Effective(RuleOutcome outcome, @Nullable Double points, Source source, @Nullable String reviewer,
			@Nullable Instant reviewedAt) {
	}

	enum Source {

		AUTOMATIC, CONFIRMED, OVERRIDDEN

	}

	static AutomaticEvaluationView of(AutomaticEvaluation evaluation, List<Review> reviews,
			List<AutomaticEvaluationRepository.Earlier> earlier) {
		Map<String, List<Review>> byItem = reviews.stream().collect(Collectors.groupingBy(Review::itemKey));
		List<Item> items = new ArrayList<>();
		for (AutomaticEvaluation.Item item : evaluation.items()) {
			List<Review> itemReviews = byItem.getOrDefault(item.key(), List.of());
			Review latest = itemReviews.isEmpty() ? null : itemReviews.get(itemReviews.size() - 1);
			Effective effective = (latest == null)
					? new Effective(item.outcome(), item.points(), Source.AUTOMATIC, null, null)
					: new Effective(latest.outcome(), latest.points(),
							(latest.action() == Review.Action.CONFIRM) ? Source.CONFIRMED : Source.OVERRIDDEN,
							latest.reviewer(), latest.reviewedAt());
			items.add(new Item(item.key(), item.label(), item.critical(), item.maxPoints(), item.weight(),
					new Decision(item.outcome(), item.points(), item.reason(), item.evidence()), effective,
					itemReviews));
		}
		Totals automatic = new Totals(evaluation.score(), evaluation.passed(), evaluation.criticalFailed());
		return new AutomaticEvaluationView(evaluation.callId(), evaluation.id(), evaluation.scorecardVersionId(),
				evaluation.evaluatedAt(), evaluation.passThreshold(), automatic,
				reviews.isEmpty() ? automatic : totals(items, evaluation.passThreshold()), !reviews.isEmpty(), items,
				earlier);
	}

	/**
	 * The score of the effective values, as the rules score the automatic ones: 100 × Σ(weight × points / maximum) /
	 * Σ weight over the items that are not N/A, 0 when a critical item failed.
	 */
	static Totals totals(List<Item> items, double passThreshold) {
		double earned = 0;
		double possible = 0;
		boolean criticalFailed = false;
		for (Item item : items) {
			if (item.effective().outcome() == RuleOutcome.NA) {
				continue;
			}
			double points = (item.effective().points() != null) ? item.effective().points() : 0;
			earned += item.weight() * points / item.maxPoints();
			possible += item.weight();
			criticalFailed |= item.critical() && item.effective().outcome() == RuleOutcome.FAIL;
		}
		if (possible == 0) {
			return new Totals(null, false, false);
		}
		double score = criticalFailed ? 0 : Math.round(10000 * earned / possible) / 100.0;
		return new Totals(score, !criticalFailed && score >= passThreshold, criticalFailed);
	}

}
