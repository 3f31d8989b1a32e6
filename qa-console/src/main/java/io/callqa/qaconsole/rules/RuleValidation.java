package io.callqa.qaconsole.rules;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.TranscriptChecks;

/**
 * Checks a rule before its standard is saved: its structure ({@link Rule#problem()}) and that its queries parse as the
 * search parses them.
 */
@Component
public class RuleValidation {

	private final TranscriptChecks checks;

	RuleValidation(TranscriptChecks checks) {
		this.checks = checks;
	}

	/** Why the rule cannot be used, in words for the person who wrote it; null when it can. */
	public @Nullable String problem(Rule rule) {
		String problem = rule.problem();
		if (problem != null || !rule.parsedKind().isPhrase()) {
			return problem;
		}
		try {
			this.checks.compile(RuleEngine.phraseChecks(rule));
			return null;
		}
		catch (InvalidSearchException ex) {
			return "the rule's query cannot be searched: " + ex.getMessage();
		}
	}

}
