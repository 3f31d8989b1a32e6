package io.callqa.qaconsole.system;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.callqa.transcription.Backlog;
import io.callqa.transcription.Transcriptions;

/**
 * Reports the transcription backlog in {@code /actuator/health}: up while the queue can be read.
 */
@Component("transcription")
class TranscriptionHealthIndicator implements HealthIndicator {

	private final Transcriptions transcriptions;

	TranscriptionHealthIndicator(Transcriptions transcriptions) {
		this.transcriptions = transcriptions;
	}

	@Override
	public Health health() {
		Backlog backlog = this.transcriptions.backlog();
		return Health.up()
			.withDetail("queued", backlog.queued())
			.withDetail("running", backlog.running())
			.withDetail("failed", backlog.failed())
			.build();
	}

}
