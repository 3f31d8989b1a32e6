package io.callqa.qaconsole.promises;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.callqa.transcription.TranscriptReady;

/**
 * Runs the promises feature: every new transcript is searched for promises as soon as it is stored, a sweep finds
 * the ones that event missed (a crash, a transcript stored by a worker-only process), and open promises are checked
 * against later calls every minute.
 */
@Component
@EnableConfigurationProperties(PromiseProperties.class)
class PromiseTracking {

	private static final Logger logger = LoggerFactory.getLogger(PromiseTracking.class);

	private final PromiseService promises;

	private final PromiseProperties properties;

	private final Clock clock;

	PromiseTracking(PromiseService promises, PromiseProperties properties, Clock clock) {
		this.promises = promises;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(TranscriptReady event) {
		try {
			this.promises.detect(event.callId());
		}
		catch (RuntimeException ex) {
			// The sweep tries again; the transcription worker that published the event must not fail.
			logger.warn("Call {}: promise detection failed, the sweep will retry: {}", event.callId(), ex.toString());
		}
	}

	@Scheduled(initialDelayString = "10s", fixedDelayString = "${callqa.promises.sweep-interval:5m}")
	void sweep() {
		try {
			int detected = this.promises.sweep(this.clock.instant().minus(this.properties.sweepLookback()));
			if (detected > 0) {
				logger.info("Promise sweep: {} transcript(s) searched that the event had missed", detected);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Promise sweep failed: {}", ex.toString());
		}
	}

	@Scheduled(initialDelayString = "${callqa.promises.check-interval:1m}",
			fixedDelayString = "${callqa.promises.check-interval:1m}")
	void check() {
		try {
			this.promises.check(this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Promise check failed: {}", ex.toString());
		}
	}

}
