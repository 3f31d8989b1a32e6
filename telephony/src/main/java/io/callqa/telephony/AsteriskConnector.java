package io.callqa.telephony;

/**
 * The connections to the Asterisk servers, as health checks and the status page see them.
 */
public interface AsteriskConnector {

	/** Each configured server's connection and the event lag, now. */
	ConnectorStatus status();

}
