package io.callqa.qaconsole.calibration;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The spread of a session's answers: per call and item every submitted answer (all saved ones once the session is
 * closed), the agreement, the standard deviation of the points, and the agreed answer when the owner recorded one;
 * per item the same over all calls.
 */
record CalibrationSpread(long sessionId, boolean closed, List<String> answeredBy, List<CallSpread> calls,
		List<ItemSummary> items) {

	record CallSpread(long callId, List<ItemSpread> items) {
	}

	/**
	 * @param agreement the share of the answers equal to the most common answer (N/A counts as an answer), null
	 * without answers
	 * @param commonAnswer the most common answer ("NA" for N/A; ties: the lower value)
	 * @param meanPoints mean of the values (N/A left out)
	 * @param standardDeviation population standard deviation of the values (N/A left out), null without values
	 */
	record ItemSpread(String key, String label, List<ParticipantAnswer> answers, @Nullable Double agreement,
			@Nullable String commonAnswer, @Nullable Double meanPoints, @Nullable Double standardDeviation,
			@Nullable Agreed agreed) {
	}

	record ParticipantAnswer(String username, @Nullable Double value, boolean na, @Nullable String comment) {
	}

	record Agreed(@Nullable Double value, boolean na, @Nullable String comment, String decidedBy, Instant decidedAt) {
	}

	/** One item over all the session's calls: mean agreement and mean standard deviation of the call lines. */
	record ItemSummary(String key, String label, int answers, @Nullable Double meanAgreement,
			@Nullable Double meanStandardDeviation, int agreedAnswers) {
	}

}
