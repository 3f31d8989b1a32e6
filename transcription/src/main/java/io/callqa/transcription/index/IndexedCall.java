package io.callqa.transcription.index;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.callqa.transcription.Transcript;

/**
 * What is indexed for one call; metadata may be missing, the transcript too (a call not recorded, or not transcribed
 * yet: its document holds the metadata alone), and a transcript may have no utterances (silence).
 */
record IndexedCall(long callId, @Nullable String agent, @Nullable String queue, @Nullable String direction,
		@Nullable String callerNumber, @Nullable Instant startedAt, double durationSec, @Nullable String outcome,
		@Nullable Transcript transcript, Facts facts) {

	/** A transcribed call without recording, evaluation, survey or callback facts (for tests and benchmarks). */
	IndexedCall(long callId, @Nullable String agent, @Nullable String queue, @Nullable String direction,
			@Nullable String callerNumber, @Nullable Instant startedAt, double durationSec, @Nullable String outcome,
			Transcript transcript) {
		this(callId, agent, queue, direction, callerNumber, startedAt, durationSec, outcome, transcript, Facts.NONE);
	}

	IndexedCall with(Facts facts) {
		return new IndexedCall(this.callId, this.agent, this.queue, this.direction, this.callerNumber, this.startedAt,
				this.durationSec, this.outcome, this.transcript, facts);
	}

	/**
	 * What the filters ask about a call besides its metadata, from telephony (recording, survey, callback) and QA
	 * scoring (the current score, the automatic one).
	 *
	 * @param qaScore the current QA score (0-100); null when not evaluated
	 * @param surveyScore the caller's latest survey score (0-10); null when not surveyed
	 * @param autoScore the effective automatic score (0-100); null when the call has no automatic score
	 * @param autoCriticalFailed whether a critical item of the automatic evaluation failed (false without one)
	 */
	record Facts(boolean hasRecording, @Nullable Double qaScore, @Nullable Integer surveyScore,
			boolean callbackRequested, @Nullable Double autoScore, boolean autoCriticalFailed) {

		static final Facts NONE = new Facts(false, null, null, false);

		/** Facts without an automatic score. */
		Facts(boolean hasRecording, @Nullable Double qaScore, @Nullable Integer surveyScore,
				boolean callbackRequested) {
			this(hasRecording, qaScore, surveyScore, callbackRequested, null, false);
		}

		boolean autoEvaluated() {
			return this.autoScore != null;
		}

		boolean evaluated() {
			return this.qaScore != null;
		}

	}

}
