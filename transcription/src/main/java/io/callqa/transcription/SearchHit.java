package io.callqa.transcription;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One matching call: what the result list shows about it and up to three highlighted snippets of its transcript
 * (none for a call without a transcript). {@code score} is 0 when calls are listed by start time rather than
 * relevance.
 *
 * @param qaScore the current QA score (0-100); null when the call has not been evaluated
 * @param surveyScore the caller's latest survey score (0-10); null when none
 * @param autoScore the effective automatic score (0-100, reviews applied); null when the call has none
 * @param autoCriticalFailed whether a critical item of the automatic evaluation failed (false without one)
 */
public record SearchHit(long callId, float score, @Nullable String agent, @Nullable String queue,
		@Nullable String direction, @Nullable String callerNumber, @Nullable Instant startedAt, double durationSec,
		@Nullable String outcome, List<Snippet> snippets, boolean hasRecording, @Nullable Double qaScore,
		@Nullable Integer surveyScore, boolean callbackRequested, @Nullable Double autoScore,
		boolean autoCriticalFailed) {

	public SearchHit {
		snippets = List.copyOf(snippets);
	}

	/** A hit without the recording, evaluation, survey and callback facts. */
	public SearchHit(long callId, float score, @Nullable String agent, @Nullable String queue,
			@Nullable String direction, @Nullable String callerNumber, @Nullable Instant startedAt, double durationSec,
			@Nullable String outcome, List<Snippet> snippets) {
		this(callId, score, agent, queue, direction, callerNumber, startedAt, durationSec, outcome, snippets, false,
				null, null, false, null, false);
	}

	/** Whether the call has a current QA evaluation. */
	public boolean evaluated() {
		return this.qaScore != null;
	}

}
