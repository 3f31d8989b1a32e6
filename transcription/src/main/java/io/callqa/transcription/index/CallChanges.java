package io.callqa.transcription.index;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.callqa.telephony.CallFinished;
import io.callqa.telephony.CallRecorded;
import io.callqa.telephony.CallbackRequested;
import io.callqa.telephony.SurveyAnswered;

/**
 * Queues a call for re-indexing when telephony changes what the index holds about it: its end (every ended call has a
 * document, with or without a transcript), its recording (stored after the call ended), a survey answer, a callback
 * request. Telephony publishes these events
 * inside its transactions, so the outbox row commits with the change; every process adds rows, only the one that
 * keeps the index reads them.
 */
@Component
class CallChanges {

	private final IndexOutbox outbox;

	CallChanges(IndexOutbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(CallFinished event) {
		this.outbox.add(event.callId());
	}

	@EventListener
	void on(CallRecorded event) {
		this.outbox.add(event.callId());
	}

	@EventListener
	void on(SurveyAnswered event) {
		this.outbox.add(event.callId());
	}

	@EventListener
	void on(CallbackRequested event) {
		this.outbox.add(event.callId());
	}

}
