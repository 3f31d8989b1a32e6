package io.callqa.qaconsole.standardsreport;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.calldata.CallRows;

/**
 * The record that a call's failed critical item was alerted once: erasure keeps it without the alert (telephony
 * deletes the calls' alerts), so the call is not alerted again; retention deletes it.
 */
@Component
class CriticalAlertCallRows implements CallRows {

	private final JdbcClient jdbc;

	CriticalAlertCallRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Written> writtenAbout(Collection<Long> callIds) {
		return List.of();
	}

	@Override
	public int erase(Collection<Long> callIds) {
		return this.jdbc.sql("update automatic_critical_alert set alert_id = null where call_id = any(:ids)")
			.param("ids", callIds.toArray(Long[]::new))
			.update();
	}

	@Override
	public int delete(Collection<Long> callIds) {
		return this.jdbc.sql("delete from automatic_critical_alert where call_id = any(:ids)")
			.param("ids", callIds.toArray(Long[]::new))
			.update();
	}

}
