package io.callqa.qaconsole.calllists;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.autoscore.CurrentAutomaticScores;
import io.callqa.qaconsole.calls.CallAccessDeniedException;
import io.callqa.qaconsole.scoring.CurrentScores;
import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.telephony.CallFilter;
import io.callqa.telephony.Calls;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.CallerHistory;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;
import io.callqa.transcription.Utterance;

/**
 * Call lists (an agent's own only), the agent's live call and the caller's history beside it.
 */
@RestController
class CallListController {

	private static final int SNIPPET = 200;

	private final Calls summaries;

	private final Transcriptions transcriptions;

	private final CurrentScores scores;

	private final CurrentAutomaticScores automaticScores;

	CallListController(Calls summaries, Transcriptions transcriptions, CurrentScores scores,
			CurrentAutomaticScores automaticScores) {
		this.summaries = summaries;
		this.transcriptions = transcriptions;
		this.scores = scores;
		this.automaticScores = automaticScores;
	}

	@GetMapping("/api/calls")
	List<CallListItem> calls(@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String outcome, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "0") int offset, @AuthenticationPrincipal CallQaUser user) {
		String scoped = (user.agentScope() != null) ? user.agentScope() : agent;
		List<CallSummary> calls = this.summaries.list(new CallFilter(scoped, queue, from, to, outcome, null, limit,
				offset));
		List<Long> ids = calls.stream().map(CallSummary::id).toList();
		Map<Long, Double> latest = this.scores.ofCalls(ids);
		Map<Long, CurrentAutomaticScores.Result> automatic = this.automaticScores.ofCalls(ids);
		return calls.stream()
			.map((call) -> CallListItem.of(call, this.transcriptions.statusOf(call.id()).orElse(null),
					latest.get(call.id()), automatic.get(call.id())))
			.toList();
	}

	@GetMapping("/api/me/live-call")
	LiveCall liveCall(@AuthenticationPrincipal CallQaUser user) {
		String agent = user.agentScope();
		CallSummary call = (agent != null) ? this.summaries.liveCallOf(agent).orElse(null) : null;
		if (call == null || call.callerNumber() == null) {
			return new LiveCall(call, null);
		}
		return new LiveCall(call, history(call.callerNumber(), call.id()));
	}

	/** Staff look up any caller; an agent only the caller on their line. */
	@GetMapping("/api/callers/{number}/history")
	History callerHistory(@PathVariable String number, @AuthenticationPrincipal CallQaUser user) {
		if (user.agentScope() != null) {
			CallSummary live = this.summaries.liveCallOf(user.agentScope()).orElse(null);
			if (live == null || !number.equals(live.callerNumber())) {
				throw new CallAccessDeniedException(-1);
			}
		}
		return history(number, null);
	}

	private History history(String number, @Nullable Long excluding) {
		CallerHistory history = this.summaries.history(number, excluding, 10);
		List<PastCall> calls = history.calls().stream().map((call) -> new PastCall(call, snippet(call.id()))).toList();
		return new History(number, calls, history.openCallbacks(), history.lastSurvey());
	}

	private @Nullable String snippet(long callId) {
		Transcript transcript = this.transcriptions.transcriptOf(callId).orElse(null);
		if (transcript == null) {
			return null;
		}
		String text = String.join(" ", transcript.utterances().stream().map(Utterance::text).toList());
		return (text.length() <= SNIPPET) ? text : text.substring(0, SNIPPET) + "…";
	}

	/**
	 * A call in the call list (JSON of {@code /api/calls}): telephony's summary, its transcription state, its human
	 * score and its effective automatic score (null when none; {@code autoCriticalFailed} false then).
	 */
	record CallListItem(long id, Instant startedAt, @Nullable Instant endedAt, @Nullable String agent,
			@Nullable String queue, @Nullable String callerNumber, @Nullable String callerName, String direction,
			@Nullable String outcome, @Nullable Double durationSec, @Nullable Double waitSec, @Nullable Double talkSec,
			boolean hasRecording, @Nullable String transcription, @Nullable Double score, @Nullable Double autoScore,
			boolean autoCriticalFailed) {

		static CallListItem of(CallSummary call, @Nullable TranscriptionStatus status, @Nullable Double score,
				CurrentAutomaticScores.@Nullable Result automatic) {
			return new CallListItem(call.id(), call.startedAt(), call.endedAt(), call.agent(), call.queue(),
					call.callerNumber(), call.callerName(), call.direction(), call.outcome(), call.durationSec(),
					call.waitSec(), call.talkSec(), call.hasRecording(), (status != null) ? status.state() : null,
					score, (automatic != null) ? automatic.score() : null,
					automatic != null && automatic.criticalFailed());
		}

	}

	record LiveCall(@Nullable CallSummary call, @Nullable History history) {
	}

	record History(String number, List<PastCall> calls, List<CallerHistory.OpenCallback> openCallbacks,
			CallerHistory.@Nullable LastSurvey lastSurvey) {
	}

	record PastCall(long id, Instant startedAt, @Nullable String agent, @Nullable String queue,
			@Nullable String outcome, @Nullable Double durationSec, @Nullable String snippet) {

		PastCall(CallSummary call, @Nullable String snippet) {
			this(call.id(), call.startedAt(), call.agent(), call.queue(), call.outcome(), call.durationSec(), snippet);
		}

	}

}
