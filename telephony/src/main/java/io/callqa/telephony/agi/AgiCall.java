package io.callqa.telephony.agi;

import org.jspecify.annotations.Nullable;

/**
 * One call in a FastAGI script, in our words: what the request said and the few commands our scripts send. Every
 * command goes to Asterisk and waits for its answer; a caller who hung up meanwhile ends it with
 * {@link CallerHungUpException}.
 */
public interface AgiCall {

	/** The channel's Uniqueid ({@code agi_uniqueid}). */
	String uniqueid();

	@Nullable String callerNumber();

	@Nullable String callerName();

	/** A parameter of the AGI URL ({@code agi://host/script?queue=support}), or null. */
	@Nullable String argument(String name);

	void answer() throws AgiCallException;

	/** A channel variable ({@code GET VARIABLE}), or null when unset. */
	@Nullable String variable(String name) throws AgiCallException;

	void setVariable(String name, @Nullable String value) throws AgiCallException;

	/**
	 * Plays {@code file} and reads up to {@code maxDigits} keys ({@code GET DATA}).
	 * @return the keys pressed, empty when none, {@code "-1"} when the caller hung up meanwhile
	 */
	@Nullable String getData(String file, long timeoutMillis, int maxDigits) throws AgiCallException;

	void streamFile(String file) throws AgiCallException;

	void sayNumber(String number) throws AgiCallException;

	void hangup() throws AgiCallException;

}
