package io.callqa.telephony.ami;

import java.util.concurrent.CompletableFuture;

/**
 * The actions features send to Asterisk. All are asynchronous: nothing may wait for Asterisk on an event thread.
 */
public interface AmiActions {

	/**
	 * Sends an {@code Originate} with {@code Async: true}; the future completes with what the matching
	 * {@code OriginateResponse} event (same ActionID) reported, or exceptionally if the action was refused or the
	 * server is not connected.
	 */
	CompletableFuture<OriginateResult> originate(String server, OriginateRequest request);

	/**
	 * Starts {@code MixMonitor} on a live channel, for sites whose dialplan does not record.
	 * @param file the file name Asterisk writes (absolute, or relative to its monitor directory)
	 * @param options MixMonitor options, e.g. {@code r(...)t(...)} for per-party files; may be empty
	 */
	CompletableFuture<Void> mixMonitor(String server, String channel, String file, String options);

}
