package io.callqa.qaconsole.autoscore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code automatic_reevaluation}: the re-evaluations asked for and how far each got.
 */
@Repository
class ReevaluationRepository {

	private final JdbcClient jdbc;

	ReevaluationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Instant from, Instant to, String requestedBy) {
		return this.jdbc.sql("""
				insert into automatic_reevaluation (from_time, to_time, requested_by) values (:from, :to, :by)
				returning id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("by", requestedBy)
			.query(Long.class)
			.single();
	}

	Optional<Reevaluation> find(long id) {
		return this.jdbc.sql("select * from automatic_reevaluation where id = :id")
			.param("id", id)
			.query(ReevaluationRepository::reevaluation)
			.optional();
	}

	List<Reevaluation> latest(int limit) {
		return this.jdbc.sql("select * from automatic_reevaluation order by id desc limit :limit")
			.param("limit", limit)
			.query(ReevaluationRepository::reevaluation)
			.list();
	}

	/** The oldest re-evaluation not finished, with where it got to. */
	Optional<Unfinished> nextUnfinished() {
		return this.jdbc.sql("""
				select * from automatic_reevaluation where finished_at is null order by id limit 1""")
			.query((rs, row) -> new Unfinished(reevaluation(rs, row), rs.getLong("last_call_id")))
			.optional();
	}

	void counted(long id, int total) {
		this.jdbc.sql("update automatic_reevaluation set total = :total where id = :id")
			.param("id", id)
			.param("total", total)
			.update();
	}

	void progressed(long id, int done, long lastCallId) {
		this.jdbc.sql("update automatic_reevaluation set done = done + :done, last_call_id = :last where id = :id")
			.param("id", id)
			.param("done", done)
			.param("last", lastCallId)
			.update();
	}

	void finished(long id) {
		this.jdbc.sql("update automatic_reevaluation set finished_at = now() where id = :id").param("id", id).update();
	}

	private static Reevaluation reevaluation(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return Reevaluation.of(rs.getLong("id"), rs.getTimestamp("from_time").toInstant(),
				rs.getTimestamp("to_time").toInstant(), rs.getObject("total", Integer.class), rs.getInt("done"),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
				(finished != null) ? finished.toInstant() : null);
	}

	/** A re-evaluation in progress and the last call it re-evaluated (0: none yet). */
	record Unfinished(Reevaluation reevaluation, long lastCallId) {
	}

}
