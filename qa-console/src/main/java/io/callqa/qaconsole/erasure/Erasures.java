package io.callqa.qaconsole.erasure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.qaconsole.calldata.CallRows;
import io.callqa.qaconsole.retention.LegalHolds;
import io.callqa.telephony.CallData;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.Calls;
import io.callqa.transcription.TranscriptData;
import io.callqa.transcription.Transcriptions;

/**
 * Erasure on request of a customer number. Per kind:
 * <ul>
 * <li>a call's row stays for the statistics, without the number, the caller's name and Asterisk's ids; its legs,
 * transfers and alerts are deleted;</li>
 * <li>recordings are deleted with every copy on disk; transcripts, their words in the index and the transcription
 * jobs (checkpoints) are deleted;</li>
 * <li>callback requests lose number, name and note (open ones are cancelled); survey answers keep their score;</li>
 * <li>evaluations and calibrations keep their scores and lose their comments; automatic checks lose reasons,
 * evidence and review comments; promises lose the phrase and the number;</li>
 * <li>calls under a legal hold, and calls still in progress, are kept as they are, with the callback requests asked
 * for in them.</li>
 * </ul>
 * Everything happens in one transaction, upper modules first, telephony last; the files and the index's segments go
 * after the commit.
 */
@Service
class Erasures {

	static final String LEGAL_HOLD = "LEGAL_HOLD";

	static final String IN_PROGRESS = "IN_PROGRESS";

	private final CallData callData;

	private final Calls calls;

	private final Transcriptions transcriptions;

	private final TranscriptData transcripts;

	private final List<CallRows> features;

	private final ObjectProvider<LegalHolds> holds;

	private final ErasureAudit audit;

	private final TransactionTemplate transaction;

	Erasures(CallData callData, Calls calls, Transcriptions transcriptions, TranscriptData transcripts,
			List<CallRows> features, ObjectProvider<LegalHolds> holds, ErasureAudit audit,
			TransactionTemplate transaction) {
		this.callData = callData;
		this.calls = calls;
		this.transcriptions = transcriptions;
		this.transcripts = transcripts;
		this.features = features;
		this.holds = holds;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** What is held about the number, and what an erasure would keep. */
	Holdings lookup(String number) {
		List<Long> callIds = this.callData.callsOfNumber(number);
		Map<Long, CallSummary> summaries = this.calls.summaries(callIds);
		LegalHolds legalHolds = this.holds.getIfAvailable();
		Set<Long> held = (legalHolds != null) ? legalHolds.held(callIds) : Set.of();
		List<Holdings.HeldCall> heldCalls = new ArrayList<>();
		Set<Long> kept = new HashSet<>();
		for (long callId : callIds) {
			CallSummary call = summaries.get(callId);
			if (call == null) {
				continue;
			}
			String keptBecause = held.contains(callId) ? LEGAL_HOLD : (call.endedAt() == null) ? IN_PROGRESS : null;
			if (keptBecause != null) {
				kept.add(callId);
			}
			boolean transcribed = this.transcriptions.transcriptOf(callId).isPresent();
			heldCalls.add(new Holdings.HeldCall(callId, call.startedAt(), call.endedAt(), call.direction(),
					call.queue(), call.agent(), call.outcome(), call.durationSec(), call.hasRecording(), transcribed,
					keptBecause));
		}
		List<Holdings.HeldCallback> callbacks = this.callData.callbacksOfNumber(number)
			.stream()
			.map((c) -> new Holdings.HeldCallback(c.id(), c.queue(), c.state(), c.requestedAt(), c.originCallId(),
					c.name(), c.note(), c.originCallId() != null && kept.contains(c.originCallId())))
			.toList();
		List<Holdings.HeldSurveyAnswer> surveys = this.callData.surveyAnswers(callIds)
			.stream()
			.map((s) -> new Holdings.HeldSurveyAnswer(s.callId(), s.score(), s.answeredAt(), kept.contains(s.callId())))
			.toList();
		List<CallRows.Written> written = new ArrayList<>();
		if (!callIds.isEmpty()) {
			this.features.forEach((feature) -> written.addAll(feature.writtenAbout(callIds)));
		}
		Holdings.Counts counts = new Holdings.Counts(heldCalls.size(), kept.size(),
				(int) heldCalls.stream().filter(Holdings.HeldCall::hasRecording).count(),
				(int) heldCalls.stream().filter(Holdings.HeldCall::transcribed).count(), callbacks.size(),
				surveys.size(), written.size());
		return new Holdings(number, legalHolds != null, heldCalls, callbacks, surveys, written, counts);
	}

	/**
	 * Erases what is held about the number except the calls kept (legal hold, in progress), and records the audit.
	 * @throws HoldsUnknownException when no legal holds can be checked (nothing is erased then)
	 */
	AuditEntry erase(String number, String reason, String who) {
		if (this.holds.getIfAvailable() == null) {
			throw new HoldsUnknownException();
		}
		AuditEntry entry = this.transaction.execute((status) -> {
			// Read in the transaction that erases, so what is counted is what is erased.
			Holdings holdings = lookup(number);
			List<Long> erased = new ArrayList<>();
			List<Long> held = new ArrayList<>();
			List<Long> inProgress = new ArrayList<>();
			for (Holdings.HeldCall call : holdings.calls()) {
				if (LEGAL_HOLD.equals(call.kept())) {
					held.add(call.callId());
				}
				else if (IN_PROGRESS.equals(call.kept())) {
					inProgress.add(call.callId());
				}
				else {
					erased.add(call.callId());
				}
			}
			List<Long> callbacks = holdings.callbacks().stream().filter((c) -> !c.kept()).map(Holdings.HeldCallback::id)
				.toList();
			String digits = number.replaceAll("[^0-9]", "");
			Set<Long> erasedSet = Set.copyOf(erased);
			this.features.forEach((feature) -> {
				if (!erased.isEmpty()) {
					feature.erase(erased);
				}
				feature.eraseNumber(digits);
			});
			int transcripts = this.transcripts.deleteTranscripts(erased);
			this.callData.anonymiseCalls(erased);
			this.callData.anonymiseCallbacks(callbacks);
			Holdings.Counts counts = new Holdings.Counts(erased.size(), held.size() + inProgress.size(),
					(int) holdings.calls().stream().filter((c) -> erasedSet.contains(c.callId()) && c.hasRecording())
						.count(),
					transcripts, callbacks.size(),
					(int) holdings.surveyAnswers().stream().filter((s) -> !s.kept()).count(),
					(int) holdings.written().stream().filter((w) -> erasedSet.contains(w.callId())).count());
			return this.audit.add(who, reason, counts, held, inProgress);
		});
		// The re-indexed documents have no words and no number; the old ones are merged out of every segment.
		this.transcripts.purgeIndex(List.of());
		return entry;
	}

	List<AuditEntry> latest(int limit) {
		return this.audit.latest(limit);
	}

	/** No implementation of legal holds in this process: erasing could delete held calls. */
	static class HoldsUnknownException extends RuntimeException {

		HoldsUnknownException() {
			super("Legal holds cannot be checked: nothing was erased");
		}

	}

}
