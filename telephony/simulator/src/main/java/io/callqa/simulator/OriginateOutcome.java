package io.callqa.simulator;

import java.time.Duration;

/**
 * What happens to one {@code Originate} of an agent-first callback (agent leg first, then the customer dialled from
 * context {@code callback-out}), chosen per request by the function given to {@link AmiSimulator#onOriginate}.
 * <p>
 * OriginateResponse: Success / Reason 4 when the agent answers (then DIALSTATUS tells how the customer leg went);
 * Failure / Reason 3 (agent did not answer), 5 (agent busy) or the given reason (0 or 8: failure, congestion).
 */
public record OriginateOutcome(Result result, int reason, Duration ring, Duration talk) {

	/** The kinds of outcome. */
	public enum Result {

		ANSWERED, AGENT_NO_ANSWER, AGENT_BUSY, CUSTOMER_NO_ANSWER, CUSTOMER_BUSY, FAILURE

	}

	/** The customer answers after 2 s of ringing and talks for {@code talk}. */
	public static OriginateOutcome answered(Duration talk) {
		return new OriginateOutcome(Result.ANSWERED, 4, Duration.ofSeconds(2), talk);
	}

	/** The customer answers and talks for 12 s. */
	public static OriginateOutcome answered() {
		return answered(Duration.ofSeconds(12));
	}

	/** The agent's phone rings for the Originate timeout (30 s) unanswered: Failure, Reason 3. */
	public static OriginateOutcome agentNoAnswer() {
		return new OriginateOutcome(Result.AGENT_NO_ANSWER, 3, Duration.ofSeconds(30), Duration.ZERO);
	}

	/** The agent's phone is busy: Failure, Reason 5. */
	public static OriginateOutcome agentBusy() {
		return new OriginateOutcome(Result.AGENT_BUSY, 5, Duration.ofSeconds(1), Duration.ZERO);
	}

	/** The agent answers (Success, Reason 4); the customer never answers (DIALSTATUS=NOANSWER after 30 s). */
	public static OriginateOutcome customerNoAnswer() {
		return new OriginateOutcome(Result.CUSTOMER_NO_ANSWER, 4, Duration.ofSeconds(30), Duration.ZERO);
	}

	/** The agent answers (Success, Reason 4); the customer is busy (DIALSTATUS=BUSY). */
	public static OriginateOutcome customerBusy() {
		return new OriginateOutcome(Result.CUSTOMER_BUSY, 4, Duration.ofSeconds(1), Duration.ZERO);
	}

	/** No channel could be created: Failure with {@code reason} (0 failure, 1 hung up, 8 congestion). */
	public static OriginateOutcome failure(int reason) {
		if (reason == 4) {
			throw new IllegalArgumentException("Reason 4 means answered");
		}
		return new OriginateOutcome(Result.FAILURE, reason, Duration.ZERO, Duration.ZERO);
	}

	boolean agentAnswers() {
		return this.result == Result.ANSWERED || this.result == Result.CUSTOMER_NO_ANSWER
				|| this.result == Result.CUSTOMER_BUSY;
	}

}
