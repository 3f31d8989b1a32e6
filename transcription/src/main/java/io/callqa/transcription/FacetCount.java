package io.callqa.transcription;

/**
 * How many of the matching calls have this value of a facet (an agent, a queue, an outcome, a category).
 */
public record FacetCount(String value, long count) {
}
