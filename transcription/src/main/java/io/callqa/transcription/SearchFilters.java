package io.callqa.transcription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters that narrow a search without changing its scores; null means "any". {@code from} is inclusive and
 * {@code to} exclusive; every other bound is inclusive.
 *
 * @param outcome the call's outcome (ANSWERED, ABANDONED, ...)
 * @param direction INBOUND or OUTBOUND
 * @param hasRecording whether the call has a recording
 * @param evaluated whether a supervisor has evaluated the call
 * @param minScore lowest current QA score (0-100) of an evaluated call
 * @param minSurvey lowest survey score the caller gave
 * @param callbackRequested whether the caller asked to be called back
 * @param category the name of a category the call was tagged with
 * @param autoEvaluated whether the call has an automatic score (checked against the rules of its standard)
 * @param minAutoScore lowest effective automatic score (0-100) of a call that has one
 * @param autoCriticalFailed whether a critical item of the call's automatic evaluation failed (only calls that have
 *        an automatic score match either value)
 */
public record SearchFilters(@Nullable String agent, @Nullable String queue, @Nullable Instant from,
		@Nullable Instant to, @Nullable Double minDurationSec, @Nullable Double maxDurationSec,
		@Nullable String outcome, @Nullable String direction, @Nullable Boolean hasRecording,
		@Nullable Boolean evaluated, @Nullable Double minScore, @Nullable Double maxScore, @Nullable Integer minSurvey,
		@Nullable Integer maxSurvey, @Nullable Boolean callbackRequested, @Nullable String category,
		@Nullable Boolean autoEvaluated, @Nullable Double minAutoScore, @Nullable Double maxAutoScore,
		@Nullable Boolean autoCriticalFailed) {

	private static final SearchFilters NONE = new SearchFilters(null, null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null);

	/** The filters without the automatic score's. */
	public SearchFilters(@Nullable String agent, @Nullable String queue, @Nullable Instant from, @Nullable Instant to,
			@Nullable Double minDurationSec, @Nullable Double maxDurationSec, @Nullable String outcome,
			@Nullable String direction, @Nullable Boolean hasRecording, @Nullable Boolean evaluated,
			@Nullable Double minScore, @Nullable Double maxScore, @Nullable Integer minSurvey,
			@Nullable Integer maxSurvey, @Nullable Boolean callbackRequested, @Nullable String category) {
		this(agent, queue, from, to, minDurationSec, maxDurationSec, outcome, direction, hasRecording, evaluated,
				minScore, maxScore, minSurvey, maxSurvey, callbackRequested, category, null, null, null, null);
	}

	public static SearchFilters none() {
		return NONE;
	}

	/** The filters of the first search form: agent, queue, time and duration. */
	public static SearchFilters of(@Nullable String agent, @Nullable String queue, @Nullable Instant from,
			@Nullable Instant to, @Nullable Double minDurationSec, @Nullable Double maxDurationSec) {
		return new SearchFilters(agent, queue, from, to, minDurationSec, maxDurationSec, null, null, null, null, null,
				null, null, null, null, null);
	}

}
