package io.callqa.qaconsole.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts call rows (and a recording row) the way telephony would, so scoring has calls to evaluate.
 */
final class TestCalls {

	private final JdbcClient jdbc;

	TestCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A unique agent name, so tests sharing one database never see each other's calls. */
	static String agent() {
		return "agent-" + UUID.randomUUID().toString().substring(0, 8);
	}

	long recorded(String agent, @Nullable String queue, Instant startedAt) {
		long id = unrecorded(agent, queue, startedAt);
		this.jdbc.sql("insert into recording (call_id, path, size_bytes) values (:id, :path, 44)")
			.param("id", id)
			.param("path", "scoring-tests/" + id + ".wav")
			.update();
		return id;
	}

	long unrecorded(String agent, @Nullable String queue, Instant startedAt) {
		return this.jdbc
			.sql("insert into call (agent, queue, started_at, duration_sec) values (:agent, :queue, :at, 60) returning id")
			.param("agent", agent)
			.param("queue", queue)
			.param("at", Timestamp.from(startedAt))
			.query(Long.class)
			.single();
	}

}
