package io.callqa.qaconsole.autoscore;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.qaconsole.rules.RuleOutcome;
import io.callqa.transcription.Transcriptions;

/**
 * Reading a call's automatic evaluation and reviewing its items. A review is added, never changes the automatic value
 * or an earlier review, and applies to the evaluation it was made on.
 */
@Service
class AutomaticEvaluations {

	static final int MAX_COMMENT = 2000;

	private final AutomaticEvaluationRepository evaluations;

	private final Transcriptions index;

	AutomaticEvaluations(AutomaticEvaluationRepository evaluations, Transcriptions index) {
		this.evaluations = evaluations;
		this.index = index;
	}

	@Transactional(readOnly = true)
	Optional<AutomaticEvaluationView> ofCall(long callId) {
		return this.evaluations.current(callId).map(this::view);
	}

	@Transactional(readOnly = true)
	List<AgentAverage> agentAverages(java.time.Instant from, java.time.Instant to) {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("'from' must be before 'to'");
		}
		return this.evaluations.agentAverages(from, to);
	}

	/**
	 * Confirms or overrides one item of the call's current evaluation.
	 * @param evaluationId the evaluation the reviewer saw, if known: a call evaluated again since is a conflict
	 */
	@Transactional
	AutomaticEvaluationView review(long callId, @Nullable Long evaluationId, String itemKey, Review.Action action,
			@Nullable RuleOutcome outcome, @Nullable Double points, @Nullable String comment, String reviewer) {
		AutomaticEvaluation current = this.evaluations.current(callId)
			.orElseThrow(() -> new AutomaticEvaluationNotFoundException(callId));
		if (evaluationId != null && evaluationId != current.id()) {
			throw new StaleEvaluationException("Call " + callId + " was evaluated again (evaluation " + current.id()
					+ "); evaluation " + evaluationId + " is no longer current: reload and review again");
		}
		this.evaluations.lock(current.id());
		AutomaticEvaluation.Item item = current.items()
			.stream()
			.filter((candidate) -> candidate.key().equals(itemKey))
			.findFirst()
			.orElseThrow(() -> new InvalidReviewException(
					"Item '" + itemKey + "' has no automatic result in evaluation " + current.id()));
		String note = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		require(note == null || note.length() <= MAX_COMMENT, "A comment has at most 2,000 characters");
		if (action == Review.Action.CONFIRM) {
			require(outcome == null || outcome == item.outcome(),
					"A confirmation keeps the automatic outcome " + item.outcome() + "; override to change it");
			this.evaluations.insertReview(current.id(), itemKey, action, item.outcome(), item.points(), note, reviewer);
		}
		else {
			require(outcome != null, "An override needs an 'outcome': PASS, FAIL or NA");
			require(note != null, "An override needs a comment saying why");
			this.evaluations.insertReview(current.id(), itemKey, action, outcome, points(item, outcome, points), note,
					reviewer);
		}
		// The effective score changed: the search index and call lists show it.
		this.index.callChanged(callId);
		return view(current);
	}

	/** The points an override gives: as stated (within the item's range), else all of them for PASS, none for FAIL. */
	private static @Nullable Double points(AutomaticEvaluation.Item item, RuleOutcome outcome, @Nullable Double points) {
		if (outcome == RuleOutcome.NA) {
			require(points == null, "An N/A item has no points");
			return null;
		}
		if (points == null) {
			return (outcome == RuleOutcome.PASS) ? item.maxPoints() : 0.0;
		}
		require(points >= 0 && points <= item.maxPoints(),
				"Item '" + item.key() + "' takes 0 to " + item.maxPoints() + " points, not " + points);
		return points;
	}

	private AutomaticEvaluationView view(AutomaticEvaluation evaluation) {
		return AutomaticEvaluationView.of(evaluation, this.evaluations.reviews(evaluation.id()),
				this.evaluations.earlier(evaluation.callId()));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new InvalidReviewException(message);
		}
	}

}
