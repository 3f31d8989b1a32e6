package io.callqa.qaconsole.promises;

/**
 * Where a promise stands. Only a callback promise to a known number can be checked against later calls; the others
 * are {@link #NOT_CHECKED}.
 */
public enum PromiseState {

	/** Not due yet, and no call to the customer yet. */
	OPEN,
	/** A connected outbound call to the customer's number started before the due time. */
	KEPT,
	/** That call came, but after the due time. */
	LATE,
	/** The due time passed without it; becomes {@link #LATE} if the call still comes. */
	BROKEN,
	/** Nothing a call can prove: an e-mail, another promise, or a call without the customer's number. */
	NOT_CHECKED

}
