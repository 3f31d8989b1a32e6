package io.callqa.simulator;

/**
 * Asterisk's device states: the number is what {@code QueueMemberStatus} reports as {@code Status}, the name what
 * {@code DeviceStateChange} reports as {@code State}.
 */
public enum DeviceState {

	UNKNOWN(0), NOT_INUSE(1), INUSE(2), BUSY(3), INVALID(4), UNAVAILABLE(5), RINGING(6), RINGINUSE(7), ONHOLD(8);

	private final int code;

	DeviceState(int code) {
		this.code = code;
	}

	/** The {@code Status} number of QueueMember / QueueMemberStatus. */
	public int code() {
		return this.code;
	}

	static DeviceState ofCode(int code) {
		for (DeviceState state : values()) {
			if (state.code == code) {
				return state;
			}
		}
		return UNKNOWN;
	}

	/** app_queue's member_status_available(): a member in this state can be offered a call (if not paused). */
	boolean available() {
		return this == NOT_INUSE || this == UNKNOWN;
	}

	/** app_queue counts these members as logged out in QueueSummary's LoggedIn. */
	boolean loggedOut() {
		return this == UNAVAILABLE || this == INVALID;
	}

}
