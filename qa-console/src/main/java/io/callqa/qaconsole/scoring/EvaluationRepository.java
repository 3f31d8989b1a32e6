package io.callqa.qaconsole.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.telephony.CallSummary;

/**
 * SQL for {@code evaluation} and {@code evaluation_item}.
 */
@Repository
class EvaluationRepository {

	private final JdbcClient jdbc;

	EvaluationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(CallSummary call, long versionId, String evaluator, int revision, @Nullable Long supersedesId) {
		return this.jdbc.sql("""
				insert into evaluation (call_id, scorecard_version_id, agent, evaluator, revision, supersedes_id, state)
				values (:callId, :versionId, :agent, :evaluator, :revision, :supersedesId, 'DRAFT') returning id""")
			.param("callId", call.id())
			.param("versionId", versionId)
			.param("agent", call.agent())
			.param("evaluator", evaluator)
			.param("revision", revision)
			.param("supersedesId", supersedesId)
			.query(Long.class)
			.single();
	}

	Optional<Evaluation> find(long id) {
		return one("select * from evaluation where id = :id", id);
	}

	/** Finds and locks the row, so concurrent changes of one evaluation happen one after the other. */
	Optional<Evaluation> lock(long id) {
		return one("select * from evaluation where id = :id for update", id);
	}

	Optional<Long> draftOf(long callId, String evaluator) {
		return this.jdbc.sql("""
				select id from evaluation where call_id = :callId and evaluator = :evaluator and state = 'DRAFT'
				order by id limit 1""")
			.param("callId", callId)
			.param("evaluator", evaluator)
			.query(Long.class)
			.optional();
	}

	List<Evaluation> forCall(long callId) {
		return many("select * from evaluation where call_id = :callId order by revision, id", Map.of("callId", callId));
	}

	List<Evaluation> list(EvaluationQuery query) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		String at = "coalesce(submitted_at, created_at)";
		add(where, params, "agent = :agent", "agent", query.agent());
		add(where, params, at + " >= :from", "from", (query.from() != null) ? Timestamp.from(query.from()) : null);
		add(where, params, at + " < :to", "to", (query.to() != null) ? Timestamp.from(query.to()) : null);
		add(where, params, "state = :state", "state", (query.state() != null) ? query.state().name() : null);
		if (query.state() == null) {
			where.add("state <> 'SUPERSEDED'");
		}
		return many("select * from evaluation where " + String.join(" and ", where) + " order by " + at
				+ " desc, id desc", params);
	}

	private static void add(List<String> where, Map<String, Object> params, String condition, String name,
			@Nullable Object value) {
		if (value != null) {
			where.add(condition);
			params.put(name, value);
		}
	}

	/** Saves an answer, replacing an earlier one; an empty answer removes it (not answered). */
	void saveAnswer(long id, Answer answer) {
		if (answer.isEmpty()) {
			this.jdbc.sql("delete from evaluation_item where evaluation_id = :id and item_key = :key")
				.param("id", id)
				.param("key", answer.key())
				.update();
			return;
		}
		this.jdbc.sql("""
				insert into evaluation_item (evaluation_id, item_key, value, na, comment, evidence_sec)
				values (:id, :key, :value, :na, :comment, :evidence)
				on conflict (evaluation_id, item_key) do update set value = excluded.value, na = excluded.na,
				    comment = excluded.comment, evidence_sec = excluded.evidence_sec""")
			.param("id", id)
			.param("key", answer.key())
			.param("value", answer.value())
			.param("na", answer.na())
			.param("comment", answer.comment())
			.param("evidence", answer.evidenceSec())
			.update();
	}

	void copyAnswers(long fromId, long toId) {
		this.jdbc.sql("""
				insert into evaluation_item (evaluation_id, item_key, value, na, comment, evidence_sec)
				select :toId, item_key, value, na, comment, evidence_sec from evaluation_item where evaluation_id = :fromId""")
			.param("fromId", fromId)
			.param("toId", toId)
			.update();
	}

	void comment(long id, @Nullable String comment) {
		update("update evaluation set comment = :text where id = :id", id, comment);
	}

	void submit(long id, Score score) {
		this.jdbc.sql("""
				update evaluation set state = 'SUBMITTED', score = :score, passed = :passed,
				    critical_failed = :critical, submitted_at = now() where id = :id""")
			.param("id", id)
			.param("score", score.score())
			.param("passed", score.passed())
			.param("critical", score.criticalFailed())
			.update();
	}

	void respond(long id, EvaluationState state, @Nullable String agentComment) {
		this.jdbc.sql("update evaluation set state = :state, agent_comment = :text, responded_at = now() where id = :id")
			.param("id", id)
			.param("state", state.name())
			.param("text", agentComment)
			.update();
	}

	void close(long id, EvaluationState state, @Nullable String resolutionComment) {
		this.jdbc.sql("""
				update evaluation set state = :state, resolution_comment = coalesce(cast(:text as text), resolution_comment),
				    resolved_at = case when cast(:text as text) is null then resolved_at else now() end
				where id = :id""")
			.param("id", id)
			.param("state", state.name())
			.param("text", resolutionComment)
			.update();
	}

	private void update(String sql, long id, @Nullable String text) {
		this.jdbc.sql(sql).param("id", id).param("text", text).update();
	}

	private Optional<Evaluation> one(String sql, long id) {
		return this.jdbc.sql(sql).param("id", id).query(this::evaluation).optional();
	}

	private List<Evaluation> many(String sql, Map<String, ?> params) {
		return this.jdbc.sql(sql).params(params).query(this::evaluation).list();
	}

	private List<Answer> items(long id) {
		return this.jdbc.sql("select * from evaluation_item where evaluation_id = :id order by item_key")
			.param("id", id)
			.query((rs, row) -> new Answer(rs.getString("item_key"), rs.getObject("value", Double.class),
					rs.getBoolean("na"), rs.getString("comment"), rs.getObject("evidence_sec", Double.class)))
			.list();
	}

	private Evaluation evaluation(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		return new Evaluation(id, rs.getLong("call_id"), rs.getLong("scorecard_version_id"), rs.getString("agent"),
				rs.getString("evaluator"), rs.getInt("revision"), rs.getObject("supersedes_id", Long.class),
				EvaluationState.valueOf(rs.getString("state")), rs.getObject("score", Double.class),
				rs.getObject("passed", Boolean.class), rs.getBoolean("critical_failed"), rs.getString("comment"),
				instant(rs, "created_at"), instant(rs, "submitted_at"), rs.getString("agent_comment"),
				instant(rs, "responded_at"), rs.getString("resolution_comment"), instant(rs, "resolved_at"),
				items(id));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
