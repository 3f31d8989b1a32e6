package io.callqa.telephony.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.callqa.telephony.CallFilter;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.CallerHistory;

/**
 * Lists calls and tells an agent about the caller on the line.
 */
@Service
class CallSummaries {

	private static final String COLUMNS = """
			select c.id, c.source, c.started_at, c.ended_at, c.agent, c.queue, c.caller_number, c.caller_name,
			  c.direction, c.outcome, c.duration_sec, c.wait_sec, c.talk_sec, c.hold_sec,
			  exists (select 1 from recording r where r.call_id = c.id) as has_recording,
			  (select s.score from survey_response s where s.call_id = c.id and s.score is not null
			    order by s.answered_at desc, s.id desc limit 1) as survey_score,
			  exists (select 1 from callback_request b where b.origin_call_id = c.id) as callback_requested
			from call c
			""";

	private final JdbcClient jdbc;

	CallSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CallSummary> list(CallFilter filter) {
		return this.jdbc.sql(COLUMNS + """
				 where (cast(:agent as text) is null or c.agent = :agent)
				   and (cast(:queue as text) is null or c.queue = :queue)
				   and (cast(:outcome as text) is null or c.outcome = :outcome)
				   and (cast(:caller as text) is null or c.caller_number = :caller)
				   and (cast(:from as timestamptz) is null or c.started_at >= :from)
				   and (cast(:to as timestamptz) is null or c.started_at < :to)
				 order by c.started_at desc, c.id desc limit :limit offset :offset""")
			.param("agent", filter.agent())
			.param("queue", filter.queue())
			.param("outcome", filter.outcome())
			.param("caller", filter.callerNumber())
			.param("from", timestamp(filter.from()))
			.param("to", timestamp(filter.to()))
			.param("limit", filter.limit())
			.param("offset", filter.offset())
			.query(CallSummaries::summary)
			.list();
	}

	Map<Long, CallSummary> byIds(Collection<Long> ids) {
		Map<Long, CallSummary> calls = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql(COLUMNS + " where c.id in (:ids)")
				.param("ids", ids)
				.query(CallSummaries::summary)
				.list()
				.forEach((call) -> calls.put(call.id(), call));
		}
		return calls;
	}

	List<Long> recordedCallIds(String agent, Instant from, Instant to) {
		return this.jdbc.sql("""
				select c.id from call c
				where c.agent = :agent and c.started_at >= :from and c.started_at < :to
				  and exists (select 1 from recording r where r.call_id = c.id)
				order by c.id""")
			.param("agent", agent)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.list();
	}

	/** The call {@code agent} is talking on now, if any (answered, not ended). */
	Optional<CallSummary> liveCallOf(String agent) {
		return this.jdbc.sql(COLUMNS + """
				 where c.agent = :agent and c.state = 'ACTIVE' and c.answered_at is not null
				 order by c.answered_at desc limit 1""")
			.param("agent", agent)
			.query(CallSummaries::summary)
			.optional();
	}

	/** The caller's earlier calls (newest first, without {@code excludeCallId}), open callbacks and last survey. */
	CallerHistory history(String number, @Nullable Long excludeCallId, int limit) {
		List<CallSummary> calls = list(new CallFilter(null, null, null, null, null, number, limit + 1, 0)).stream()
			.filter((call) -> excludeCallId == null || call.id() != excludeCallId)
			.limit(limit)
			.toList();
		return new CallerHistory(number, calls, openCallbacks(number), lastSurvey(number));
	}

	private List<CallerHistory.OpenCallback> openCallbacks(String number) {
		return this.jdbc.sql("""
				select id, queue, requested_at, promised_by, state from callback_request
				where number = :n and state in ('OPEN', 'DIALLING') order by promised_by""")
			.param("n", number)
			.query((rs, row) -> new CallerHistory.OpenCallback(rs.getLong("id"), rs.getString("queue"),
					rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("promised_by").toInstant(),
					rs.getString("state")))
			.list();
	}

	private CallerHistory.@Nullable LastSurvey lastSurvey(String number) {
		return this.jdbc.sql("""
				select s.score, s.answered_at, s.agent from survey_response s join call c on c.id = s.call_id
				where c.caller_number = :n and s.score is not null order by s.answered_at desc limit 1""")
			.param("n", number)
			.query((rs, row) -> new CallerHistory.LastSurvey(rs.getInt("score"), rs.getTimestamp("answered_at")
				.toInstant(), rs.getString("agent")))
			.optional()
			.orElse(null);
	}

	private static CallSummary summary(ResultSet rs, int row) throws SQLException {
		return new CallSummary(rs.getLong("id"), rs.getString("source"), rs.getTimestamp("started_at").toInstant(),
				instant(rs.getTimestamp("ended_at")), rs.getString("agent"), rs.getString("queue"),
				rs.getString("caller_number"), rs.getString("caller_name"), rs.getString("direction"),
				rs.getString("outcome"), rs.getObject("duration_sec", Double.class),
				rs.getObject("wait_sec", Double.class), rs.getObject("talk_sec", Double.class),
				rs.getObject("hold_sec", Double.class), rs.getBoolean("has_recording"), rs.getObject("survey_score", Integer.class),
				rs.getBoolean("callback_requested"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
