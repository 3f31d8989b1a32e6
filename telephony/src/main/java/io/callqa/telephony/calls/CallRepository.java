package io.callqa.telephony.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
