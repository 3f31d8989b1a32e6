package io.callqa.qaconsole.mystery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code mystery_shopper_number}, {@code mystery_shopper_call}, {@code mystery_shopper_unmarked} and
 * {@code mystery_shopper_setting}; the report reads autoscore's evaluations and telephony's calls (same module).
 */
@Repository
class MysteryShopperRepository {

	/** Who marked a call found by its number (not a user). */
	static final String BY_NUMBER = "number-list";

	/**
	 * The one rule of marking by number: the caller number is listed, the call started at or after the number's
	 * {@code marks_from}, and nobody unmarked it.
	 */
	private static final String LISTED = """
			from call c join mystery_shopper_number n on n.number = c.caller_number and c.started_at >= n.marks_from
			where not exists (select 1 from mystery_shopper_unmarked u where u.call_id = c.id)""";

	private final JdbcClient jdbc;

	MysteryShopperRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ShopperNumber> numbers() {
		return this.jdbc.sql("select * from mystery_shopper_number order by number")
			.query(this::shopperNumber)
			.list();
	}

	Optional<ShopperNumber> number(String number) {
		return this.jdbc.sql("select * from mystery_shopper_number where number = :n")
			.param("n", number)
			.query(this::shopperNumber)
			.optional();
	}

	/** False when the number is already listed. */
	boolean insertNumber(String number, @Nullable String note, Instant marksFrom, String addedBy) {
		return this.jdbc.sql("""
				insert into mystery_shopper_number (number, note, marks_from, added_by)
				values (:n, :note, :from, :by) on conflict (number) do nothing""")
			.param("n", number)
			.param("note", note)
			.param("from", Timestamp.from(marksFrom))
			.param("by", addedBy)
			.update() == 1;
	}

	boolean deleteNumber(String number) {
		return this.jdbc.sql("delete from mystery_shopper_number where number = :n").param("n", number).update() == 1;
	}

	private ShopperNumber shopperNumber(ResultSet rs, int row) throws SQLException {
		return new ShopperNumber(rs.getString("number"), rs.getString("note"),
				rs.getTimestamp("marks_from").toInstant(), rs.getString("added_by"),
				rs.getTimestamp("added_at").toInstant());
	}

	/** Marks the number's calls that the list makes test calls; answers the calls newly marked. */
	List<Long> markByNumber(String number) {
		return this.jdbc.sql("insert into mystery_shopper_call (call_id, source, marked_by) select c.id, 'NUMBER', '"
				+ BY_NUMBER + "' " + LISTED + " and c.caller_number = :n on conflict (call_id) do nothing returning call_id")
			.param("n", number)
			.query(Long.class)
			.list();
	}

	/**
	 * Of these calls, the test calls, after marking those the number list makes test calls: one statement, so a call
	 * is marked before anything reads it.
	 */
	Set<Long> markedAmong(Collection<Long> callIds) {
		String ids = callIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
		// The inserted rows are not visible to the outer select of the same statement: both are united.
		return new TreeSet<>(this.jdbc.sql("with marked as (insert into mystery_shopper_call (call_id, source, marked_by)"
				+ " select c.id, 'NUMBER', '" + BY_NUMBER + "' " + LISTED
				+ " and c.id = any(cast(:ids as bigint[])) on conflict (call_id) do nothing returning call_id)"
				+ " select call_id from marked union"
				+ " select call_id from mystery_shopper_call where call_id = any(cast(:ids as bigint[]))")
			.param("ids", ids)
			.query(Long.class)
			.list());
	}

	Optional<Mark> mark(long callId) {
		return this.jdbc.sql("select * from mystery_shopper_call where call_id = :id")
			.param("id", callId)
			.query((rs, row) -> new Mark(rs.getLong("call_id"), rs.getString("source"), rs.getString("marked_by"),
					rs.getTimestamp("marked_at").toInstant()))
			.optional();
	}

	/** Marks a call by API (a call the list marked already keeps its row); forgets an earlier unmarking. */
	void markByApi(long callId, String by) {
		this.jdbc.sql("delete from mystery_shopper_unmarked where call_id = :id").param("id", callId).update();
		this.jdbc.sql("""
				insert into mystery_shopper_call (call_id, source, marked_by) values (:id, 'API', :by)
				on conflict (call_id) do nothing""")
			.param("id", callId)
			.param("by", by)
			.update();
	}

