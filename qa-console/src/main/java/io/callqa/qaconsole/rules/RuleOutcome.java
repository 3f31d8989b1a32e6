package io.callqa.qaconsole.rules;

public enum RuleOutcome { PASS, FAIL, NA }
