package io.callqa.qaconsole.rules;

/**
 * What a rule found: the item passed, failed, or the rule could not apply to this call (N/A, with the reason).
 */
public enum RuleOutcome {

	PASS, FAIL, NA

}
