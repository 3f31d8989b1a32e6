package io.callqa.qaconsole.rules;

/**
 * What decided an item, at its place in the recording: words said (with the speaker, "agent", "customer" or "mixed"),
 * a stretch of silence (speaker "nobody") or of talk-over (the speaker who started talking into the other's speech).
 */
public record Evidence(double startSec, double endSec, String speaker, String words) {

	/** Who is "speaking" in a stretch of dead air. */
	public static final String NOBODY = "nobody";

}
