package io.callqa.telephony;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Promised callbacks: requested by a queued caller (IVR offer), for an abandoned caller, or scheduled by an agent;
 * dialled by the callback engine. Listing, scheduling and withdrawing them; the requests made by the IVR and for
 * abandoned callers are the module's own business.
 */
public interface CallbackRequests {

	/** An agent's appointment; with {@code onlyMe} nobody else may take it. */
	CallbackRequest schedule(ScheduledCallback callback);

	/** The request; {@link CallbackRequestNotFoundException} if none has this id. */
	CallbackRequest find(long id);

	/**
	 * Requests by queue and state, the next due first.
	 * @param queue a queue, or null for all
	 * @param state a state, or null for all
	 */
	List<CallbackRequest> list(@Nullable String queue, @Nullable CallbackState state, int limit);

	/**
	 * The requests an agent may see, by queue and state, the next due first: those they asked for or that are kept
	 * for them ("only me"), and the unassigned ones of the queues they take (a member of now, or answered calls in).
	 * Another agent's "only me" request is not among them.
	 */
	List<CallbackRequest> listFor(String agent, @Nullable String queue, @Nullable CallbackState state, int limit);

	/** The request if {@code agent} may see it (see {@link #listFor}); otherwise not found, as if it did not exist. */
	CallbackRequest findFor(String agent, long id);

	/** The request's attempts, first first. */
	List<CallbackAttempt> attempts(long requestId);

	/**
	 * Withdraws an open request; an attempt already under way still finishes but does not reopen it. A request that
	 * is already closed is returned unchanged.
	 */
	CallbackRequest cancel(long id);

}
