package io.callqa.transcription.index;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The bands of the automatic score facet. Scores have at most two decimals, so a band's upper bound is its label's
 * number + 0.99 ({@code 50-69} is 50 to 69.99).
 */
final class AutoScoreBands {

	static final String NONE = "none";

	/** In the order the facet lists them: worst first, then calls without an automatic score. */
	static final List<String> LABELS = List.of("<50", "50-69", "70-84", "85-100", NONE);

	private AutoScoreBands() {
	}

	static String of(@Nullable Double score) {
		if (score == null) {
			return NONE;
		}
		if (score < 50) {
			return "<50";
		}
		if (score < 70) {
			return "50-69";
		}
		return (score < 85) ? "70-84" : "85-100";
	}

}
