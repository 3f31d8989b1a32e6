package io.callqa.qaconsole.standardsreport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.qaconsole.standardsreport.StandardsReportRepository.CriticalFailure;
import io.callqa.qaconsole.standardsreport.StandardsReportRepository.DayRow;
import io.callqa.telephony.AlertKind;
import io.callqa.telephony.SupervisorAlerts;

/**
 * Raises the standards alerts for a given time (so a test can set the clock): {@link AlertKind#AUTOMATIC_FAILED_CRITICAL}
 * once per call and {@link AlertKind#BELOW_PASS_MARK} once per agent and finished day. What was raised is recorded
 * in the same transaction as the alert, so a crash raises it again or not at all, and a restart catches up with
 * everything of the last {@code catch-up} (7 days).
 */
@Service
class StandardsAlerts {

	private static final Logger logger = LoggerFactory.getLogger(StandardsAlerts.class);

	/** Failed critical evaluations handled per run: a backlog is worked off over the next runs. */
	private static final int BATCH = 500;

	private final StandardsReportRepository repository;

	private final SupervisorAlerts alerts;

	private final StandardsReportProperties properties;

	StandardsAlerts(StandardsReportRepository repository, SupervisorAlerts alerts,
			StandardsReportProperties properties) {
		this.repository = repository;
		this.alerts = alerts;
		this.properties = properties;
	}

	/**
	 * One alert per call whose current automatic evaluation, made in the catch-up period up to {@code now}, failed a
	 * critical item and that has had none: the detail names the items, what decided them, and a mystery-shopper call.
	 * @return how many alerts were raised
	 */
	@Transactional
	int raiseCriticalFailures(Instant now) {
		int raised = 0;
		for (CriticalFailure failure : this.repository.criticalFailures(now.minus(this.properties.catchUp()), now,
				BATCH)) {
			if (!this.repository.claimCritical(failure.callId(), failure.evaluationId())) {
				continue;
			}
			// No score in the detail: a failed critical item makes it 0 anyway.
			String detail = "Critical item failed on the automatic check: " + failure.items()
					+ (failure.mystery() ? ". Mystery-shopper test call (left out of the agent's averages)" : "");
			long alert = this.alerts.raise(AlertKind.AUTOMATIC_FAILED_CRITICAL, failure.callId(), failure.agent(),
					failure.queue(), detail);
			this.repository.criticalAlerted(failure.callId(), alert);
			raised++;
		}
		return raised;
	}

	/**
	 * Checks every agent's finished days of the catch-up period not yet checked: a day is finished {@code day-grace}
	 * after its end in the zone. A day whose automatic average (mystery-shopper calls left out) is under its pass mark
	 * raises one alert; either way the day is recorded and never checked again.
	 * @return how many alerts were raised
	 */
	@Transactional
	int raiseBelowPassMark(Instant now) {
		ZoneId zone = this.properties.zone();
		LocalDate today = LocalDate.ofInstant(now.minus(this.properties.dayGrace()), zone);
		// today is not finished (with its grace) yet: check the days before it.
		Instant to = today.atStartOfDay(zone).toInstant();
		Instant from = LocalDate.ofInstant(now.minus(this.properties.catchUp()), zone).atStartOfDay(zone).toInstant();
		int raised = 0;
		for (DayRow day : this.repository.uncheckedDays(from, to, zone)) {
			if (!this.repository.claimDay(day, zone) || day.average() == null || day.passMark() == null
					|| day.average() >= day.passMark()) {
				continue;
			}
			String detail = "Automatic average %s of %d call%s on %s (%s) is under the pass mark %s".formatted(
					percent(day.average()), day.scored(), (day.scored() == 1) ? "" : "s", day.day(), zone.getId(),
					percent(day.passMark()));
			long alert = this.alerts.raise(AlertKind.BELOW_PASS_MARK, null, day.agent(), null, detail);
			this.repository.dayAlerted(day.agent(), day.day(), alert);
			logger.info("Agent {} on {}: automatic average under the pass mark, alert {}", day.agent(), day.day(),
					alert);
			raised++;
		}
		return raised;
	}

	private static String percent(double value) {
		double rounded = Math.round(value * 10) / 10.0;
		return ((rounded == Math.rint(rounded)) ? Long.toString((long) rounded)
				: String.format(Locale.ROOT, "%.1f", rounded)) + "%";
	}

}
