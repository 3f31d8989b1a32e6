package io.callqa.telephony.calls;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the {@code call} and {@code recording} tables, which this feature owns.
 */
@Repository
class CallRepository {

	private final JdbcClient jdbc;

	private final RecordingStore store;

	CallRepository(JdbcClient jdbc, RecordingStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	long insertCall(NewRecordedCall call, Instant startedAt) {
		return this.jdbc.sql("""
				insert into call (source, agent, queue, direction, caller_number, started_at)
				values ('UPLOAD', :agent, :queue, :direction, :caller, :startedAt) returning id""")
			.param("agent", call.agent())
			.param("queue", call.queue())
			.param("direction", call.direction().name())
			.param("caller", call.callerNumber())
			.param("startedAt", Timestamp.from(startedAt))
			.query(Long.class)
			.single();
	}

	long insertRecording(long callId, Path relativePath, NewRecordedCall call, long sizeBytes) {
		return this.jdbc.sql("""
				insert into recording (call_id, path, original_name, size_bytes, channel_map)
				values (:callId, :path, :name, :size, :channelMap) returning id""")
			.param("callId", callId)
			.param("path", relativePath.toString())
			.param("name", call.fileName())
			.param("size", sizeBytes)
			.param("channelMap", call.channelMap().isEmpty() ? null : String.join(",", call.channelMap()))
			.query(Long.class)
			.single();
	}

	/**
	 * The call with its first recording: the one queued for transcription (see {@link CallRecordings#attach}), so the
	 * page plays the audio its transcript was made from. Later recordings (a per-party dialplan's mixed file beside
	 * the stereo pair) stay with the call.
	 */
	Optional<CallDetails> find(long id) {
		return this.jdbc.sql("""
				select c.*, r.id as recording_id, r.path, r.original_name, r.size_bytes, r.channel_map
				from call c left join recording r on r.call_id = c.id
				where c.id = :id order by r.id limit 1""")
			.param("id", id)
			.query(this::toDetails)
			.optional();
	}

	/** One recording of a call, by its id. */
	Optional<CallDetails.RecordingFile> findRecording(long callId, long recordingId) {
		return this.jdbc.sql("""
				select id as recording_id, path, original_name, size_bytes, channel_map
				from recording where id = :recordingId and call_id = :callId""")
			.param("recordingId", recordingId)
			.param("callId", callId)
			.query((rs, row) -> recording(rs))
			.optional();
	}

	private CallDetails toDetails(ResultSet rs, int row) throws SQLException {
		return new CallDetails(rs.getLong("id"), rs.getString("source"), rs.getString("agent"),
				rs.getString("queue"), Direction.valueOf(rs.getString("direction")), rs.getString("caller_number"),
				rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("ended_at")),
				rs.getObject("duration_sec", Double.class), rs.getString("outcome"), recording(rs));
	}

	private CallDetails.@Nullable RecordingFile recording(ResultSet rs) throws SQLException {
		if (rs.getObject("recording_id") == null) {
			return null;
		}
		String map = rs.getString("channel_map");
		return new CallDetails.RecordingFile(rs.getLong("recording_id"), this.store.resolve(Path.of(rs.getString("path"))),
				rs.getString("original_name"), rs.getLong("size_bytes"),
				(map == null) ? List.of() : Arrays.asList(map.split(",")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
