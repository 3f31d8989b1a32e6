package io.callqa.telephony.calldata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.telephony.CallData;
import io.callqa.telephony.recordings.RecordingRemoval;

/**
 * Telephony's rows of calls found by age or number, deleted (retention) or anonymised (erasure on request). Each
 * change runs in the caller's transaction when there is one (the modules above delete their rows in it first), else
 * in its own. A customer number is matched on its digits only: {@code +1 555-0101} finds {@code 15550101}.
 */
@Service
class CallDataService implements CallData {

	/** The digits of a stored number, in SQL: what a number given by a person is compared with. */
	private static final String DIGITS = "regexp_replace(coalesce(%s, ''), '[^0-9]', '', 'g')";

	private final JdbcClient jdbc;

	private final RecordingRemoval recordings;

	CallDataService(JdbcClient jdbc, RecordingRemoval recordings) {
		this.jdbc = jdbc;
		this.recordings = recordings;
	}

	@Override
	public List<Long> endedBefore(@Nullable String queue, Instant endedBefore, boolean withRecordingOnly,
			long afterCallId, int limit) {
		return this.jdbc.sql("""
				select c.id from call c
				where c.state = 'ENDED' and coalesce(c.ended_at, c.started_at) < :before and c.id > :after
				  and (c.queue = :queue or (cast(:queue as text) is null and c.queue is null))
				  and (not :recorded or exists (select 1 from recording r where r.call_id = c.id))
				order by c.id limit :limit""")
			.param("before", Timestamp.from(endedBefore))
			.param("after", afterCallId)
			.param("queue", queue)
			.param("recorded", withRecordingOnly)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	@Override
	public List<String> queues() {
		return this.jdbc.sql("select distinct queue from call where queue is not null order by queue")
			.query(String.class)
			.list();
	}

	@Override
	public List<Long> callsOfNumber(String number) {
		String digits = digits(number);
		// The caller of an inbound call, the number dialled of an outbound one (a callback's attempt included).
		return this.jdbc.sql("""
				select id from call where %s = :digits
				union
				select a.call_id from callback_attempt a join callback_request r on r.id = a.request_id
				where a.call_id is not null and %s = :digits
				order by 1""".formatted(DIGITS.formatted("caller_number"), DIGITS.formatted("r.number")))
			.param("digits", digits)
			.query(Long.class)
			.list();
	}

	@Override
	public List<CallbackOfNumber> callbacksOfNumber(String number) {
		return this.jdbc.sql("""
				select id, queue, state, requested_at, origin_call_id, name, note from callback_request
				where %s = :digits order by requested_at, id""".formatted(DIGITS.formatted("number")))
			.param("digits", digits(number))
			.query((rs, row) -> new CallbackOfNumber(rs.getLong("id"), rs.getString("queue"), rs.getString("state"),
					rs.getTimestamp("requested_at").toInstant(), (Long) rs.getObject("origin_call_id"),
					rs.getString("name"), rs.getString("note")))
			.list();
	}

	@Override
	public List<SurveyAnswerOfCall> surveyAnswers(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, call_id, score, answered_at from survey_response
				where call_id = any(:ids) order by answered_at, id""")
			.param("ids", ids(callIds))
			.query((rs, row) -> new SurveyAnswerOfCall(rs.getLong("id"), rs.getLong("call_id"),
					(Integer) rs.getObject("score"), rs.getTimestamp("answered_at").toInstant()))
			.list();
	}

	@Override
	public Set<Long> inProgress(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("select id from call where id = any(:ids) and state = 'ACTIVE'")
			.param("ids", ids(callIds))
			.query(Long.class)
			.list());
	}

	@Override
	@Transactional
	public int deleteRecordings(Collection<Long> callIds) {
		return this.recordings.delete(callIds);
	}

	@Override
	@Transactional
	public int deleteCalls(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return 0;
		}
		Long[] ids = ids(callIds);
		this.recordings.delete(callIds);
		// Callback requests asked for in these calls go with them, with their attempts and alerts; an attempt of
		// another request that made one of these calls forgets it.
		Long[] requests = this.jdbc.sql("select id from callback_request where origin_call_id = any(:ids)")
			.param("ids", ids)
			.query(Long.class)
			.list()
			.toArray(Long[]::new);
		this.jdbc.sql("delete from supervisor_alert where call_id = any(:ids) or callback_request_id = any(:requests)")
			.param("ids", ids)
			.param("requests", requests)
			.update();
		this.jdbc.sql("update callback_attempt set call_id = null where call_id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("""
				update call set callback_attempt_id = null where callback_attempt_id in
				  (select id from callback_attempt where request_id = any(:requests))""")
			.param("requests", requests)
			.update();
		this.jdbc.sql("delete from callback_attempt where request_id = any(:requests)")
			.param("requests", requests)
			.update();
		this.jdbc.sql("delete from callback_request where id = any(:requests)").param("requests", requests).update();
		this.jdbc.sql("delete from survey_response where call_id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("delete from call_transfer where call_id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("delete from call_leg where call_id = any(:ids)").param("ids", ids).update();
		// The audit of recordings released by hand has no foreign key (it outlives an erased recording), but a call
		// deleted whole leaves no row naming it.
		this.jdbc.sql("delete from recording_release where call_id = any(:ids)").param("ids", ids).update();
		return this.jdbc.sql("delete from call where id = any(:ids)").param("ids", ids).update();
	}

	@Override
	@Transactional
	public int anonymiseCalls(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return 0;
		}
		Long[] ids = ids(callIds);
		this.recordings.delete(callIds);
		// Alerts quote the number or what was said (a broken promise); the calls' facts stay without them.
		this.jdbc.sql("delete from supervisor_alert where call_id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("delete from call_transfer where call_id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("delete from call_leg where call_id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("update survey_response set server = null, uniqueid = null where call_id = any(:ids)")
			.param("ids", ids)
			.update();
		this.jdbc.sql("update callback_attempt set reason = null where call_id = any(:ids)").param("ids", ids).update();
		return this.jdbc.sql("""
				update call set caller_number = null, caller_name = null, linkedid = null, anomaly = null,
				updated_at = now() where id = any(:ids)""")
			.param("ids", ids)
			.update();
	}

	@Override
	@Transactional
	public int anonymiseCallbacks(Collection<Long> requestIds) {
		if (requestIds.isEmpty()) {
			return 0;
		}
		Long[] ids = ids(requestIds);
		this.jdbc.sql("delete from supervisor_alert where callback_request_id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("update callback_attempt set reason = null where request_id = any(:ids)")
			.param("ids", ids)
			.update();
		return this.jdbc.sql("""
				update callback_request set number = '', name = null, note = null, updated_at = now(),
				state = case when state in ('OPEN', 'DIALLING') then 'CANCELLED' else state end
				where id = any(:ids)""")
			.param("ids", ids)
			.update();
	}

	private static String digits(String number) {
		String digits = number.replaceAll("[^0-9]", "");
		if (digits.isEmpty()) {
			throw new IllegalArgumentException("A customer number needs digits: " + number);
		}
		return digits;
	}

	private static Long[] ids(Collection<Long> ids) {
		return ids.toArray(Long[]::new);
	}

}
