package io.callqa.qaconsole.erasure;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code erasure_audit} table (V25): one row per erasure, without the number. */
@Repository
class ErasureAudit {

	private final JdbcClient jdbc;

	ErasureAudit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	AuditEntry add(String who, String reason, Holdings.Counts erased, Collection<Long> keptHeld,
			Collection<Long> keptInProgress) {
		long id = this.jdbc.sql("""
				insert into erasure_audit (erased_by, reason, calls, recordings, transcripts, callbacks, survey_answers,
				    comments, kept_held, kept_in_progress)
				values (:who, :reason, :calls, :recordings, :transcripts, :callbacks, :surveys, :comments, :held,
				    :inProgress)
				returning id""")
			.param("who", who)
			.param("reason", reason)
			.param("calls", erased.calls())
			.param("recordings", erased.recordings())
			.param("transcripts", erased.transcripts())
			.param("callbacks", erased.callbacks())
			.param("surveys", erased.surveyAnswers())
			.param("comments", erased.comments())
			.param("held", keptHeld.stream().sorted().toArray(Long[]::new))
			.param("inProgress", keptInProgress.stream().sorted().toArray(Long[]::new))
			.query(Long.class)
			.single();
		return find(id);
	}

	/** The latest erasures first. */
	List<AuditEntry> latest(int limit) {
		return this.jdbc.sql("select * from erasure_audit order by erased_at desc, id desc limit :limit")
			.param("limit", limit)
			.query((rs, row) -> entry(rs))
			.list();
	}

	private AuditEntry find(long id) {
		return this.jdbc.sql("select * from erasure_audit where id = :id")
			.param("id", id)
			.query((rs, row) -> entry(rs))
			.single();
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		List<Long> held = ids(rs.getArray("kept_held"));
		List<Long> inProgress = ids(rs.getArray("kept_in_progress"));
		Holdings.Counts erased = new Holdings.Counts(rs.getInt("calls"), held.size() + inProgress.size(),
				rs.getInt("recordings"), rs.getInt("transcripts"), rs.getInt("callbacks"), rs.getInt("survey_answers"),
				rs.getInt("comments"));
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("erased_at").toInstant(), rs.getString("erased_by"),
				rs.getString("reason"), erased, held, inProgress);
	}

	private static List<Long> ids(Array array) throws SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}

}
