package io.callqa.telephony.callbacks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallOutcome;
import io.callqa.telephony.CallbackAttempt;
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.CallbackRequestNotFoundException;
import io.callqa.telephony.CallbackRequested;
import io.callqa.telephony.CallbackRequests;
import io.callqa.telephony.CallbackSource;
import io.callqa.telephony.CallbackState;
import io.callqa.telephony.ScheduledCallback;
import io.callqa.telephony.calls.QueueMembers;

/**
 * Asks for, lists and cancels promised callbacks: the callbacks feature's use-case facade. A number has at most one
 * open request per queue: asking again returns that one.
 */
@Service
class CallbackRequestsService implements CallbackRequests {

	private static final Logger logger = LoggerFactory.getLogger(CallbackRequestsService.class);

	// What the customer leg can dial: digits, optionally international; "anonymous", "unknown" and the like are not.
	private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9]{3,20}");

	private final CallbackRepository requests;

	private final CallbackProperties properties;

	private final Clock clock;

	private final ObjectProvider<QueueMembers> members;

	private final ApplicationEventPublisher events;

	CallbackRequestsService(CallbackRepository requests, CallbackProperties properties, Clock clock,
			ObjectProvider<QueueMembers> members, ApplicationEventPublisher events) {
		this.requests = requests;
		this.properties = properties;
		this.clock = clock;
		this.members = members;
		this.events = events;
	}

	/** A queued caller accepted the IVR offer: due at once, promised within the queue's promise. */
	@Transactional
	public CallbackRequest requestFromOffer(OfferedCallback offer) {
		Assert.notNull(offer, "'offer' must not be null");
		QueueSettings queue = settings(offer.queue(), offer.number());
		Instant now = this.clock.instant();
		return insert(new NewRequest(offer.queue(), offer.number(), offer.name(), CallbackSource.IVR, null, now,
				queue.promisedBy(now), now, null, null, offer.position(), offer.waitedSec(), queue.maxAttempts(), null));
	}

	/**
	 * A call ended without an agent: requests a callback if its queue calls back such callers (an abandon after the
	 * minimum wait, or a queue timeout).
	 * @return the request, or empty when the call does not qualify
	 */
	@Transactional
	public Optional<CallbackRequest> requestForAbandoned(CallEnded call) {
		Assert.notNull(call, "'call' must not be null");
		if (!qualifiesAsAbandoned(call)) {
			return Optional.empty();
		}
		QueueSettings queue = this.properties.forQueue(call.queue());
		Instant at = call.endedAt();
		CallbackRequest request = insert(new NewRequest(call.queue(), call.callerNumber(), call.callerName(),
				CallbackSource.ABANDONED, call.callId(), at, queue.promisedBy(at), at, null, null, call.queuePosition(),
				call.waitSec(), queue.maxAttempts(), call.outcome().name()));
		if (Long.valueOf(call.callId()).equals(request.originCallId())) {
			this.events.publishEvent(new CallbackRequested(call.callId()));
		}
		return Optional.of(request);
	}

	/** An agent's appointment; with {@code onlyMe} nobody else may take it. */
	@Transactional
	@Override
	public CallbackRequest schedule(ScheduledCallback callback) {
		Assert.notNull(callback, "'callback' must not be null");
		Assert.hasText(callback.agent(), "'agent' must not be empty");
		QueueSettings queue = settings(callback.queue(), callback.number());
		String assigned = callback.onlyMe() ? callback.agent() : null;
		return insert(new NewRequest(callback.queue(), callback.number(), callback.name(), CallbackSource.AGENT, null,
				this.clock.instant(), callback.at(), callback.at(), assigned, callback.agent(), null, null,
				queue.maxAttempts(), callback.note()));
	}

	@Transactional(readOnly = true)
	@Override
	public CallbackRequest find(long id) {
		return this.requests.find(id).orElseThrow(() -> new CallbackRequestNotFoundException(id));
	}

	/**
	 * Requests by queue and state, the next due first.
	 * @param queue a queue, or null for all
	 * @param state a state, or null for all
	 */
	@Transactional(readOnly = true)
	@Override
	public List<CallbackRequest> list(@Nullable String queue, @Nullable CallbackState state, int limit) {
		Assert.isTrue(limit > 0, "'limit' must be positive");
		return this.requests.list(queue, state, limit);
	}

	/**
	 * The requests an agent may see, by queue and state, the next due first: those they asked for or that are kept
	 * for them ("only me"), and the unassigned ones of the queues they take (a member of now, or answered calls in).
	 * Another agent's "only me" request is not among them.
	 */
	@Transactional(readOnly = true)
	@Override
	public List<CallbackRequest> listFor(String agent, @Nullable String queue, @Nullable CallbackState state,
			int limit) {
		Assert.hasText(agent, "'agent' must not be empty");
		Assert.isTrue(limit > 0, "'limit' must be positive");
		return this.requests.listVisibleTo(agent, queuesOf(agent), queue, state, limit);
	}

	/** The request if {@code agent} may see it (see {@link #listFor}); otherwise not found, as if it did not exist. */
	@Transactional(readOnly = true)
	@Override
	public CallbackRequest findFor(String agent, long id) {
		Assert.hasText(agent, "'agent' must not be empty");
		return this.requests.findVisibleTo(id, agent, queuesOf(agent))
			.orElseThrow(() -> new CallbackRequestNotFoundException(id));
	}

	private Set<String> queuesOf(String agent) {
		QueueMembers queueMembers = this.members.getIfAvailable();
		return (queueMembers != null) ? queueMembers.queuesOf(agent) : Set.of();
	}

	@Transactional(readOnly = true)
	@Override
	public List<CallbackAttempt> attempts(long requestId) {
		return this.requests.attempts(find(requestId).id());
	}

	/**
	 * Withdraws an open request; an attempt already under way still finishes but does not reopen it. A request that
	 * is already closed is returned unchanged.
	 */
	@Transactional
	@Override
	public CallbackRequest cancel(long id) {
		CallbackRequest request = this.requests.lock(id).orElseThrow(() -> new CallbackRequestNotFoundException(id));
		if (request.state().isOpen()) {
			this.requests.close(id, CallbackState.CANCELLED, this.clock.instant());
			logger.info("Callback request {} for {} in queue {} cancelled", id, request.number(), request.queue());
		}
		return find(id);
	}

	/** The IVR request made during a call that has now ended learns that call's id. */
	@Transactional
	public void linkOriginCall(CallEnded call) {
		if (call.queue() != null && call.callerNumber() != null
				&& this.requests.linkOriginCall(call.queue(), call.callerNumber(), call.callId()) > 0) {
			this.events.publishEvent(new CallbackRequested(call.callId()));
		}
	}

	private boolean qualifiesAsAbandoned(CallEnded call) {
		boolean gaveUp = call.outcome() == CallOutcome.ABANDONED || call.outcome() == CallOutcome.TIMEOUT;
		if (!gaveUp || call.queue() == null || call.callerNumber() == null || !dialable(call.callerNumber())) {
			return false;
		}
		QueueSettings queue = this.properties.forQueue(call.queue());
		return queue.abandonedCallbacks() && waited(call).compareTo(queue.abandonedMinWait()) >= 0;
	}

	private static Duration waited(CallEnded call) {
		return (call.waitSec() != null) ? Duration.ofMillis(Math.round(call.waitSec() * 1000)) : Duration.ZERO;
	}

	private QueueSettings settings(String queue, String number) {
		Assert.hasText(queue, "'queue' must not be empty");
		Assert.isTrue(dialable(number), () -> "'" + number + "' is not a number that can be called back");
		return this.properties.forQueue(queue);
	}

	private static boolean dialable(@Nullable String number) {
		return number != null && DIALLABLE.matcher(number).matches();
	}

	private CallbackRequest insert(NewRequest request) {
		Optional<Long> id = this.requests.insertIfNoneOpen(request);
		if (id.isPresent()) {
			logger.info("Callback request {} ({}) for {} in queue {}, promised by {}", id.get(), request.source(),
					request.number(), request.queue(), request.promisedBy());
			return find(id.get());
		}
		// Already promised: the caller keeps the earlier promise rather than getting a second call.
		return this.requests.findOpen(request.queue(), request.number())
			.orElseThrow(() -> new IllegalStateException("Open callback for " + request.number() + " vanished"));
	}

}
