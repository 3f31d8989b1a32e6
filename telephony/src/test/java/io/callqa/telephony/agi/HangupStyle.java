package io.callqa.telephony.agi;

/**
 * How the fake Asterisk tells the FastAGI server that the caller hung up while a command was running.
 */
public enum HangupStyle {

	/**
	 * As Asterisk 22 does: the running command ends with {@code 200 result=-1}, then a {@code HANGUP} line, then every
	 * later command is refused with status 511 until the server closes the connection.
	 */
	DEAD_CHANNEL,

	/**
	 * The connection closes without a reply, as when Asterisk ends the AGI session or dies.
	 */
	CLOSE

}
