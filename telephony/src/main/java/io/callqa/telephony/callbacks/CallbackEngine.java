package io.callqa.telephony.callbacks;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.callqa.telephony.AttemptOutcome;
import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.ami.AmiActions;
import io.callqa.telephony.ami.OriginateRequest;
import io.callqa.telephony.ami.OriginateResult;
import io.callqa.telephony.calls.QueueMemberState;
import io.callqa.telephony.calls.QueueMembers;

/**
 * Dials due callbacks agent first: claims them, rings a free queue member, then follows each attempt to its end
 * (Originate result, then the call's end) and decides whether to retry.
 */
@Component
class CallbackEngine {

	private static final Logger logger = LoggerFactory.getLogger(CallbackEngine.class);

	static final String ATTEMPT_VARIABLE = "CALLQA_ATTEMPT";

	static final String REQUEST_VARIABLE = "CALLQA_REQUEST";

	/** The agent rung and the request's queue, so the callback call is the agent's and the queue's call. */
	static final String AGENT_VARIABLE = "CALLQA_AGENT";

	static final String QUEUE_VARIABLE = "CALLQA_QUEUE";

	private final CallbackAttempts attempts;

	private final ObjectProvider<AmiActions> ami;

	private final ObjectProvider<QueueMembers> members;

	private final CallbackProperties properties;

	private final Clock clock;

	private volatile boolean missingConnectorLogged;

	CallbackEngine(CallbackAttempts attempts, ObjectProvider<AmiActions> ami, ObjectProvider<QueueMembers> members,
			CallbackProperties properties, Clock clock) {
		this.attempts = attempts;
		this.ami = ami;
		this.members = members;
		this.properties = properties;
		this.clock = clock;
	}

	/** One round: times out attempts whose result never came, then dials what is due. */
	void poll() {
		AmiActions actions = this.ami.getIfAvailable();
		QueueMembers queueMembers = this.members.getIfAvailable();
		if (actions == null || queueMembers == null) {
			logMissingConnectorOnce();
			return;
		}
		Instant now = this.clock.instant();
		timeOutOverdue(now);
		this.attempts.claimDue(now, (request, busy) -> pickMember(queueMembers, request, busy))
			.forEach((dial) -> originate(actions, dial));
	}

	/** A call ended: if a callback attempt made it, that attempt ends with the customer leg's outcome. */
	void onCallEnded(CallEnded call) {
		Long attemptId = call.callbackAttemptId();
		if (attemptId == null) {
			return;
		}
		String dialStatus = call.dialStatus();
		// No DIALSTATUS: the customer was never dialled, so the agent's leg did not answer. The OriginateResponse
		// (Failure, reason 1/3) says the same and may arrive before or after this: both must agree.
		AttemptOutcome outcome = (dialStatus != null) ? AttemptOutcome.ofDialStatus(dialStatus)
				: AttemptOutcome.AGENT_NO_ANSWER;
		String reason = (outcome == AttemptOutcome.ANSWERED) ? null : reason(call);
		this.attempts.finish(attemptId, outcome, reason, call.callId(), this.clock.instant());
	}

	private static String reason(CallEnded call) {
		return (call.dialStatus() != null) ? "DIALSTATUS " + call.dialStatus()
				: "agent leg ended before the customer was dialled (" + call.outcome() + ")";
	}

	private void timeOutOverdue(Instant now) {
		Instant originateDeadline = now.minus(this.properties.originateResultTimeout());
		Instant callDeadline = now.minus(this.properties.callResultTimeout());
		for (long attemptId : this.attempts.overdue(originateDeadline, callDeadline)) {
			logger.warn("Callback attempt {}: no result from Asterisk in time (AMI link lost?); counted as failed",
					attemptId);
			this.attempts.finish(attemptId, AttemptOutcome.FAILED, "no result from Asterisk (timed out)", null, now);
		}
	}

