package io.callqa.telephony.alerts;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

import io.callqa.telephony.AlertFilter;
import io.callqa.telephony.AlertKind;
import io.callqa.telephony.AlertNotFoundException;
import io.callqa.telephony.SupervisorAlert;
import io.callqa.telephony.SupervisorAlerts;

/**
 * Raises, lists and acknowledges supervisor alerts: the alerts feature's use-case facade.
 */
@Service
class SupervisorAlertsService implements SupervisorAlerts {

	private static final Logger logger = LoggerFactory.getLogger(SupervisorAlertsService.class);

	private final AlertRepository alerts;

	SupervisorAlertsService(AlertRepository alerts) {
		this.alerts = alerts;
	}

	/**
	 * Raises an alert; joins the caller's transaction, so it commits or rolls back with what caused it.
	 * @param callId the call it is about, if known (must exist)
	 * @return the new alert's id
	 */
	@Transactional
	@Override
	public long raise(AlertKind kind, @Nullable Long callId, @Nullable String agent, @Nullable String queue,
			String detail) {
		Assert.notNull(kind, "'kind' must not be null");
		Assert.hasText(detail, "'detail' must not be empty");
		long id = this.alerts.insert(kind, callId, agent, queue, detail);
		logger.info("Supervisor alert {} raised: {} (call {}, agent {}, queue {}): {}", id, kind, callId, agent, queue,
				detail);
		return id;
	}

	/** Alerts not yet acknowledged that match the filter, newest first. */
	@Transactional(readOnly = true)
	@Override
	public List<SupervisorAlert> open(AlertFilter filter) {
		Assert.notNull(filter, "'filter' must not be null");
		return this.alerts.find(filter, true);
	}

	/** Every alert that matches the filter, acknowledged or not, newest first. */
	@Transactional(readOnly = true)
	@Override
	public List<SupervisorAlert> all(AlertFilter filter) {
		Assert.notNull(filter, "'filter' must not be null");
		return this.alerts.find(filter, false);
	}

	/**
	 * Marks an alert as seen; acknowledging it again changes nothing.
	 * @return the alert as stored
	 * @throws AlertNotFoundException if no alert has this id
	 */
	@Transactional
	@Override
	public SupervisorAlert acknowledge(long id, String user) {
		Assert.hasText(user, "'user' must not be empty");
		this.alerts.find(id).orElseThrow(() -> new AlertNotFoundException(id));
		this.alerts.acknowledge(id, user, Instant.now());
		return this.alerts.find(id).orElseThrow(() -> new AlertNotFoundException(id));
	}

	/**
	 * Raises {@link AlertKind#OVERDUE_CALLBACK} once per callback request still {@code OPEN} or {@code DIALLING}
	 * after its promised time; requests already alerted are skipped.
	 * @param now the time the promises are compared with
	 * @return how many alerts were raised
	 */
	@Transactional
	@Override
	public int raiseOverdueCallbacks(Instant now) {
		Assert.notNull(now, "'now' must not be null");
		List<Long> requests = this.alerts.insertOverdueCallbacks(now);
		requests.forEach((request) -> logger.info("Callback request {} is overdue: supervisor alert raised", request));
		return requests.size();
	}

}
