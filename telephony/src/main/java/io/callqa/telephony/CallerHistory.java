package io.callqa.telephony;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the agent should know when a caller is on the line, so the customer never repeats the story: earlier calls,
 * callbacks still open and the last survey answer.
 */
public record CallerHistory(String number, List<CallSummary> calls, List<OpenCallback> openCallbacks,
		@Nullable LastSurvey lastSurvey) {

	public CallerHistory {
		calls = List.copyOf(calls);
		openCallbacks = List.copyOf(openCallbacks);
	}

	public record OpenCallback(long id, String queue, Instant requestedAt, Instant promisedBy, String state) {
	}

	public record LastSurvey(int score, Instant answeredAt, @Nullable String agent) {
	}

}
