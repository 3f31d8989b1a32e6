package io.callqa.telephony;

/**
 * Which way a call went, seen from the call center.
 */
public enum Direction {

	INBOUND, OUTBOUND, INTERNAL

}
