package io.callqa.qaconsole.floor;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queues' own thresholds (table {@code queue_threshold}, V23).
 */
@Repository
class QueueThresholdRepository {

	private final JdbcClient jdbc;

	QueueThresholdRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<QueueThresholds> all() {
		return this.jdbc.sql("select * from queue_threshold order by queue").query(QueueThresholdRepository::row).list();
	}

	Optional<QueueThresholds> find(String queue) {
		return this.jdbc.sql("select * from queue_threshold where queue = :queue")
			.param("queue", queue)
			.query(QueueThresholdRepository::row)
			.optional();
	}

	QueueThresholds save(QueueThresholds t, String user, Instant at) {
		return this.jdbc.sql("""
				insert into queue_threshold (queue, waiting_yellow, waiting_red, longest_wait_yellow_sec,
				  longest_wait_red_sec, service_level_yellow_pct, service_level_red_pct, abandoned_yellow_pct,
				  abandoned_red_pct, callbacks_overdue_yellow, callbacks_overdue_red, updated_by, updated_at)
				values (:queue, :wy, :wr, :ly, :lr, :sy, :sr, :ay, :ar, :cy, :cr, :by, :at)
				on conflict (queue) do update set waiting_yellow = excluded.waiting_yellow,
				  waiting_red = excluded.waiting_red, longest_wait_yellow_sec = excluded.longest_wait_yellow_sec,
				  longest_wait_red_sec = excluded.longest_wait_red_sec,
				  service_level_yellow_pct = excluded.service_level_yellow_pct,
				  service_level_red_pct = excluded.service_level_red_pct,
				  abandoned_yellow_pct = excluded.abandoned_yellow_pct, abandoned_red_pct = excluded.abandoned_red_pct,
				  callbacks_overdue_yellow = excluded.callbacks_overdue_yellow,
				  callbacks_overdue_red = excluded.callbacks_overdue_red, updated_by = excluded.updated_by,
				  updated_at = excluded.updated_at
				returning *""")
			.param("queue", t.queue())
			.param("wy", (int) t.waiting().yellow())
			.param("wr", (int) t.waiting().red())
			.param("ly", (int) t.longestWaitSec().yellow())
			.param("lr", (int) t.longestWaitSec().red())
			.param("sy", BigDecimal.valueOf(t.serviceLevelPct().yellow()))
			.param("sr", BigDecimal.valueOf(t.serviceLevelPct().red()))
			.param("ay", BigDecimal.valueOf(t.abandonedPct().yellow()))
			.param("ar", BigDecimal.valueOf(t.abandonedPct().red()))
			.param("cy", (int) t.callbacksOverdue().yellow())
			.param("cr", (int) t.callbacksOverdue().red())
			.param("by", user)
			.param("at", Timestamp.from(at))
			.query(QueueThresholdRepository::row)
			.single();
	}

	private static QueueThresholds row(ResultSet rs, int rowNum) throws SQLException {
		return new QueueThresholds(rs.getString("queue"),
				new Level(rs.getInt("waiting_yellow"), rs.getInt("waiting_red")),
				new Level(rs.getInt("longest_wait_yellow_sec"), rs.getInt("longest_wait_red_sec")),
				new Level(rs.getDouble("service_level_yellow_pct"), rs.getDouble("service_level_red_pct")),
				new Level(rs.getDouble("abandoned_yellow_pct"), rs.getDouble("abandoned_red_pct")),
				new Level(rs.getInt("callbacks_overdue_yellow"), rs.getInt("callbacks_overdue_red")),
				rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
	}

}
