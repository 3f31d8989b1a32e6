package io.callqa.qaconsole.promises;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.calldata.CallRows;

/**
 * Promises made in calls: erasure drops the phrase, its time expression and the customer's number (an open promise
 * can no longer be checked: NOT_CHECKED) and keeps kind, times and state for the promise statistics; retention
 * deletes them.
 */
@Component
class PromiseCallRows implements CallRows {

	private final JdbcClient jdbc;

	PromiseCallRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Written> writtenAbout(Collection<Long> callIds) {
		return this.jdbc.sql("""
				select call_id, due_at, phrase from promise where call_id = any(:ids) and phrase <> ''
				order by call_id, start_sec""")
			.param("ids", callIds.toArray(Long[]::new))
			.query((rs, row) -> new Written("promise", rs.getLong("call_id"),
					(rs.getTimestamp("due_at") != null) ? rs.getTimestamp("due_at").toInstant() : null,
					rs.getString("phrase")))
			.list();
	}

	@Override
	public int erase(Collection<Long> callIds) {
		// The alert quotes the phrase and the number: telephony deletes it with the call's alerts.
		return this.jdbc.sql("""
				update promise set phrase = '', time_phrase = null, customer_number = null, alert_id = null,
				state = case when state = 'OPEN' then 'NOT_CHECKED' else state end
				where call_id = any(:ids)""")
			.param("ids", callIds.toArray(Long[]::new))
			.update();
	}

	@Override
	public int delete(Collection<Long> callIds) {
		Long[] ids = callIds.toArray(Long[]::new);
		this.jdbc.sql("update promise set kept_by_call_id = null where kept_by_call_id = any(:ids)")
			.param("ids", ids)
			.update();
		int promises = this.jdbc.sql("delete from promise where call_id = any(:ids)").param("ids", ids).update();
		return promises + this.jdbc.sql("delete from promise_detection where call_id = any(:ids)")
			.param("ids", ids)
			.update();
	}

}
