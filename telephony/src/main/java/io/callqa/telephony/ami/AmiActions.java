package io.callqa.telephony.ami;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

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

	/**
	 * {@code QueuePause}: pauses ({@code paused}) or unpauses the member with interface {@code iface} in {@code queue},
	 * or in every queue of the interface when {@code queue} is null. Completes when Asterisk accepted it; fails with
	 * {@link AmiActionException} (e.g. {@code Interface not found}) or {@link AmiUnavailableException}.
	 * @param reason Asterisk's PausedReason; null for none
	 */
	CompletableFuture<Void> queuePause(String server, String iface, @Nullable String queue, boolean paused,
			@Nullable String reason);

	/** {@code QueueAdd}: a dynamic member {@code memberName} with interface {@code iface}, not paused. */
	CompletableFuture<Void> queueAdd(String server, String queue, String iface, String memberName);

	/** {@code QueueRemove}. */
	CompletableFuture<Void> queueRemove(String server, String queue, String iface);

	/**
	 * An async {@code Originate} of the supervisor's phone into {@code ChanSpy}; see {@link SpyOriginate} for when
	 * each of its futures completes.
	 */
	SpyOriginate spy(String server, SpyRequest request);

}
