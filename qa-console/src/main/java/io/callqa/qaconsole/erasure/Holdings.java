package io.callqa.qaconsole.erasure;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.callqa.qaconsole.calldata.CallRows;

/**
 * Everything held about a customer number: its calls (with what each keeps), callback requests, survey answers and
 * what was written about the calls; whether legal holds could be checked.
 */
record Holdings(String number, boolean holdsKnown, List<HeldCall> calls, List<HeldCallback> callbacks,
		List<HeldSurveyAnswer> surveyAnswers, List<CallRows.Written> written, Counts counts) {

	/**
	 * @param kept why the call would be kept by an erasure: {@code LEGAL_HOLD}, {@code IN_PROGRESS}, or null
	 */
	record HeldCall(long callId, Instant startedAt, @Nullable Instant endedAt, String direction, @Nullable String queue,
			@Nullable String agent, @Nullable String outcome, @Nullable Double durationSec, boolean hasRecording,
			boolean transcribed, @Nullable String kept) {
	}

	record HeldCallback(long id, String queue, String state, Instant requestedAt, @Nullable Long originCallId,
			@Nullable String name, @Nullable String note, boolean kept) {
	}

	record HeldSurveyAnswer(long callId, @Nullable Integer score, Instant answeredAt, boolean kept) {
	}

	/** How many of each kind; {@code keptCalls}: under a legal hold or in progress. */
	record Counts(int calls, int keptCalls, int recordings, int transcripts, int callbacks, int surveyAnswers,
			int comments) {
	}

}
