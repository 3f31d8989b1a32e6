package io.callqa.qaconsole.autoscore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.qaconsole.rules.AutomaticResult;
import io.callqa.qaconsole.rules.Evidence;
import io.callqa.qaconsole.rules.ItemResult;
import io.callqa.qaconsole.rules.RuleOutcome;

/**
 * SQL for {@code automatic_evaluation}, {@code automatic_evaluation_item} and {@code automatic_review}; the pass mark
 * and version number are read with them from scoring's {@code scorecard_version} (same module).
 */
@Repository
class AutomaticEvaluationRepository {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
	};

	/** Tells apart this feature's advisory locks from others' (the second key is the call). */
	private static final int LOCK_SPACE = 7277011;

	private final JdbcClient jdbc;

	AutomaticEvaluationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises the storing of these calls' evaluations (the listener, the sweep and a re-evaluation may meet on a
	 * call) until the caller's transaction ends. The locks are taken in one order, so two batches cannot deadlock.
	 */
	void lockCalls(Collection<Long> callIds) {
		String keys = callIds.stream()
			.map((id) -> id % Integer.MAX_VALUE)
			.distinct()
			.sorted()
			.map(String::valueOf)
			.collect(Collectors.joining(",", "{", "}"));
		// A function scan returns the array's elements in order: the locks are taken in that order.
		this.jdbc.sql("select pg_advisory_xact_lock(:space, k) from unnest(cast(:keys as int[])) as t(k)")
			.param("space", LOCK_SPACE)
			.param("keys", keys)
			.query((rs, row) -> 1)
			.list();
	}

	/** Of these calls, the ones that have a current evaluation. */
	Set<Long> withCurrent(Collection<Long> callIds) {
		return new HashSet<>(this.jdbc
			.sql("select call_id from automatic_evaluation where call_id = any(cast(:ids as bigint[])) and current")
			.param("ids", idArray(callIds))
			.query(Long.class)
			.list());
	}

	private static String idArray(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/** Of these calls, the ones that have no automatic evaluation yet. */
	List<Long> withoutEvaluation(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select t.id from unnest(cast(:ids as bigint[])) as t(id)
				where not exists (select 1 from automatic_evaluation e where e.call_id = t.id and e.current)
				order by t.id""")
			.param("ids", idArray(callIds))
			.query(Long.class)
			.list();
	}

	/**
	 * Stores each result as its call's current evaluation (the previous one stays, no longer current), in three
	 * statements for the whole batch: re-evaluating a period stores thousands of evaluations.
	 */
	void replaceAll(List<Scored> scored) {
		if (scored.isEmpty()) {
			return;
		}
		this.jdbc.sql("update automatic_evaluation set current = false where call_id = any(cast(:ids as bigint[])) and current")
			.param("ids", idArray(scored.stream().map(Scored::callId).toList()))
			.update();
		// Each table gets one statement whose rows travel as one JSON array: a few statements for the batch, where a
		// JDBC batch is still one statement per row for the server.
		List<Map<String, @Nullable Object>> evaluations = new ArrayList<>(scored.size());
		for (Scored one : scored) {
			Map<String, @Nullable Object> row = new HashMap<>();
			row.put("call_id", one.callId());
			row.put("scorecard_version_id", one.result().scorecardVersionId());
			row.put("agent", one.agent());
			row.put("score", one.result().score());
			row.put("passed", one.result().passed());
			row.put("critical_failed", one.result().criticalFailed());
			evaluations.add(row);
		}
		Map<Long, Long> idByCall = new HashMap<>();
		this.jdbc.sql("""
				insert into automatic_evaluation (call_id, scorecard_version_id, agent, score, passed, critical_failed)
				select r.call_id, r.scorecard_version_id, r.agent, r.score, r.passed, r.critical_failed
				from jsonb_to_recordset(cast(:rows as jsonb)) as r(call_id bigint, scorecard_version_id bigint,
				     agent text, score double precision, passed boolean, critical_failed boolean)
				returning id, call_id""")
			.param("rows", json.writeValueAsString(evaluations))
			.query((rs) -> {
				idByCall.put(rs.getLong("call_id"), rs.getLong("id"));
			});
		List<Map<String, @Nullable Object>> items = new ArrayList<>();
		for (Scored one : scored) {
			long id = idByCall.get(one.callId());
			int seq = 0;
			for (ItemResult item : one.result().items()) {
				Map<String, @Nullable Object> row = new HashMap<>();
				row.put("evaluation_id", id);
				row.put("seq", seq++);
				row.put("item_key", item.itemKey());
				row.put("label", item.label());
				row.put("critical", item.critical());
				row.put("outcome", item.outcome().name());
				row.put("points", item.points());
				row.put("max_points", item.maxPoints());
				row.put("weight", one.weights().getOrDefault(item.itemKey(), 1.0));
				row.put("reason", item.reason());
				row.put("evidence", item.evidence());
				items.add(row);
			}
		}
		if (!items.isEmpty()) {
			this.jdbc.sql("""
					insert into automatic_evaluation_item
					  (evaluation_id, seq, item_key, label, critical, outcome, points, max_points, weight, reason, evidence)
					select r.evaluation_id, r.seq, r.item_key, r.label, r.critical, r.outcome, r.points, r.max_points,
					       r.weight, r.reason, r.evidence
					from jsonb_to_recordset(cast(:rows as jsonb)) as r(evaluation_id bigint, seq int, item_key text,
					     label text, critical boolean, outcome text, points double precision,
					     max_points double precision, weight double precision, reason text, evidence jsonb)""")
				.param("rows", json.writeValueAsString(items))
				.update();
		}
	}

	/** A call's result to store, with the agent it is credited to and the weights of its version's ruled items. */
	record Scored(long callId, @Nullable String agent, AutomaticResult result, Map<String, Double> weights) {
	}

	Optional<AutomaticEvaluation> current(long callId) {
		return this.jdbc.sql(EVALUATION + " where e.call_id = :id and e.current")
			.param("id", callId)
			.query(this::evaluation)
			.optional();
	}

	Optional<AutomaticEvaluation> find(long evaluationId) {
		return this.jdbc.sql(EVALUATION + " where e.id = :id")
			.param("id", evaluationId)
			.query(this::evaluation)
			.optional();
	}

	/** The call's earlier evaluations, newest first, without their items. */
	List<Earlier> earlier(long callId) {
		return this.jdbc.sql("""
				select e.id, e.scorecard_version_id, v.version, e.score, e.evaluated_at,
				       (select count(*) from automatic_review r where r.evaluation_id = e.id) as reviews
				from automatic_evaluation e join scorecard_version v on v.id = e.scorecard_version_id
				where e.call_id = :id and not e.current order by e.id desc""")
			.param("id", callId)
			.query((rs, row) -> new Earlier(rs.getLong("id"), rs.getLong("scorecard_version_id"), rs.getInt("version"),
					rs.getObject("score", Double.class), rs.getTimestamp("evaluated_at").toInstant(),
					rs.getInt("reviews")))
			.list();
	}

	private static final String EVALUATION = """
			select e.*, v.pass_threshold from automatic_evaluation e
			join scorecard_version v on v.id = e.scorecard_version_id""";

	private AutomaticEvaluation evaluation(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		return new AutomaticEvaluation(id, rs.getLong("call_id"), rs.getLong("scorecard_version_id"),
				rs.getString("agent"), rs.getObject("score", Double.class), rs.getBoolean("passed"),
				rs.getBoolean("critical_failed"), rs.getBoolean("current"), rs.getTimestamp("evaluated_at").toInstant(),
				rs.getDouble("pass_threshold"), items(id));
	}

	private List<AutomaticEvaluation.Item> items(long evaluationId) {
		return this.jdbc.sql("select * from automatic_evaluation_item where evaluation_id = :id order by seq")
			.param("id", evaluationId)
			.query((rs, row) -> new AutomaticEvaluation.Item(rs.getString("item_key"), rs.getString("label"),
					rs.getBoolean("critical"), RuleOutcome.valueOf(rs.getString("outcome")),
					rs.getObject("points", Double.class), rs.getDouble("max_points"), rs.getDouble("weight"), rs.getString("reason"),
					json.readValue(rs.getString("evidence"), EVIDENCE)))
			.list();
	}

	/** The evaluation's reviews, oldest first. */
	List<Review> reviews(long evaluationId) {
		return this.jdbc.sql("select * from automatic_review where evaluation_id = :id order by id")
			.param("id", evaluationId)
			.query((rs, row) -> new Review(rs.getLong("id"), rs.getString("item_key"),
					Review.Action.valueOf(rs.getString("action")), RuleOutcome.valueOf(rs.getString("outcome")),
					rs.getObject("points", Double.class), rs.getString("comment"), rs.getString("reviewer"),
					rs.getTimestamp("reviewed_at").toInstant()))
			.list();
	}

	/** Locks the evaluation's row, so two reviews of it are stored one after the other. */
	boolean lock(long evaluationId) {
		return this.jdbc.sql("select id from automatic_evaluation where id = :id for update")
			.param("id", evaluationId)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	void insertReview(long evaluationId, String itemKey, Review.Action action, RuleOutcome outcome,
			@Nullable Double points, @Nullable String comment, String reviewer) {
		this.jdbc.sql("""
				insert into automatic_review (evaluation_id, item_key, action, outcome, points, comment, reviewer)
				values (:id, :key, :action, :outcome, :points, :comment, :reviewer)""")
			.param("id", evaluationId)
			.param("key", itemKey)
			.param("action", action.name())
			.param("outcome", outcome.name())
			.param("points", points)
			.param("comment", comment)
			.param("reviewer", reviewer)
			.update();
	}

	/**
	 * Per agent, the average automatic score and count of current evaluations made in [from, to), by agent; test calls
	 * (mystery shopper) left out: they are reported apart.
	 */
	List<AgentAverage> agentAverages(Instant from, Instant to) {
		return this.jdbc.sql("""
				select agent, avg(score)::float8 as average, count(*) as n from automatic_evaluation
				where current and score is not null and agent is not null
				  and evaluated_at >= :from and evaluated_at < :to
				  and not exists (select 1 from mystery_shopper_call m where m.call_id = automatic_evaluation.call_id)
				group by agent order by agent""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> new AgentAverage(rs.getString("agent"), Math.round(100 * rs.getDouble("average")) / 100.0,
					rs.getLong("n")))
			.list();
	}

	/** An earlier, replaced evaluation of a call: listed so its reviews stay findable. */
	record Earlier(long evaluationId, long scorecardVersionId, int version, @Nullable Double score, Instant evaluatedAt,
			int reviews) {
	}

}
