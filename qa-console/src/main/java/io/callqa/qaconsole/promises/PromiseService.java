package io.callqa.qaconsole.promises;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.telephony.AlertKind;
import io.callqa.telephony.CallDetails;
import io.callqa.telephony.CallFilter;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.CallbackRequests;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.ScheduledCallback;
import io.callqa.telephony.SupervisorAlerts;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Transcriptions;

/**
 * Finds the promises in a call's transcript, stores them with their due time, and settles them against the calls
 * that follow: kept by a connected outbound call to the customer's number before the due time, late after it, broken
 * (with an alert) when the due time passes without one. The customer calling again keeps nothing.
 */
@Service
class PromiseService {

	private static final Logger logger = LoggerFactory.getLogger(PromiseService.class);

	/** Later calls to one number looked at when settling a promise: far more than a customer gets in a month. */
	private static final int LATER_CALLS = 500;

	private final PromiseRepository promises;

	private final Transcriptions transcriptions;

	private final Calls calls;

	private final CallbackRequests callbacks;

	private final SupervisorAlerts alerts;

	private final PromiseProperties properties;

	private final TransactionTemplate transaction;

	PromiseService(PromiseRepository promises, Transcriptions transcriptions, Calls calls, CallbackRequests callbacks,
			SupervisorAlerts alerts, PromiseProperties properties, TransactionTemplate transaction) {
		this.promises = promises;
		this.transcriptions = transcriptions;
		this.calls = calls;
		this.callbacks = callbacks;
		this.alerts = alerts;
		this.properties = properties;
		this.transaction = transaction;
	}

	/**
	 * Searches the call's transcript for promises once, stores them and, where the queue asks for it, schedules the
	 * callback a callback promise needs.
	 * @return the promises stored; empty if there is no transcript or it was searched before
	 */
	List<Promise> detect(long callId) {
		Optional<Transcript> transcript = this.transcriptions.transcriptOf(callId);
		if (transcript.isEmpty()) {
			return List.of();
		}
		CallDetails call = this.calls.find(callId);
		QueuePromiseSetting setting = setting(call.queue());
		ZoneId zone = ZoneId.of(setting.zone());
		Instant madeAt = end(call, transcript.get());
		List<PromiseDetector.Spoken> spoken = PromiseDetector.find(transcript.get());
		List<Promise> stored = this.transaction.execute((status) -> {
			if (!this.promises.markDetected(callId, spoken.size())) {
				return List.<Promise>of();
			}
			List<Promise> inserted = new ArrayList<>();
			for (PromiseDetector.Spoken s : spoken) {
				Promise promise = promise(call, s, zone, madeAt);
				long id = this.promises.insert(promise);
				if (id > 0) {
					inserted.add(this.promises.find(id).orElseThrow());
				}
			}
			return inserted;
		});
		if (!stored.isEmpty()) {
			logger.info("Call {}: {} promise(s) found: {}", callId, stored.size(),
					stored.stream().map((p) -> p.kind() + " '" + p.phrase() + "' due " + p.dueAt()).toList());
		}
		List<Promise> result = new ArrayList<>();
		for (Promise promise : stored) {
			result.add(setting.createCallback() ? requestCallback(promise) : promise);
		}
		return result;
	}

	private Promise promise(CallDetails call, PromiseDetector.Spoken s, ZoneId zone, Instant madeAt) {
		ZonedDateTime end = madeAt.atZone(zone);
		Instant due = (s.when() != null) ? s.when().due(end, this.properties.closing())
				: madeAt.plus(this.properties.defaultDue());
		boolean checkable = s.kind() == PromiseKind.CALLBACK && call.callerNumber() != null
				&& !call.callerNumber().isBlank();
		return new Promise(0, call.id(), call.agent(), call.queue(), call.callerNumber(), s.kind(), s.phrase(),
				s.startSec(), s.endSec(), s.speaker(), s.timePhrase(), zone.getId(), madeAt, due,
				checkable ? PromiseState.OPEN : PromiseState.NOT_CHECKED, null, null, null, null);
	}

	/** The call's end: when it was hung up, else its start plus its length, else plus the recording's. */
	private static Instant end(CallDetails call, Transcript transcript) {
		if (call.endedAt() != null) {
			return call.endedAt();
		}
		double seconds = (call.durationSec() != null) ? call.durationSec() : transcript.audioSec();
		return call.startedAt().plusMillis(Math.round(seconds * 1000));
	}

	/**
	 * Schedules the callback an open callback promise needs, dialled a little before it is due (see
	 * {@link PromiseProperties#callbackLead()}). A failure is logged: the promise stands without it.
	 */
	private Promise requestCallback(Promise promise) {
		if (promise.kind() != PromiseKind.CALLBACK || promise.state() != PromiseState.OPEN || promise.queue() == null
				|| promise.customerNumber() == null) {
			return promise;
		}
		Duration until = Duration.between(promise.madeAt(), promise.dueAt());
		Duration lead = this.properties.callbackLead().compareTo(until.dividedBy(2)) < 0
				? this.properties.callbackLead() : until.dividedBy(2);
		Instant at = promise.dueAt().minus(lead);
		try {
			CallbackRequest request = this.callbacks.schedule(new ScheduledCallback(promise.queue(),
					promise.customerNumber(), null, at, (promise.agent() != null) ? promise.agent() : "promises", false,
					"Promised on call " + promise.callId() + ": \"" + promise.phrase() + "\""));
			this.promises.callbackRequested(promise.id(), request.id());
			logger.info("Promise {} of call {}: callback request {} scheduled for {}", promise.id(), promise.callId(),
					request.id(), at);
			return this.promises.find(promise.id()).orElse(promise);
		}
		catch (RuntimeException ex) {
			logger.warn("Promise {} of call {}: no callback request made: {}", promise.id(), promise.callId(),
					ex.toString());
			return promise;
		}
	}

