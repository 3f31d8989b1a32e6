package io.callqa.telephony.callbacks;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.callqa.telephony.agi.AgiCall;
import io.callqa.telephony.agi.AgiCallException;
import io.callqa.telephony.agi.CallerHungUpException;
import io.callqa.telephony.agi.FastAgiScript;
import io.callqa.telephony.CallbackRequest;

/**
 * The {@code callback-offer} FastAGI script: a queued caller who pressed 1 confirms that they want to be called back
 * instead of waiting. Shared by all calls and stateless, so thread-safe.
 * <p>
 * Sets {@code CALLBACK_OFFER} to {@code ACCEPTED} (and {@code CALLQA_CALLBACK_REQUESTED=1}: the call's outcome becomes
 * {@code CALLBACK_REQUESTED}), {@code DECLINED} (back to the queue) or {@code UNAVAILABLE} (no queue or no number
 * to call back; back to the queue too).
 */
@Component(CallbackOfferScript.NAME)
class CallbackOfferScript implements FastAgiScript {

	static final String NAME = "callback-offer";

	static final String OFFER_PROMPT = "callqa/callback-offer";

	static final String INVALID_PROMPT = "callqa/invalid-option";

	static final String CONFIRMED_PROMPT = "callqa/callback-confirmed";

	static final String CONFIRMED_LATER_PROMPT = "callqa/callback-confirmed-later";

	static final String MINUTES_PROMPT = "minutes";

	/** The outcome for the dialplan: {@code ACCEPTED}, {@code DECLINED} or {@code UNAVAILABLE}. */
	static final String OFFER_VARIABLE = "CALLBACK_OFFER";

	static final String ACCEPTED = "ACCEPTED";

	/** Set to 1 on acceptance: the call's outcome becomes CALLBACK_REQUESTED. */
	static final String REQUESTED_VARIABLE = "CALLQA_CALLBACK_REQUESTED";

	/** Set by the dialplan to ${EPOCH} before Queue(): when the caller started waiting. */
	static final String ENTERED_VARIABLE = "QUEUE_ENTERED";

	private static final Logger logger = LoggerFactory.getLogger(CallbackOfferScript.class);

	private static final long DIGIT_TIMEOUT_MS = 5000;

	private static final String ACCEPT = "1";

	private static final String KEEP_WAITING = "2";

	private final CallbackRequestsService requests;

	private final CallbackProperties properties;

	private final Clock clock;

	CallbackOfferScript(CallbackRequestsService requests, CallbackProperties properties, Clock clock) {
		this.requests = requests;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(AgiCall call) throws AgiCallException {
		try {
			offer(call);
		}
		catch (CallerHungUpException ex) {
			// Expected: callers hang up whenever they like. The request exists only if they had confirmed.
			logger.info("Call {}: caller hung up during the callback offer", call.uniqueid());
		}
	}

	private void offer(AgiCall call) throws AgiCallException {
		Optional<OfferedCallback> offered = describe(call);
		if (offered.isEmpty()) {
			call.setVariable(OFFER_VARIABLE, "UNAVAILABLE");
			return;
		}
		if (!accepted(call)) {
			call.setVariable(OFFER_VARIABLE, "DECLINED");
			return;
		}
		Optional<CallbackRequest> created = create(call, offered.get());
		if (created.isEmpty()) {
			call.setVariable(OFFER_VARIABLE, "UNAVAILABLE");
			return;
		}
		// Set before the confirmation plays, so a caller hanging up during it still leaves with the right outcome.
		call.setVariable(REQUESTED_VARIABLE, "1");
		call.setVariable(OFFER_VARIABLE, ACCEPTED);
		confirm(call, created.get());
	}

	private Optional<CallbackRequest> create(AgiCall call, OfferedCallback offered) {
		try {
			CallbackRequest created = this.requests.requestFromOffer(offered);
			logger.info("Call {}: callback request {} from the IVR offer", call.uniqueid(), created.id());
			return Optional.of(created);
		}
		catch (RuntimeException ex) {
			// The caller stays in the queue rather than leaving with a promise nobody stored.
			logger.error("Call {}: callback request could not be stored: {}", call.uniqueid(), ex.toString());
			return Optional.empty();
		}
	}

	private Optional<OfferedCallback> describe(AgiCall call) throws AgiCallException {
		String queue = argumentOrVariable(call, "queue", "QUEUENAME");
		String number = call.callerNumber();
		if (queue == null || number == null || !number.matches("\\+?[0-9]{3,20}")) {
			logger.warn("Call {}: callback offer without queue ({}) or callable number ({}); not offered",
					call.uniqueid(), queue, number);
			return Optional.empty();
		}
		Integer position = integer(argumentOrVariable(call, "position", "QUEUEPOSITION"));
		return Optional.of(new OfferedCallback(queue, number, call.callerName(), position,
				waitedSec(call)));
	}

	// 1 accepts; 2 or silence declines; any other key is a mistake and gets the prompt once more.
	private boolean accepted(AgiCall call) throws AgiCallException {
		String digits = call.getData(OFFER_PROMPT, DIGIT_TIMEOUT_MS, 1);
		if (isMistake(digits)) {
			call.streamFile(INVALID_PROMPT);
			digits = call.getData(OFFER_PROMPT, DIGIT_TIMEOUT_MS, 1);
		}
		return ACCEPT.equals(digits);
	}

	private static boolean isMistake(@Nullable String digits) {
		return digits != null && !digits.isEmpty() && !ACCEPT.equals(digits) && !KEEP_WAITING.equals(digits);
	}

	private void confirm(AgiCall call, CallbackRequest created) throws AgiCallException {
		Duration promise = Duration.between(created.requestedAt(), created.promisedBy());
		QueueSettings queue = this.properties.forQueue(created.queue());
		if (queue.callingHours().isOpen(created.requestedAt())) {
			call.streamFile(CONFIRMED_PROMPT);
			call.sayNumber(Long.toString(promise.toMinutes()));
			call.streamFile(MINUTES_PROMPT);
		}
		else {
			// Closed now: "we will call you back as soon as we open" rather than a number of minutes.
			call.streamFile(CONFIRMED_LATER_PROMPT);
		}
	}

	private @Nullable Double waitedSec(AgiCall call) throws AgiCallException {
		String waited = call.argument("waited");
		if (waited != null) {
			return number(waited);
		}
		// The dialplan stores ${EPOCH} in QUEUE_ENTERED right before Queue(): waited = now - entered.
		Double entered = number(call.variable(ENTERED_VARIABLE));
		if (entered == null) {
			return null;
		}
		double now = this.clock.instant().toEpochMilli() / 1000.0;
		return Math.max(0, now - entered);
	}

	private static @Nullable String argumentOrVariable(AgiCall call, String argument, String variable)
			throws AgiCallException {
		String value = call.argument(argument);
		if (value == null || value.isBlank()) {
			value = call.variable(variable);
		}
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static @Nullable Integer integer(@Nullable String value) {
		Double parsed = number(value);
		return (parsed != null) ? parsed.intValue() : null;
	}

	private static @Nullable Double number(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Double.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