	// The member idle longest, among the free ones not already on a callback; only the assigned agent if any.
	private Optional<QueueMemberState> pickMember(QueueMembers queueMembers, CallbackRequest request,
			Set<String> busy) {
		return queueMembers.available(request.queue())
			.stream()
			.filter((member) -> !busy.contains(member.name()))
			.filter((member) -> request.assignedAgent() == null || request.assignedAgent().equals(member.name()))
			.min(Comparator.comparing(QueueMemberState::updatedAt));
	}

	private void originate(AmiActions actions, Dial dial) {
		logger.info("Callback request {}: attempt {} rings {} on {} for {}", dial.requestId(), dial.attemptId(),
				dial.originate().channel(), dial.server(), dial.originate().exten());
		try {
			actions.originate(dial.server(), dial.originate())
				.whenComplete((result, failure) -> onOriginated(dial, result, failure));
		}
		catch (RuntimeException ex) {
			onOriginated(dial, null, ex);
		}
	}

	private void onOriginated(Dial dial, @Nullable OriginateResult result, @Nullable Throwable failure) {
		Instant now = this.clock.instant();
		try {
			if (result == null || failure != null) {
				String why = (failure != null) ? failure.toString() : "no Originate result";
				logger.warn("Callback attempt {}: Originate failed: {}", dial.attemptId(), why);
				this.attempts.finish(dial.attemptId(), AttemptOutcome.FAILED, "Originate failed: " + why, null, now);
			}
			else if (result.success()) {
				this.attempts.originated(dial.attemptId(), now);
			}
			else {
				this.attempts.finish(dial.attemptId(), outcomeOf(result), describe(result), null, now);
			}
		}
		catch (RuntimeException ex) {
			// The overdue sweep retries this attempt later; never let it escape into the connector's thread.
			logger.error("Callback attempt {}: could not record the Originate result: {}", dial.attemptId(),
					ex.toString());
		}
	}

	private static AttemptOutcome outcomeOf(OriginateResult result) {
		// 1 and 3: the agent's phone rang without answer, so the customer was never dialled.
		return (result.reason() == 1 || result.reason() == 3) ? AttemptOutcome.AGENT_NO_ANSWER : AttemptOutcome.FAILED;
	}

	private static String describe(OriginateResult result) {
		String meaning = switch (result.reason()) {
			case 0 -> "no such extension or number";
			case 1 -> "agent did not answer";
			case 3 -> "agent rang without answer";
			case 5 -> "agent busy";
			case 8 -> "congested or not available";
			default -> "unknown reason";
		};
		return "Originate " + result.response() + ", reason " + result.reason() + ": " + meaning;
	}

	private void logMissingConnectorOnce() {
		if (!this.missingConnectorLogged) {
			this.missingConnectorLogged = true;
			logger.warn("No AMI connector (AmiActions, QueueMembers) in this application: callbacks are not dialled");
		}
	}

	/**
	 * A claimed attempt, ready to be originated once its claim is committed.
	 */
	record Dial(long requestId, long attemptId, String server, OriginateRequest originate) {

		static Dial of(CallbackRequest request, long attemptId, int attemptNo, QueueMemberState member,
				QueueSettings queue) {
			Map<String, String> variables = Map.of(ATTEMPT_VARIABLE, Long.toString(attemptId), REQUEST_VARIABLE,
					Long.toString(request.id()), AGENT_VARIABLE, member.name(), QUEUE_VARIABLE, request.queue());
			OriginateRequest originate = new OriginateRequest(CallbackRepository.actionId(request.id(), attemptNo),
					queue.agentChannelFor(member.name()), queue.context(), request.number(), 1, queue.callerId(),
					queue.ringTimeout(), variables);
			return new Dial(request.id(), attemptId, member.server(), originate);
		}

	}

	/** Chooses who takes a request, given the agents already taken. */
	interface MemberPicker {

		Optional<QueueMemberState> pick(CallbackRequest request, Set<String> busy);

	}

}
