package io.callqa.telephony.alerts;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.callqa.telephony.AlertKind;
import io.callqa.telephony.SupervisorAlerts;

/**
 * Periodically raises {@link AlertKind#OVERDUE_CALLBACK} for callbacks not made by their promised time.
 */
@Component
class OverdueCallbackCheck {

	private static final Logger logger = LoggerFactory.getLogger(OverdueCallbackCheck.class);

	private final SupervisorAlerts alerts;

	OverdueCallbackCheck(SupervisorAlerts alerts) {
		this.alerts = alerts;
	}

	@Scheduled(fixedDelayString = "${callqa.telephony.alerts.overdue-check-interval:1m}",
			initialDelayString = "${callqa.telephony.alerts.overdue-check-interval:1m}")
	void run() {
		try {
			this.alerts.raiseOverdueCallbacks(Instant.now());
		}
		catch (RuntimeException ex) {
			// The next run tries again; a database outage must not stop the schedule.
			logger.warn("Overdue callback check failed: {}", ex.toString());
		}
	}

}
