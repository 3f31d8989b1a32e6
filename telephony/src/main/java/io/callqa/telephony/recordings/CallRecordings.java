package io.callqa.telephony.recordings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.telephony.CallDetails;
import io.callqa.telephony.CallRecorded;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.telephony.RecordingClearance;

/**
 * The {@code recording} table and the files it names. Attaches recordings made by Asterisk to the calls followed on
 * AMI: the file is copied into our store (Asterisk's spool may be cleaned by its own rules) and queued for
 * transcription in the same transaction that records it. Registers uploaded recordings with their call.
 */
@Service
public class CallRecordings {

	/** The advisory locks (this space, a call's id) under which a call's recordings are stored one at a time. */
	private static final int LOCK_SPACE = 7277021;

	private final JdbcClient jdbc;

	private final RecordingStore store;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final RedactionProperties redaction;

	CallRecordings(JdbcClient jdbc, RecordingStore store, ApplicationEventPublisher events,
			TransactionTemplate transaction, RedactionProperties redaction) {
		this.jdbc = jdbc;
		this.store = store;
		this.events = events;
		this.transaction = transaction;
		this.redaction = redaction;
	}

	/**
	 * Stores an uploaded recording and registers its call; the file is written before the transaction opens so that
	 * a long upload holds no database connection, and removed again if the registration fails.
	 * @return the new call's id
	 */
	public long registerUpload(NewRecordedCall call, InputStream audio) throws IOException {
		Path relative = this.store.store(audio, call.fileName());
		try {
			long size = Files.size(this.store.resolve(relative));
			return this.transaction.execute((status) -> registerUpload(call, relative, size));
		}
		catch (RuntimeException ex) {
			this.store.deleteQuietly(relative);
			throw ex;
		}
	}

	/**
	 * The recording the call is transcribed from (see {@link #attach}): its first per-party recording if it has one,
	 * else its first, so the page plays the audio its transcript was made from. The others (a per-party dialplan's
	 * mixed file beside the stereo pair) stay with the call.
	 */
	public Optional<CallDetails.RecordingFile> transcribed(long callId) {
		return this.jdbc.sql("""
				select id as recording_id, path, original_name, size_bytes, channel_map, clearance
				from recording where call_id = :callId order by channel_map is null, id limit 1""")
			.param("callId", callId)
			.query((rs, row) -> recording(rs))
			.optional();
	}

	/** One recording of a call, by its id. */
	public Optional<CallDetails.RecordingFile> recording(long callId, long recordingId) {
		return this.jdbc.sql("""
				select id as recording_id, path, original_name, size_bytes, channel_map, clearance
				from recording where id = :recordingId and call_id = :callId""")
			.param("recordingId", recordingId)
			.param("callId", callId)
			.query((rs, row) -> recording(rs))
			.optional();
	}

	/** The call one of whose legs had this Uniqueid, and whether it is still live. */
	public Optional<LegOwner> findByUniqueid(String uniqueid) {
		return findByUniqueid(List.of(uniqueid));
	}

	/**
	 * The call one of whose legs had one of these Uniqueids (those a file name may stand for, e.g.
	 * {@code 1796047513.0}, {@code pbx1-1796047513.0}), the longest that exists winning, and whether it is live.
	 */
	public Optional<LegOwner> findByUniqueid(List<String> uniqueids) {
		return this.jdbc.sql("""
				select c.id, c.state from call_leg l join call c on c.id = l.call_id
				where l.uniqueid in (:uniqueids) order by length(l.uniqueid) desc, c.id desc limit 1""")
			.param("uniqueids", uniqueids)
			.query((rs, row) -> new LegOwner(rs.getLong("id"), "ACTIVE".equals(rs.getString("state"))))
			.optional();
	}

