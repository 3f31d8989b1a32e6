package io.callqa.telephony;

/**
 * How a supervisor joins an agent's call: ChanSpy on the agent's channel, from the supervisor's own phone.
 */
public enum SpyMode {

	/** Hears both sides; nobody hears the supervisor. ChanSpy options {@code qE}. */
	LISTEN("qE"),

	/** Hears both sides; only the agent hears the supervisor (coaching). ChanSpy options {@code qEw}. */
	WHISPER("qEw"),

	/** Hears both sides; both hear the supervisor. ChanSpy options {@code qEB}. */
	BARGE("qEB");

	private final String chanSpyOptions;

	SpyMode(String chanSpyOptions) {
		this.chanSpyOptions = chanSpyOptions;
	}

	/** q: no beep, E: stop when the agent's channel hangs up; then w (whisper) or B (barge). */
	public String chanSpyOptions() {
		return this.chanSpyOptions;
	}

}
