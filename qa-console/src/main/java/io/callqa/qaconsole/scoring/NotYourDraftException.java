package io.callqa.qaconsole.scoring;

/**
 * Someone other than its evaluator tried to change a draft evaluation.
 */
class NotYourDraftException extends RuntimeException {

	NotYourDraftException(long id, String evaluator) {
		super("Evaluation " + id + " is a draft of " + evaluator + "; only they can change or submit it");
	}

}
