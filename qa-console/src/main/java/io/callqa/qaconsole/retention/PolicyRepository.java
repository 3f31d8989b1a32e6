package io.callqa.qaconsole.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code retention_policy}. */
@Repository
class PolicyRepository {

	private final JdbcClient jdbc;

	PolicyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The default first, then the queues by name. */
	List<RetentionPolicy> all() {
		return this.jdbc.sql("select * from retention_policy order by queue is not null, queue")
			.query(this::policy)
			.list();
	}

	void saveDefault(@Nullable Integer audio, @Nullable Integer transcript, @Nullable Integer metadata, String by) {
		this.jdbc.sql("""
				update retention_policy set audio_days = :a, transcript_days = :t, metadata_days = :m,
				updated_by = :by, updated_at = now() where queue is null""")
			.param("a", audio)
			.param("t", transcript)
			.param("m", metadata)
			.param("by", by)
			.update();
	}

	void saveQueue(String queue, @Nullable Integer audio, @Nullable Integer transcript, @Nullable Integer metadata,
			String by) {
		this.jdbc.sql("""
				insert into retention_policy (queue, audio_days, transcript_days, metadata_days, updated_by)
				values (:q, :a, :t, :m, :by)
				on conflict (queue) where queue is not null do update set audio_days = excluded.audio_days,
				transcript_days = excluded.transcript_days, metadata_days = excluded.metadata_days,
				updated_by = excluded.updated_by, updated_at = now()""")
			.param("q", queue)
			.param("a", audio)
			.param("t", transcript)
			.param("m", metadata)
			.param("by", by)
			.update();
	}

	boolean deleteQueue(String queue) {
		return this.jdbc.sql("delete from retention_policy where queue = :q").param("q", queue).update() == 1;
	}

	private RetentionPolicy policy(ResultSet rs, int row) throws SQLException {
		return new RetentionPolicy(rs.getString("queue"), rs.getObject("audio_days", Integer.class),
				rs.getObject("transcript_days", Integer.class), rs.getObject("metadata_days", Integer.class),
				rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
	}

}
