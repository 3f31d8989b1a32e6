package io.callqa.telephony.callbacks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallOutcome;

/**
 * Turns ended calls into callback facts: a callback call ends its attempt, an abandoned call may ask for a callback,
 * and a call that asked at the IVR offer becomes its request's origin.
 */
@Component
class CallbackCallListener {

	private static final Logger logger = LoggerFactory.getLogger(CallbackCallListener.class);

	private final CallbackEngine engine;

	private final CallbackRequestsService requests;

	private final TransactionTemplate transaction;

	CallbackCallListener(CallbackEngine engine, CallbackRequestsService requests, PlatformTransactionManager transactions) {
		this.engine = engine;
		this.requests = requests;
		// Its own transaction even when published from another's completion, so its writes always commit.
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void on(CallEnded call) {
		try {
			this.transaction.executeWithoutResult((status) -> handle(call));
		}
		catch (RuntimeException ex) {
			// The call itself is stored already; only its callback follow-up is missing, and the publisher must go on.
			logger.error("Call {}: callback handling failed: {}", call.callId(), ex.toString(), ex);
		}
	}

	private void handle(CallEnded call) {
		if (call.callbackAttemptId() != null) {
			this.engine.onCallEnded(call);
		}
		else if (call.outcome() == CallOutcome.CALLBACK_REQUESTED) {
			this.requests.linkOriginCall(call);
		}
		else {
			this.requests.requestForAbandoned(call);
		}
	}

}
