package io.callqa.qaconsole.rules;

import org.jspecify.annotations.Nullable;

public record CallFacts(long callId, @Nullable String agent, @Nullable String queue, String direction,
		@Nullable String outcome, @Nullable Double durationSec, @Nullable Double waitSec, @Nullable Double holdSec,
		@Nullable Integer surveyScore) {}
