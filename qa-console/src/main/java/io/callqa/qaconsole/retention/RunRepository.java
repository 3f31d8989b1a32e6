package io.callqa.qaconsole.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code retention_run}, {@code retention_run_queue} and {@code retention_schedule}. */
@Repository
class RunRepository {

	private final JdbcClient jdbc;

	RunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long start(String trigger, @Nullable String by) {
		return this.jdbc.sql("insert into retention_run (trigger, started_by) values (:t, :by) returning id")
			.param("t", trigger)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	void addQueue(long runId, RetentionRun.QueueCounts queue) {
		RetentionRun.Counts c = queue.counts();
		this.jdbc.sql("""
				insert into retention_run_queue (run_id, queue, policy_queue, audio_files_deleted, transcripts_deleted,
				calls_deleted, held_skipped) values (:run, :q, :p, :a, :t, :c, :h)""")
			.param("run", runId)
			.param("q", queue.queue())
			.param("p", queue.policyQueue())
			.param("a", c.audioFilesDeleted())
			.param("t", c.transcriptsDeleted())
			.param("c", c.callsDeleted())
			.param("h", c.heldSkipped())
			.update();
	}

	void finish(long runId, String state, RetentionRun.Counts total, int errors, @Nullable String lastError) {
		this.jdbc.sql("""
				update retention_run set finished_at = now(), state = :s, audio_files_deleted = :a,
				transcripts_deleted = :t, calls_deleted = :c, held_skipped = :h, errors = :e, last_error = :le
				where id = :id""")
			.param("id", runId)
			.param("s", state)
			.param("a", total.audioFilesDeleted())
			.param("t", total.transcriptsDeleted())
			.param("c", total.callsDeleted())
			.param("h", total.heldSkipped())
			.param("e", errors)
			.param("le", (lastError != null && lastError.length() > 2000) ? lastError.substring(0, 2000) : lastError)
			.update();
	}

	/**
	 * A run left RUNNING by a server that stopped or died during it: the lock it held is gone with its connection, so
	 * whoever holds the lock now may say so.
	 */
	int markInterrupted() {
		return this.jdbc.sql("""
				update retention_run set state = 'FAILED', finished_at = now(),
				last_error = 'interrupted: the server stopped during the run' where state = 'RUNNING'""")
			.update();
	}

	Optional<LocalDate> lastDoneDay() {
		return this.jdbc.sql("select last_done_day from retention_schedule where last_done_day is not null")
			.query((rs, row) -> rs.getObject("last_done_day", LocalDate.class))
			.optional();
	}

	void doneDay(LocalDate day) {
		this.jdbc.sql("update retention_schedule set last_done_day = greatest(coalesce(last_done_day, :d), :d)")
			.param("d", day)
			.update();
	}

	Optional<RetentionRun> find(long id) {
		return runs("where r.id = :id", id, 1).stream().findFirst();
	}

	/** The last runs, newest first. */
	List<RetentionRun> recent(int limit) {
		return runs("", null, limit);
	}

	private List<RetentionRun> runs(String where, @Nullable Long id, int limit) {
		List<RetentionRun> runs = this.jdbc.sql("select * from retention_run r " + where
				+ " order by r.started_at desc, r.id desc limit :limit")
			.param("id", id)
			.param("limit", limit)
			.query(this::run)
			.list();
		for (RetentionRun run : runs) {
			run.queues().addAll(this.jdbc.sql("select * from retention_run_queue where run_id = :id order by queue")
				.param("id", run.id())
				.query((rs, row) -> new RetentionRun.QueueCounts(rs.getString("queue"), rs.getString("policy_queue"),
						counts(rs)))
				.list());
		}
		return runs;
	}

	private RetentionRun run(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new RetentionRun(rs.getLong("id"), rs.getString("trigger"), rs.getString("started_by"),
				rs.getTimestamp("started_at").toInstant(), (finished != null) ? finished.toInstant() : null,
				rs.getString("state"), counts(rs), rs.getInt("errors"), rs.getString("last_error"), new ArrayList<>());
	}

	private static RetentionRun.Counts counts(ResultSet rs) throws SQLException {
		return new RetentionRun.Counts(rs.getInt("audio_files_deleted"), rs.getInt("transcripts_deleted"),
				rs.getInt("calls_deleted"), rs.getInt("held_skipped"));
	}

}
