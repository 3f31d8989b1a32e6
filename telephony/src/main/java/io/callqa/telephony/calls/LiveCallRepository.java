package io.callqa.telephony.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.telephony.Direction;

/**
 * SQL for calls followed on Asterisk: the {@code call} rows, their legs and transfers, written in batches.
 */
@Repository
class LiveCallRepository {

	static final String COLUMNS = "source, server, linkedid, queue, agent, caller_number, caller_name, direction, "
			+ "started_at, entered_at, answered_at, ended_at, wait_sec, talk_sec, duration_sec, ring_no_answer, "
			+ "transfers, queue_position, outcome, anomaly, state, callback_attempt_id, hold_sec";

	private static final int[] TYPES = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP,
			Types.TIMESTAMP, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.INTEGER, Types.INTEGER, Types.INTEGER,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.DOUBLE };

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	LiveCallRepository(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
	}

	/** Reserves ids for new rows in one round trip. */
	List<Long> nextIds(int count) {
		return this.jdbc.sql("select nextval(pg_get_serial_sequence('call', 'id')) from generate_series(1, :n)")
			.param("n", count)
			.query(Long.class)
			.list();
	}

	/** Inserts new calls with reserved ids; returns, per row, whether it was inserted (false: linkedid known). */
	boolean[] insert(List<Long> ids, List<CallRow> rows) {
		String sql = "insert into call (id, " + COLUMNS + ") overriding system value values (?, "
				+ "?, ".repeat(TYPES.length - 1) + "?) on conflict (server, linkedid) where linkedid is not null "
				+ "do nothing";
		List<Object[]> args = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Object[] values = rows.get(i).values();
			Object[] withId = new Object[values.length + 1];
			withId[0] = ids.get(i);
			System.arraycopy(values, 0, withId, 1, values.length);
			args.add(withId);
		}
		int[] types = new int[TYPES.length + 1];
		types[0] = Types.BIGINT;
		System.arraycopy(TYPES, 0, types, 1, TYPES.length);
		int[] counts = this.jdbcTemplate.batchUpdate(sql, args, types);
		boolean[] inserted = new boolean[counts.length];
		for (int i = 0; i < counts.length; i++) {
			inserted[i] = counts[i] != 0;
		}
		return inserted;
	}

	void update(Map<Long, CallRow> rows) {
		String sql = "update call set (" + COLUMNS + ", updated_at) = (" + "?, ".repeat(TYPES.length)
				+ "now()) where id = ?";
		List<Object[]> args = new ArrayList<>();
		rows.forEach((id, row) -> {
			Object[] values = Arrays.copyOf(row.values(), TYPES.length + 1);
			values[TYPES.length] = id;
			args.add(values);
		});
		int[] types = Arrays.copyOf(TYPES, TYPES.length + 1);
		types[TYPES.length] = Types.BIGINT;
		this.jdbcTemplate.batchUpdate(sql, args, types);
	}

	void insertLegs(List<Object[]> legs) {
		this.jdbcTemplate.batchUpdate("""
				insert into call_leg (server, uniqueid, call_id, channel) values (?, ?, ?, ?)
				on conflict do nothing""", legs);
	}

	void insertTransfers(List<Object[]> transfers) {
		this.jdbcTemplate.batchUpdate("""
				insert into call_transfer (call_id, kind, from_agent, to_target, transferred_at)
				values (?, ?, ?, ?, ?)""", transfers);
	}

	Optional<Long> findIdByLinkedid(String server, String linkedid) {
		return this.jdbc.sql("select id from call where server = :server and linkedid = :linkedid")
			.param("server", server)
			.param("linkedid", linkedid)
			.query(Long.class)
			.optional();
	}

	Optional<Long> findByUniqueid(@Nullable String server, String uniqueid) {
		return this.jdbc.sql("""
				select call_id from call_leg where uniqueid = :uniqueid and (cast(:server as text) is null
				or server = :server) order by created_at desc limit 1""")
			.param("uniqueid", uniqueid)
			.param("server", server)
			.query(Long.class)
			.optional();
	}

	/** ACTIVE Asterisk calls with their legs, to follow them again after a restart. */
	List<LiveCall> loadActive() {
		List<LiveCall> calls = this.jdbc.sql("""
				select * from call where source = 'ASTERISK' and state = 'ACTIVE' and linkedid is not null""")
			.query(this::toLiveCall)
			.list();
		for (LiveCall call : calls) {
			this.jdbc.sql("select uniqueid, channel from call_leg where call_id = :id order by created_at")
				.param("id", call.id())
				.query((rs, row) -> {
					call.restoreLeg(rs.getString("uniqueid"), rs.getString("channel"));
					return row;
				})
				.list();
		}
		return calls;
	}

	private LiveCall toLiveCall(ResultSet rs, int row) throws SQLException {
		String anomaly = rs.getString("anomaly");
		return new LiveCall(new LiveCall.Stored(rs.getLong("id"), rs.getString("server"), rs.getString("linkedid"),
				rs.getTimestamp("started_at").toInstant(), rs.getString("queue"), rs.getString("agent"),
				rs.getString("caller_number"), rs.getString("caller_name"), instant(rs.getTimestamp("entered_at")),
				instant(rs.getTimestamp("answered_at")), rs.getObject("queue_position", Integer.class),
				rs.getObject("wait_sec", Double.class), rs.getInt("transfers"),
				rs.getObject("callback_attempt_id", Long.class), Direction.valueOf(rs.getString("direction")),
				(anomaly != null) ? Arrays.asList(anomaly.split("; ")) : List.of(), rs.getInt("ring_no_answer"),
				rs.getObject("hold_sec", Double.class)));
	}

	private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