	/** Unmarks a call, and remembers it, so the number list does not mark it again. */
	void unmark(long callId, String by) {
		this.jdbc.sql("delete from mystery_shopper_call where call_id = :id").param("id", callId).update();
		this.jdbc.sql("""
				insert into mystery_shopper_unmarked (call_id, unmarked_by) values (:id, :by)
				on conflict (call_id) do update set unmarked_by = excluded.unmarked_by, unmarked_at = now()""")
			.param("id", callId)
			.param("by", by)
			.update();
	}

	boolean callExists(long callId) {
		return this.jdbc.sql("select exists (select 1 from call where id = :id)").param("id", callId)
			.query(Boolean.class)
			.single();
	}

	boolean standardExists(long standardId) {
		return this.jdbc.sql("select exists (select 1 from standard where id = :id)").param("id", standardId)
			.query(Boolean.class)
			.single();
	}

	Optional<Long> standardNamed(String name) {
		return this.jdbc.sql("select id from standard where name = :name").param("name", name)
			.query(Long.class)
			.optional();
	}

	Setting setting() {
		return this.jdbc.sql("""
				select s.standard_id, st.name, s.updated_by, s.updated_at from mystery_shopper_setting s
				left join standard st on st.id = s.standard_id""")
			.query((rs, row) -> {
				Timestamp at = rs.getTimestamp("updated_at");
				return new Setting(rs.getObject("standard_id", Long.class), rs.getString("name"),
						rs.getString("updated_by"), (at != null) ? at.toInstant() : null);
			})
			.single();
	}

	void updateSetting(@Nullable Long standardId, String by) {
		this.jdbc.sql("update mystery_shopper_setting set standard_id = :id, updated_by = :by, updated_at = now()")
			.param("id", standardId)
			.param("by", by)
			.update();
	}

	/** The test calls started in [from, to), newest first, with their current automatic evaluation if any. */
	List<ReportCall> reportCalls(Instant from, Instant to) {
		List<ReportCall> calls = this.jdbc.sql("""
				select c.id, c.started_at, c.agent, c.queue, c.caller_number, m.source, m.marked_by,
				       e.id as evaluation_id, e.score, e.passed, e.critical_failed, v.version, s.name as standard
				from mystery_shopper_call m join call c on c.id = m.call_id
				left join automatic_evaluation e on e.call_id = c.id and e.current
				left join scorecard_version v on v.id = e.scorecard_version_id
				left join standard s on s.id = v.standard_id
				where c.started_at >= :from and c.started_at < :to
				order by c.started_at desc, c.id desc""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> new ReportCall(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
					rs.getString("agent"), rs.getString("queue"), rs.getString("caller_number"), rs.getString("source"),
					rs.getString("marked_by"), rs.getObject("evaluation_id", Long.class), rs.getString("standard"),
					rs.getObject("version", Integer.class), rs.getObject("score", Double.class),
					rs.getObject("passed", Boolean.class), rs.getObject("critical_failed", Boolean.class),
					new ArrayList<>()))
			.list();
		Map<Long, ReportCall> byEvaluation = new HashMap<>();
		calls.stream().filter((call) -> call.evaluationId() != null).forEach((call) -> byEvaluation.put(call.evaluationId(), call));
		if (!byEvaluation.isEmpty()) {
			this.jdbc.sql("""
					select evaluation_id, item_key, label, critical from automatic_evaluation_item
					where evaluation_id = any(cast(:ids as bigint[])) and outcome = 'FAIL' order by evaluation_id, seq""")
				.param("ids", byEvaluation.keySet().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
				.query((rs, row) -> byEvaluation.get(rs.getLong("evaluation_id")).failedItems()
					.add(new FailedItem(rs.getString("item_key"), rs.getString("label"), rs.getBoolean("critical"))))
				.list();
		}
		return calls;
	}

	record ShopperNumber(String number, @Nullable String note, Instant marksFrom, String addedBy, Instant addedAt) {
	}

	record Mark(long callId, String source, String markedBy, Instant markedAt) {
	}

	record Setting(@Nullable Long standardId, @Nullable String standardName, @Nullable String updatedBy,
			@Nullable Instant updatedAt) {
	}

	record ReportCall(long callId, Instant startedAt, @Nullable String agent, @Nullable String queue,
			@Nullable String callerNumber, String source, String markedBy, @Nullable Long evaluationId,
			@Nullable String standard, @Nullable Integer version, @Nullable Double score, @Nullable Boolean passed,
			@Nullable Boolean criticalFailed, List<FailedItem> failedItems) {
	}

	record FailedItem(String key, String label, boolean critical) {
	}

}
