package io.callqa.transcription;

import java.util.List;

/**
 * What customers ask: two- and three-word phrases customers said (common words aside), by the calls they were said
 * in, in a period and the previous one of the same length.
 *
 * @param frequent the phrases said in most calls of the period
 * @param rising the phrases whose share of calls grew most against the previous period
 */
public record CustomerPhrases(long calls, long previousCalls, List<CategoryTrends.Change> frequent,
		List<CategoryTrends.Change> rising) {
}
