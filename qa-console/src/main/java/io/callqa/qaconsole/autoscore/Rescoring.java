package io.callqa.qaconsole.autoscore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Evaluates given calls again now, for features that change what scores a call (a call marked as a test call): each
 * call's result replaces its current evaluation, which stays listed under {@code earlier} with its reviews.
 */
@Service
public class Rescoring {

	private final AutomaticEvaluator evaluator;

	private final AutoscoreProperties settings;

	Rescoring(AutomaticEvaluator evaluator, AutoscoreProperties settings) {
		this.evaluator = evaluator;
		this.settings = settings;
	}

	/**
	 * Evaluates the calls that have a transcript (the others are scored when transcribed), in batches.
	 * @return how many evaluations were stored
	 */
	public int rescore(Collection<Long> callIds) {
		if (!this.settings.enabled()) {
			// A process that does not score (callqa.autoscore.enabled=false) leaves it to the one that does.
			return 0;
		}
		List<Long> ids = new ArrayList<>(callIds);
		int stored = 0;
		for (int at = 0; at < ids.size(); at += this.settings.batchSize()) {
			stored += this.evaluator.evaluateAll(ids.subList(at, Math.min(ids.size(), at + this.settings.batchSize())),
					AutomaticEvaluator.Mode.REPLACE);
		}
		return stored;
	}

}
