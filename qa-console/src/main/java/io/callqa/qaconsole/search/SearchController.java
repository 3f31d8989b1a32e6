package io.callqa.qaconsole.search;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.telephony.CallOutcome;
import io.callqa.telephony.Direction;
import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchFilters;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.Transcriptions;

/**
 * Searches calls: Lucene query syntax in {@code q}, every filter the index holds, paged, with facet counts on
 * request (the automatic score's bands among them). One call into the search module, which applies the filters, exact totals and an agent's scope itself.
 */
@RestController
class SearchController {

	private final Transcriptions transcriptions;

	SearchController(Transcriptions transcriptions) {
		this.transcriptions = transcriptions;
	}

	/**
	 * An agent searches their own calls only: their {@code agent} parameter is ignored and the scope applied.
	 * Values out of range (a score outside 0-100, a survey outside 0-10, a minimum above its maximum) are a 400.
	 */
	@GetMapping("/api/search")
	SearchResults search(@RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Double minDuration,
			@RequestParam(required = false) @Nullable Double maxDuration,
			@RequestParam(required = false) @Nullable CallOutcome outcome,
			@RequestParam(required = false) @Nullable Direction direction,
			@RequestParam(required = false) @Nullable Boolean hasRecording,
			@RequestParam(required = false) @Nullable Boolean evaluated,
			@RequestParam(required = false) @Nullable Double minScore,
			@RequestParam(required = false) @Nullable Double maxScore,
			@RequestParam(required = false) @Nullable Integer minSurvey,
			@RequestParam(required = false) @Nullable Integer maxSurvey,
			@RequestParam(required = false) @Nullable Boolean callbackRequested,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable Boolean autoEvaluated,
			@RequestParam(required = false) @Nullable Double minAutoScore,
			@RequestParam(required = false) @Nullable Double maxAutoScore,
			@RequestParam(required = false) @Nullable Boolean autoCriticalFailed,
			@RequestParam(defaultValue = "false") boolean facets,
			@RequestParam(name = "matching", defaultValue = "stemmed") String matchingName,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size,
			@AuthenticationPrincipal CallQaUser user) {
		checkRange("minDuration", "maxDuration", minDuration, maxDuration, 0, Double.MAX_VALUE);
		checkRange("minScore", "maxScore", minScore, maxScore, 0, 100);
		checkRange("minAutoScore", "maxAutoScore", minAutoScore, maxAutoScore, 0, 100);
		checkRange("minSurvey", "maxSurvey", number(minSurvey), number(maxSurvey), 0, 10);
		String scope = user.agentScope();
		SearchFilters filters = new SearchFilters((scope != null) ? null : agent, queue, from, to, minDuration,
				maxDuration, name(outcome), name(direction), hasRecording, evaluated, minScore, maxScore, minSurvey,
				maxSurvey, callbackRequested, category, autoEvaluated, minAutoScore, maxAutoScore, autoCriticalFailed);
		SearchQuery query = new SearchQuery(q, Matching.of(matchingName), filters, scope, page, size, facets);
		return this.transcriptions.search(query);
	}

	private static void checkRange(String minName, String maxName, @Nullable Double min, @Nullable Double max,
			double lowest, double highest) {
		check(minName, min, lowest, highest);
		check(maxName, max, lowest, highest);
		if (min != null && max != null && min > max) {
			throw new IllegalArgumentException("'" + minName + "' (" + min + ") is above '" + maxName + "' (" + max
					+ ")");
		}
	}

	private static void check(String name, @Nullable Double value, double lowest, double highest) {
		if (value != null && !(value >= lowest && value <= highest)) {
			String range = (highest == Double.MAX_VALUE) ? " must be " + (long) lowest + " or more"
					: " must be from " + (long) lowest + " to " + (long) highest;
			throw new IllegalArgumentException("'" + name + "'" + range + ", was " + value);
		}
	}

	private static @Nullable Double number(@Nullable Integer value) {
		return (value != null) ? value.doubleValue() : null;
	}

	private static @Nullable String name(@Nullable Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
