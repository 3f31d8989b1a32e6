package io.callqa.telephony;

/**
 * How one callback attempt ended.
 */
public enum AttemptOutcome {

	/** The customer answered and talked with the agent. */
	ANSWERED,
	/** The customer's phone rang without answer. */
	NO_ANSWER,
	/** The customer's line was busy. */
	BUSY,
	/** The customer could not be dialled, or Asterisk never reported a result. */
	FAILED,
	/** The agent, rung first, did not answer; the customer was never dialled. */
	AGENT_NO_ANSWER;

	/** Maps the customer leg's {@code DIALSTATUS}; anything but answer, no answer and busy is a failure. */
	public static AttemptOutcome ofDialStatus(String dialStatus) {
		return switch (dialStatus) {
			case "ANSWER" -> ANSWERED;
			case "NOANSWER" -> NO_ANSWER;
			case "BUSY" -> BUSY;
			default -> FAILED;
		};
	}

}
