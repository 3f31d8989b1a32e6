package io.callqa.qaconsole.calibration;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A calibration session as one participant sees it: the calls, who takes part (and who submitted), the scorecard's
 * items, and this participant's own answers only.
 */
record CalibrationSession(long id, String title, long standardId, long scorecardVersionId, int version, String owner,
		Instant createdAt, @Nullable Instant closedAt, List<SessionCall> calls, List<Participant> participants,
		List<ItemInfo> items, List<SessionAnswer> myAnswers, @Nullable Instant mySubmittedAt) {

	record SessionCall(long callId, @Nullable String agent, @Nullable String queue, @Nullable Instant startedAt) {
	}

	record Participant(String username, @Nullable Instant submittedAt) {
	}

	/** An item of the session's scorecard version: YES_NO takes 1/0, POINTS 0..max. */
	record ItemInfo(String key, String label, String type, int max, boolean naAllowed, boolean critical) {
	}

	/** One answer (value or N/A) to one item of one call. */
	record SessionAnswer(long callId, String key, @Nullable Double value, boolean na, @Nullable String comment) {
	}

	/** A short line for the list of sessions. */
	record Summary(long id, String title, String owner, Instant createdAt, @Nullable Instant closedAt, int calls,
			int participants, int submitted, @Nullable Instant mySubmittedAt) {
	}

}
