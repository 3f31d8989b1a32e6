package io.callqa.telephony;

/**
 * How a supervisor joins an agent's call: ChanSpy on the agent's channel, from the supervisor's own phone.
 */
public enum SpyMode {

	/** Hears both sides; nobody hears the supervisor. ChanSpy options {@code qE} (and {@code u}). */
	LISTEN("qE"),

	/** Hears both sides; only the agent hears the supervisor (coaching). ChanSpy options {@code qEw} (and {@code u}). */
	WHISPER("qEw"),

	/** Hears both sides; both hear the supervisor. ChanSpy options {@code qEB} (and {@code u}). */
	BARGE("qEB");

	private final String options;

	SpyMode(String options) {
		this.options = options;
	}

	/**
	 * The mode's options, for ChanSpy given a channel name prefix (a supervisor dialling by hand): q no beep, E stop
	 * when the spied-on channel hangs up, then w (whisper) or B (barge).
	 */
	public String options() {
		return this.options;
	}

	/**
	 * What callqa's Originate runs: the mode's options and u, the one exact channel named. When the agent's call
	 * ended just before, ChanSpy then hangs up the supervisor's phone at once instead of leaving it in silence.
	 */
	public String chanSpyOptions() {
		return this.options + "u";
	}

}
