package io.callqa.telephony.callbacks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.telephony.AttemptOutcome;
import io.callqa.telephony.CallbackAttempt;
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.CallbackState;
import io.callqa.telephony.calls.QueueMemberState;

/**
 * The engine's writes, each in its own transaction: claiming due requests, and moving attempts and their requests on.
 */
@Component
class CallbackAttempts {

	private static final Logger logger = LoggerFactory.getLogger(CallbackAttempts.class);

	private final CallbackRepository requests;

	private final CallbackProperties properties;

	CallbackAttempts(CallbackRepository requests, CallbackProperties properties) {
		this.requests = requests;
		this.properties = properties;
	}

	/**
	 * Claims the due requests that can be dialled now: outside calling hours they move to the next opening, without a
	 * free member they stay due (no attempt counted), the rest get an attempt and become {@code DIALLING}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	List<CallbackEngine.Dial> claimDue(Instant now, CallbackEngine.MemberPicker picker) {
		Set<String> busy = new HashSet<>(this.requests.agentsOnAttempts());
		List<CallbackEngine.Dial> dials = new ArrayList<>();
		for (CallbackRequest request : this.requests.lockDue(now, this.properties.batchSize())) {
			QueueSettings queue = this.properties.forQueue(request.queue());
			if (!queue.callingHours().isOpen(now)) {
				this.requests.postpone(request.id(), queue.callingHours().nextOpening(now), now);
				continue;
			}
			Optional<QueueMemberState> member = picker.pick(request, busy);
			member.ifPresent((free) -> {
				busy.add(free.name());
				dials.add(claim(request, free, queue, now));
			});
		}
		return dials;
	}

	private CallbackEngine.Dial claim(CallbackRequest request, QueueMemberState member, QueueSettings queue,
			Instant now) {
		int attemptNo = request.attempts() + 1;
		long attemptId = this.requests.insertAttempt(request.id(), attemptNo, member.name(), member.server(), now);
		this.requests.markDialling(request.id(), now);
		return CallbackEngine.Dial.of(request, attemptId, attemptNo, member, queue);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	List<Long> overdue(Instant originateDeadline, Instant callDeadline) {
		return this.requests.overdueAttempts(originateDeadline, callDeadline);
	}

	/** Asterisk reported the agent's leg up: the attempt now waits for the call's end. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void originated(long attemptId, Instant now) {
		this.requests.markOriginated(attemptId, now);
	}

	/**
	 * Ends an attempt, then its request: done when answered, else retried after the delay until its attempts are used
	 * up. An attempt that already ended (a late or repeated result) only learns its call.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void finish(long attemptId, AttemptOutcome outcome, @Nullable String reason, @Nullable Long callId, Instant now) {
		Optional<CallbackAttempt> attempt = this.requests.lockAttempt(attemptId);
		if (attempt.isEmpty()) {
			logger.warn("Callback attempt {} is unknown; result {} ignored (call {})", attemptId, outcome, callId);
			return;
		}
		if (attempt.get().endedAt() != null) {
			logger.info("Callback attempt {} already ended {}; late result {} ignored", attemptId,
					attempt.get().outcome(), outcome);
			if (callId != null) {
				this.requests.linkAttemptCall(attemptId, callId);
			}
			return;
		}
		this.requests.endAttempt(attemptId, outcome, reason, callId, now);
		this.requests.lock(attempt.get().requestId()).ifPresent((request) -> moveOn(request, outcome, now));
	}

	private void moveOn(CallbackRequest request, AttemptOutcome outcome, Instant now) {
		if (request.state() != CallbackState.DIALLING) {
			// Cancelled meanwhile: the attempt is recorded, the request stays as it is.
			return;
		}
		if (outcome == AttemptOutcome.ANSWERED) {
			this.requests.close(request.id(), CallbackState.DONE, now);
		}
		else if (request.attempts() >= request.maxAttempts()) {
			logger.info("Callback request {} for {} failed after {} attempts", request.id(), request.number(),
					request.attempts());
			this.requests.close(request.id(), CallbackState.FAILED, now);
		}
		else {
			this.requests.reopen(request.id(), now.plus(this.properties.forQueue(request.queue()).retryDelay()), now);
		}
	}

}
