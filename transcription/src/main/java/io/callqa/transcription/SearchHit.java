package io.callqa.transcription;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One matching call: what the result list shows about it and up to three highlighted snippets of its transcript.
 * {@code score} is 0 when calls are listed by start time rather than relevance.
 */
public record SearchHit(long callId, float score, @Nullable String agent, @Nullable String queue,
		@Nullable String direction, @Nullable String callerNumber, @Nullable Instant startedAt, double durationSec,
		@Nullable String outcome, List<Snippet> snippets) {

	public SearchHit {
		snippets = List.copyOf(snippets);
	}

}
