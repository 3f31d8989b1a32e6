package io.callqa.telephony;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * What a supervisor (or an agent, on themselves) does to the live floor through AMI. Who may do what is the caller's
 * business: these check only that Asterisk can do it. Futures complete when Asterisk accepted the action (the state
 * itself changes when its event arrives) or fail with a {@link FloorActionException}.
 */
public interface FloorActions {

	/** {@code QueuePause} with a reason; in {@code queue} only, or (null) in every queue of the agent. */
	CompletableFuture<Void> pause(String agent, @Nullable String queue, @Nullable String reason);

	/** {@code QueuePause} with {@code Paused: false}. */
	CompletableFuture<Void> unpause(String agent, @Nullable String queue);

	/**
	 * {@code QueueAdd} on the servers that have the queue, with the agent's interface: the one Asterisk reported for
	 * the agent in another queue, or else {@code callqa.telephony.floor.interfaces.<agent>}.
	 */
	CompletableFuture<Void> addMember(String queue, String agent);

	/** {@code QueueRemove}. */
	CompletableFuture<Void> removeMember(String queue, String agent);

	/**
	 * An {@code Originate} to the supervisor's {@code phone} straight into {@code ChanSpy} on the agent's channel
	 * with the mode's options, on the server of the agent's call. Completes once Asterisk accepted the Originate;
	 * the spy is listed in {@link #spies()} (and in the floor) until the supervisor's channel hangs up.
	 */
	CompletableFuture<Spy> spy(String supervisor, String phone, String agent, SpyMode mode);

	List<Spy> spies();

}
