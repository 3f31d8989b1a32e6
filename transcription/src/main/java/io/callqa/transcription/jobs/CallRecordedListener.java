package io.callqa.transcription.jobs;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.callqa.telephony.CallRecorded;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.audio.AudioFormatException;
import io.callqa.transcription.audio.AudioInfo;
import io.callqa.transcription.audio.PcmSource;

/**
 * Queues a transcription job for every recorded call, in the transaction that records the call, so a call is never
 * stored without its job. A file whose header cannot be read is recorded as FAILED at once, with the reason.
 */
@Component
class CallRecordedListener {

	private final TranscriptionJobs jobs;

	private final TranscriptionProperties properties;

	private final ObjectProvider<TranscriptionWorkers> workers;

	CallRecordedListener(TranscriptionJobs jobs, TranscriptionProperties properties, ObjectProvider<TranscriptionWorkers> workers) {
		this.jobs = jobs;
		this.properties = properties;
		this.workers = workers;
	}

	/**
	 * Before the index outbox's listener: a call announced again supersedes its unfinished job, whose row a worker
	 * storing its transcript may hold while it waits for the outbox's lock; taking that lock first would deadlock.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(CallRecorded event) {
		int maxAttempts = this.properties.workers().maxAttempts();
		try {
			AudioInfo info = PcmSource.probe(event.recording());
			this.jobs.enqueue(event.callId(), event.recordingId(), info, maxAttempts);
		}
		catch (AudioFormatException ex) {
			this.jobs.enqueueFailed(event.callId(), event.recordingId(), ex.getMessage(), maxAttempts);
		}
		catch (IOException ex) {
			// Not readable yet (still being written, a network share hiccup): the worker tries again later.
			this.jobs.enqueue(event.callId(), event.recordingId(), null, maxAttempts);
		}
	}

	@TransactionalEventListener
	void wakeWorkersAfterCommit(CallRecorded event) {
		this.workers.ifAvailable(TranscriptionWorkers::wake);
	}

}