	/**
	 * Whether a file of Asterisk's (or a pair, see {@link #attach}) was attached already, by the call's end or by an
	 * earlier sweep.
	 */
	public boolean isAttached(String sourceKey) {
		return this.jdbc.sql("select count(*) from recording where source_path = :path")
			.param("path", sourceKey)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Copies {@code audio} into the store and attaches it to the call. The call's first recording is announced for
	 * transcription, and so is its first per-party one (a channel map) if a mixed file came before it: the pair and
	 * the mixed file of one call are found in either order (a sweep's listing may predate the pair), and a transcript
	 * per speaker is worth a second transcription. Other later ones (a second MixMonitor, a supervisor's) are kept
	 * with the call but not transcribed.
	 * @param sourceKey the Asterisk file's absolute path (both paths joined by {@code |} for a per-party pair)
	 * @param origin {@code CALL_END} or {@code SWEEP}
	 * @return the recording id, or empty if the source was attached meanwhile (sweep and call end raced)
	 */
	public Optional<Long> attach(long callId, String sourceKey, Path audio, List<String> channelMap, String origin)
			throws IOException {
		Path relative;
		try (InputStream in = Files.newInputStream(audio)) {
			relative = this.store.store(in, audio.getFileName().toString());
		}
		long size = Files.size(this.store.resolve(relative));
		Optional<Long> id = this.transaction
			.execute((status) -> insert(callId, sourceKey, audio, relative, size, channelMap, origin));
		if (id.isEmpty()) {
			this.store.deleteQuietly(relative);
		}
		return id;
	}

	/**
	 * Registers a call known only from a recording file (its events were missed, e.g. during an AMI outage), so the
	 * recording is never lost.
	 */
	public long registerOrphan(String uniqueid, Instant startedAt, String anomaly) {
		return registerOrphan(List.of(uniqueid), startedAt, anomaly);
	}

	/**
	 * As {@link #registerOrphan(String, Instant, String)} for a file name that may stand for several Uniqueids
	 * (shortest first): the call gets a leg for each, so a later survey answer or lookup finds it by the real one.
	 */
	public long registerOrphan(List<String> uniqueids, Instant startedAt, String anomaly) {
		String uniqueid = uniqueids.get(0);
		return this.transaction.execute((status) -> {
			long id = this.jdbc.sql("""
					insert into call (source, direction, started_at, state, anomaly, linkedid, server)
					values ('ASTERISK', 'INBOUND', :startedAt, 'ENDED', :anomaly, :linkedid, 'unknown') returning id""")
				.param("startedAt", Timestamp.from(startedAt))
				.param("anomaly", anomaly)
				.param("linkedid", "orphan-" + uniqueid)
				.query(Long.class)
				.single();
			for (String candidate : uniqueids) {
				this.jdbc.sql("""
						insert into call_leg (server, uniqueid, call_id, channel) values ('unknown', :u, :id, '')
						on conflict do nothing""")
					.param("u", candidate)
					.param("id", id)
					.update();
			}
			return id;
		});
	}

	/** Notes on the call what went wrong with its recording (missing file, still being written, unreadable ...). */
	public void noteAnomaly(long callId, String anomaly) {
		this.jdbc.sql("""
				update call set anomaly = case when anomaly is null then :a else anomaly || '; ' || :a end,
				updated_at = now() where id = :id""")
			.param("a", anomaly)
			.param("id", callId)
			.update();
	}

	private Optional<Long> insert(long callId, String sourceKey, Path audio, Path relative, long size,
			List<String> channelMap, String origin) {
		// Announced: the call's first recording, and its first per-party one. Recordings of one call stored at once
		// (the collector, another process) decide this one after the other, each seeing what the other stored: a count
		// without the lock let both see none and both be announced. An advisory lock rather than the call's row: the
		// call tracker updates call rows and then takes the index outbox's lock, which the announcement takes too.
		this.jdbc.sql("select pg_advisory_xact_lock(:space, :key)")
			.param("space", LOCK_SPACE)
			.param("key", (int) (callId % Integer.MAX_VALUE))
			.query((rs, row) -> 1)
			.list();
		boolean announce = this.jdbc.sql("""
				select not exists (select 1 from recording where call_id = :id
				                   and (cast(:mono as boolean) or channel_map is not null))""")
			.param("id", callId)
			.param("mono", channelMap.isEmpty())
			.query(Boolean.class)
			.single();
		Optional<Long> id = this.jdbc.sql("""
				insert into recording (call_id, path, original_name, size_bytes, channel_map, source_path, origin,
				clearance)
				values (:callId, :path, :name, :size, :map, :source, :origin, :clearance)
				on conflict (source_path) where source_path is not null do nothing returning id""")
			.param("callId", callId)
			.param("path", relative.toString())
			.param("name", audio.getFileName().toString())
			.param("size", size)
			.param("map", channelMap.isEmpty() ? null : String.join(",", channelMap))
			.param("source", sourceKey)
			.param("origin", origin)
			.param("clearance", newClearance().name())
			.query(Long.class)
			.optional();
		id.filter((recordingId) -> announce).ifPresent((recordingId) -> this.events
			.publishEvent(new CallRecorded(callId, recordingId, this.store.resolve(relative), channelMap)));
		return id;
	}

	private long registerUpload(NewRecordedCall call, Path relative, long size) {
		Instant startedAt = (call.startedAt() != null) ? call.startedAt() : Instant.now();
		long callId = this.jdbc.sql("""
				insert into call (source, agent, queue, direction, caller_number, started_at)
				values ('UPLOAD', :agent, :queue, :direction, :caller, :startedAt) returning id""")
			.param("agent", call.agent())
			.param("queue", call.queue())
			.param("direction", call.direction().name())
			.param("caller", call.callerNumber())
			.param("startedAt", Timestamp.from(startedAt))
			.query(Long.class)
			.single();
		long recordingId = this.jdbc.sql("""
				insert into recording (call_id, path, original_name, size_bytes, channel_map, clearance)
				values (:callId, :path, :name, :size, :channelMap, :clearance) returning id""")
			.param("callId", callId)
			.param("path", relative.toString())
			.param("name", call.fileName())
			.param("size", size)
			.param("channelMap", call.channelMap().isEmpty() ? null : String.join(",", call.channelMap()))
			.param("clearance", newClearance().name())
			.query(Long.class)
			.single();
		this.events.publishEvent(new CallRecorded(callId, recordingId, this.store.resolve(relative), call.channelMap()));
		return callId;
	}

	private CallDetails.RecordingFile recording(ResultSet rs) throws SQLException {
		String map = rs.getString("channel_map");
		return new CallDetails.RecordingFile(rs.getLong("recording_id"), this.store.resolve(Path.of(rs.getString("path"))),
				rs.getString("original_name"), rs.getLong("size_bytes"),
				(map == null) ? List.of() : Arrays.asList(map.split(",")),
				RecordingClearance.valueOf(rs.getString("clearance")));
	}

	/** Held until redacted while {@code callqa.redaction.mode} is {@code redact}, on every path a recording comes in. */
	private RecordingClearance newClearance() {
		return this.redaction.holdsNewRecordings() ? RecordingClearance.HELD : RecordingClearance.NOT_HELD;
	}

	/**
	 * @param live the call still has legs on Asterisk: its recording is not finished
	 */
	public record LegOwner(long callId, boolean live) {
	}

}
