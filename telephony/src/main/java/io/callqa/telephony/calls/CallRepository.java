package io.callqa.telephony.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.telephony.CallDetails;
import io.callqa.telephony.Direction;

/**
 * SQL for the {@code call} table, which this feature owns (recordings' rows are written by {@code recordings}).
 */
@Repository
class CallRepository {

	private final JdbcClient jdbc;

	CallRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The call without its recording, which {@code CallRecordings#first} adds. */
	Optional<CallDetails> find(long id) {
		return this.jdbc.sql("select * from call where id = :id")
			.param("id", id)
			.query(CallRepository::toDetails)
			.optional();
	}

	/** The calls with these ids, without their recordings; ids of no call are absent from the map. */
	Map<Long, CallDetails> findAll(Collection<Long> ids) {
		Map<Long, CallDetails> calls = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select * from call where id in (:ids)")
				.param("ids", ids)
				.query(CallRepository::toDetails)
				.list()
				.forEach((call) -> calls.put(call.id(), call));
		}
		return calls;
	}

	private static CallDetails toDetails(ResultSet rs, int row) throws SQLException {
		return new CallDetails(rs.getLong("id"), rs.getString("source"), rs.getString("agent"),
				rs.getString("queue"), Direction.valueOf(rs.getString("direction")), rs.getString("caller_number"),
				rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("ended_at")),
				rs.getObject("duration_sec", Double.class), rs.getString("outcome"), null);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
