package io.callqa.telephony;

/**
 * Why a supervisor is alerted.
 */
public enum AlertKind {

	/** A caller rated a call under the survey's alarm threshold (5 of 10 by default). */
	LOW_SURVEY,
	/** A promised callback is still not made after its promised time. */
	OVERDUE_CALLBACK,
	/** An evaluation failed a critical item of the standard. */
	FAILED_CRITICAL,
	/** An agent's callback promise passed its due time with no call to the customer. */
	BROKEN_PROMISE,
	/** An automatic evaluation failed a critical item (a forbidden phrase, ...). */
	AUTOMATIC_FAILED_CRITICAL,
	/** An agent's automatic average of a day fell under the standard's pass mark. */
	BELOW_PASS_MARK

}
