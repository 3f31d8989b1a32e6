package io.callqa.qaconsole.standardsreport;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link StandardsAlerts} every {@code callqa.standards-report.alert-interval} (1 minute), first shortly after
 * start: what a stopped server missed is raised then.
 */
@Component
@ConditionalOnProperty(name = "callqa.standards-report.alerts", havingValue = "true", matchIfMissing = true)
class StandardsAlertJob {

	private static final Logger logger = LoggerFactory.getLogger(StandardsAlertJob.class);

	private final StandardsAlerts alerts;

	private final Clock clock;

	StandardsAlertJob(StandardsAlerts alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "15s", fixedDelayString = "${callqa.standards-report.alert-interval:1m}")
	void run() {
		try {
			int critical = this.alerts.raiseCriticalFailures(this.clock.instant());
			int below = this.alerts.raiseBelowPassMark(this.clock.instant());
			if (critical + below > 0) {
				logger.info("Standards alerts: {} failed critical item(s), {} day(s) under the pass mark", critical,
						below);
			}
		}
		catch (RuntimeException ex) {
			// The next run tries again: nothing was recorded for what failed.
			logger.warn("Standards alerts failed, the next run retries: {}", ex.toString());
		}
	}

}
