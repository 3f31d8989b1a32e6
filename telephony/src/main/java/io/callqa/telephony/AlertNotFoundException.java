package io.callqa.telephony;

/**
 * No supervisor alert has the given id.
 */
public class AlertNotFoundException extends RuntimeException {

	private final long alertId;

	public AlertNotFoundException(long alertId) {
		super("No supervisor alert with id " + alertId);
		this.alertId = alertId;
	}

	public long alertId() {
		return this.alertId;
	}

}
