package io.callqa.telephony;

import org.jspecify.annotations.Nullable;

/**
 * Post-call survey answers of a period: how many, their average (0-10) and the Net Promoter Score, the percentage of
 * promoters (9-10) minus the percentage of detractors (0-6); null when nobody answered.
 */
public record Satisfaction(long responses, @Nullable Double average, @Nullable Double nps, long promoters,
		long detractors) {
}
