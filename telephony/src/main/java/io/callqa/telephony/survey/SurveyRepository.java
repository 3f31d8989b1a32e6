package io.callqa.telephony.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the {@code survey_response} table, which this feature owns; reads {@code call} and {@code call_leg}.
 */
@Repository
class SurveyRepository {

	private final JdbcClient jdbc;

	SurveyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The call one of whose legs has this Uniqueid (or whose Linkedid it is). */
	Optional<SurveyedCall> findCall(@Nullable String server, String uniqueid) {
		return this.jdbc.sql("""
				select c.id, c.agent, c.queue from call_leg l join call c on c.id = l.call_id
				where l.uniqueid = :uniqueid and (cast(:server as text) is null or l.server = :server)
				union all
				select c.id, c.agent, c.queue from call c
				where c.linkedid = :uniqueid and (cast(:server as text) is null or c.server = :server)
				limit 1""")
			.param("uniqueid", uniqueid)
			.param("server", server)
			.query((rs, row) -> new SurveyedCall(rs.getLong("id"), rs.getString("agent"), rs.getString("queue")))
			.optional();
	}

	long insert(SurveyAnswer answer, @Nullable Long callId, @Nullable String agent, @Nullable String queue,
			Instant answeredAt) {
		return this.jdbc.sql("""
				insert into survey_response (call_id, server, uniqueid, agent, queue, score, answered_at)
				values (:callId, :server, :uniqueid, :agent, :queue, :score, :answeredAt) returning id""")
			.param("callId", callId)
			.param("server", answer.server())
			.param("uniqueid", answer.uniqueid())
			.param("agent", agent)
			.param("queue", queue)
			.param("score", answer.score())
			.param("answeredAt", Timestamp.from(answeredAt))
			.query(Long.class)
			.single();
	}

	/**
	 * A call a survey answer belongs to.
	 */
	record SurveyedCall(long id, @Nullable String agent, @Nullable String queue) {
	}

}