	/**
	 * Settles what the calls since allow: an open or broken promise whose customer was called back is kept (late
	 * if after its due time); an open one past its due time is broken and alerted.
	 * @param now the time due times are compared with
	 * @return how many promises changed
	 */
	int check(Instant now) {
		int changed = 0;
		for (Promise promise : this.promises.pending(now.minus(this.properties.followBroken()))) {
			try {
				changed += settle(promise, now) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				logger.warn("Promise {} of call {}: check failed: {}", promise.id(), promise.callId(), ex.toString());
			}
		}
		return changed;
	}

	private boolean settle(Promise promise, Instant now) {
		Optional<CallSummary> callBack = firstCallBack(promise, now);
		if (callBack.isPresent()) {
			CallSummary call = callBack.get();
			PromiseState state = call.startedAt().isAfter(promise.dueAt()) ? PromiseState.LATE : PromiseState.KEPT;
			return this.promises.kept(promise.id(), state, call.id(), call.startedAt());
		}
		if (promise.state() != PromiseState.OPEN || !now.isAfter(promise.dueAt())) {
			return false;
		}
		Boolean broken = this.transaction.execute((status) -> {
			if (!this.promises.broken(promise.id(), now)) {
				return false;
			}
			long alert = this.alerts.raise(AlertKind.BROKEN_PROMISE, promise.callId(), promise.agent(),
					promise.queue(), "Promise not kept by " + promise.dueAt() + " (" + promise.zone() + "): \""
							+ promise.phrase() + "\" to " + promise.customerNumber());
			this.promises.alerted(promise.id(), alert);
			return true;
		});
		return Boolean.TRUE.equals(broken);
	}

	/**
	 * The first connected outbound call to the promise's number after its call ended, up to {@code now}: a callback
	 * or an agent's call. An uploaded outbound recording counts as connected.
	 */
	private Optional<CallSummary> firstCallBack(Promise promise, Instant now) {
		if (promise.customerNumber() == null) {
			return Optional.empty();
		}
		return this.calls
			.list(new CallFilter(null, null, promise.madeAt(), now, null, promise.customerNumber(), LATER_CALLS, 0))
			.stream()
			.filter((c) -> c.id() != promise.callId() && Direction.OUTBOUND.name().equals(c.direction()))
			.filter(PromiseService::connected)
			.min(Comparator.comparing(CallSummary::startedAt).thenComparing(CallSummary::id));
	}

	private static boolean connected(CallSummary call) {
		return "CONNECTED".equals(call.outcome()) || "ANSWERED".equals(call.outcome())
				|| (call.outcome() == null && call.hasRecording());
	}

	/** The queue's settings, or the defaults for a queue without its own (or a call without a queue). */
	QueuePromiseSetting setting(@Nullable String queue) {
		if (queue != null) {
			Optional<QueuePromiseSetting> own = this.promises.setting(queue);
			if (own.isPresent()) {
				return own.get();
			}
		}
		return new QueuePromiseSetting((queue != null) ? queue : "", this.properties.zone().getId(), false, null, null);
	}

	List<QueuePromiseSetting> settings() {
		return this.promises.settings();
	}

	QueuePromiseSetting saveSetting(String queue, @Nullable String zone, boolean createCallback, String user) {
		if (queue.isBlank() || queue.length() > 100) {
			throw new IllegalArgumentException("'queue' must be 1 to 100 characters");
		}
		String zoneId = (zone == null || zone.isBlank()) ? this.properties.zone().getId() : zone;
		try {
			zoneId = ZoneId.of(zoneId).getId();
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("Unknown time zone '" + zone + "' (use a region like Europe/Berlin)");
		}
		return this.promises.saveSetting(queue, zoneId, createCallback, user);
	}

	List<Promise> ofCall(long callId) {
		return this.promises.ofCall(callId);
	}

	List<Promise> list(PromiseFilter filter) {
		return this.promises.list(filter);
	}

	List<PromiseStats> stats(boolean byQueue, @Nullable String agent, @Nullable Instant from, @Nullable Instant to) {
		return this.promises.stats(byQueue, agent, from, to);
	}

	/** Searches the transcripts stored since {@code since} that were not searched yet; returns how many. */
	int sweep(Instant since) {
		int detected = 0;
		long after = 0;
		for (List<Long> page = this.transcriptions.transcribedSince(since, after, 500); !page.isEmpty();
				page = this.transcriptions.transcribedSince(since, after, 500)) {
			after = page.get(page.size() - 1);
			for (long callId : this.promises.notDetected(page)) {
				try {
					detect(callId);
					detected++;
				}
				catch (RuntimeException ex) {
					logger.warn("Call {}: promise detection failed: {}", callId, ex.toString());
				}
			}
		}
		return detected;
	}

}
