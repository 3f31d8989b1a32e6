package io.callqa.transcription.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.transcription.Category;
import io.callqa.transcription.Matching;
import io.callqa.transcription.RetagJob;

/**
 * SQL for {@code call_category} and {@code category_retag}, and the outbox rows a re-tagging adds.
 */
@Repository
class CategoryStore {

	/**
	 * The lock every writer of outbox rows takes in its transaction so rows commit in sequence order (the indexer
	 * must never see row n+1 before row n); the same number as {@code IndexOutbox.add}.
	 */
	private static final long OUTBOX_ORDER_LOCK = 7277001;

	private static final String CATEGORY_COLUMNS = "id, name, query, speaker, matching, updated_by, updated_at";

	private static final String RETAG_COLUMNS = "id, from_time, to_time, first_seq, last_seq, total, queued, "
			+ "requested_by, requested_at";

	private final JdbcClient jdbc;

	CategoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Category> all() {
		return this.jdbc.sql("select " + CATEGORY_COLUMNS + " from call_category order by lower(name)")
			.query(CategoryStore::category)
			.list();
	}

	Optional<Category> find(long id) {
		return this.jdbc.sql("select " + CATEGORY_COLUMNS + " from call_category where id = :id")
			.param("id", id)
			.query(CategoryStore::category)
			.optional();
	}

	boolean nameTaken(String name, long exceptId) {
		return this.jdbc.sql("select count(*) from call_category where lower(name) = lower(:name) and id <> :id")
			.param("name", name)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insert(String name, String query, Category.Speaker speaker, Matching matching, String who) {
		return this.jdbc.sql("""
				insert into call_category (name, query, speaker, matching, updated_by)
				values (:name, :query, :speaker, :matching, :who) returning id""")
			.param("name", name)
			.param("query", query)
			.param("speaker", speaker.name())
			.param("matching", matching.name())
			.param("who", who)
			.query(Long.class)
			.single();
	}

	boolean update(long id, String name, String query, Category.Speaker speaker, Matching matching, String who) {
		return this.jdbc.sql("""
				update call_category set name = :name, query = :query, speaker = :speaker, matching = :matching,
				       updated_by = :who, updated_at = now()
				where id = :id""")
			.param("id", id)
			.param("name", name)
			.param("query", query)
			.param("speaker", speaker.name())
			.param("matching", matching.name())
			.param("who", who)
			.update() > 0;
	}

	/** The category deleted, if it was there. */
	Optional<Category> delete(long id) {
		return this.jdbc.sql("delete from call_category where id = :id returning " + CATEGORY_COLUMNS)
			.param("id", id)
			.query(CategoryStore::category)
			.optional();
	}

	/** The category's name, the row locked until the transaction ends (an update tells the name it replaced). */
	Optional<String> lockName(long id) {
		return this.jdbc.sql("select name from call_category where id = :id for update")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/**
	 * Queues the calls for re-indexing, in the order given, and records the re-tagging; returns its id. To be called in
	 * a transaction of its own, after the category change it follows has committed, with what the index had applied
	 * and picked up read after that commit and before {@code callIds} were read from the index:
	 * <ul>
	 * <li>the calls of the rows picked up but not applied ({@code (applied, selected]}) are re-tagged too: that batch
	 * may have read the categories before the change, and its documents were not yet searchable when the calls were
	 * read (a deleted category's name would stay on them);
	 * <li>with {@code reuse}, a call with a row after {@code selected} is left to that row (the earliest such): no batch
	 * had picked it up, so the batch that will read it starts after the change and reads the categories after it. The
	 * job counts that row as its own and is done once it is applied.
	 * </ul>
	 * A call deleted from PostgreSQL since the index was read (retention, erasure) is left out: its document goes
	 * with it, and its outbox row would break the foreign key.
	 */
	long retag(List<Long> callIds, Instant from, Instant to, String who, long applied, long selected, boolean reuse) {
		this.jdbc.sql("select pg_advisory_xact_lock(" + OUTBOX_ORDER_LOCK + ")").query((rs, row) -> 1).list();
		Set<Long> calls = new LinkedHashSet<>(callIds);
		if (selected > applied) {
			calls.addAll(this.jdbc.sql("""
					select distinct call_id from index_outbox where seq > :applied and seq <= :selected order by call_id""")
				.param("applied", applied)
				.param("selected", selected)
				.query(Long.class)
				.list());
		}
		Map<Long, Long> reused = reuse ? pendingRows(calls, selected) : Map.of();
		List<Long> queued = calls.stream().filter((call) -> !reused.containsKey(call)).toList();
		List<Long> seqs = queued.isEmpty() ? List.of() : this.jdbc.sql("""
				insert into index_outbox (call_id)
				select id from unnest(cast(:ids as bigint[])) with ordinality as queued(id, n)
				where exists (select 1 from call where call.id = queued.id)
				order by n
				returning seq""")
			.param("ids", arrayLiteral(queued))
			.query(Long.class)
			.list();
		LongSummaryStatistics all = Stream.concat(seqs.stream(), reused.values().stream())
			.mapToLong(Long::longValue)
			.summaryStatistics();
		long id = this.jdbc.sql("""
				insert into category_retag (from_time, to_time, first_seq, last_seq, total, queued, requested_by)
				values (:from, :to, :first, :last, :total, :queued, :who) returning id""")
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.param("first", (all.getCount() > 0) ? all.getMin() : null)
			.param("last", (all.getCount() > 0) ? all.getMax() : null)
			.param("total", calls.size())
			.param("queued", seqs.size())
			.param("who", who)
			.query(Long.class)
			.single();
		if (!seqs.isEmpty()) {
			// Nobody else adds rows while the lock is held: every row from the first new one to the last is this job's.
			long first = Collections.min(seqs);
			long last = Collections.max(seqs);
			this.jdbc.sql("""
					insert into category_retag_range (retag_id, first_seq, last_seq, rows)
					values (:id, :first, :last, :rows)""")
				.param("id", id)
				.param("first", first)
				.param("last", last)
				.param("rows", seqs.size())
				.update();
		}
		if (!reused.isEmpty()) {
			rangesOf(id, reused.values());
		}
		return id;
	}

	/** Per call, its earliest outbox row after {@code seq}, if any. */
	private Map<Long, Long> pendingRows(Collection<Long> calls, long seq) {
		Map<Long, Long> rows = new HashMap<>();
		if (calls.isEmpty()) {
			return rows;
		}
		this.jdbc.sql("""
				select o.call_id, min(o.seq) as seq
				from index_outbox o join unnest(cast(:ids as bigint[])) as wanted(id) on wanted.id = o.call_id
				where o.seq > :seq group by o.call_id""")
			.param("ids", arrayLiteral(calls))
			.param("seq", seq)
			.query((rs) -> {
				rows.put(rs.getLong("call_id"), rs.getLong("seq"));
			});
		return rows;
	}

	/**
	 * Records the rows a re-tagging relies on as runs of consecutive outbox rows, each of them only: a run is counted
	 * from the outbox by its range, however many rows of other calls lie between two runs.
	 */
	private void rangesOf(long id, Collection<Long> seqs) {
		LongSummaryStatistics bounds = seqs.stream().mapToLong(Long::longValue).summaryStatistics();
		this.jdbc.sql("""
				insert into category_retag_range (retag_id, first_seq, last_seq, rows)
				select :id, min(seq), max(seq), count(*) from (
				    select seq, mine, count(*) filter (where not mine) over (order by seq) as run from (
				        select o.seq, r.seq is not null as mine
				        from index_outbox o left join unnest(cast(:seqs as bigint[])) as r(seq) on r.seq = o.seq
				        where o.seq between :first and :last
				    ) outbox
				) runs
				where mine group by run""")
			.param("id", id)
			.param("seqs", arrayLiteral(seqs))
			.param("first", bounds.getMin())
			.param("last", bounds.getMax())
			.update();
	}

	private static String arrayLiteral(Collection<Long> ids) {
		StringBuilder literal = new StringBuilder("{");
		for (long id : ids) {
			literal.append((literal.length() == 1) ? "" : ",").append(id);
		}
		return literal.append('}').toString();
	}

	/** A re-tagging and how many of its calls the index has re-tagged ({@code appliedSeq}: its last applied row). */
	Optional<RetagJob> retagJob(long id, long appliedSeq) {
		return this.jdbc.sql("select " + RETAG_COLUMNS + " from category_retag where id = :id")
			.param("id", id)
			.query((rs, row) -> retagJob(rs, appliedSeq))
			.optional();
	}

	List<RetagJob> retagJobs(int limit, long appliedSeq) {
		return this.jdbc.sql("select " + RETAG_COLUMNS + " from category_retag order by id desc limit :limit")
			.param("limit", limit)
			.query((rs, row) -> retagJob(rs, appliedSeq))
			.list();
	}

	/**
	 * Done: the job's rows less those still to apply. A row deleted since (its call erased or deleted by retention)
	 * needs no re-tagging, so it counts as done, and a job whose last row went finishes all the same.
	 */
	private RetagJob retagJob(ResultSet rs, long appliedSeq) throws SQLException {
		long id = rs.getLong("id");
		long total = rs.getLong("total");
		long done = total;
		long last = rs.getLong("last_seq");
		if (!rs.wasNull() && appliedSeq < last) {
			long pending = this.jdbc.sql("""
					select count(*) from category_retag_range r
					join index_outbox o on o.seq between greatest(r.first_seq, :applied + 1) and r.last_seq
					where r.retag_id = :id and r.last_seq > :applied""")
				.param("id", id)
				.param("applied", appliedSeq)
				.query(Long.class)
				.single();
			done = Math.max(0, total - pending);
		}
		return new RetagJob(id, rs.getTimestamp("from_time").toInstant(), rs.getTimestamp("to_time").toInstant(),
				total, rs.getLong("queued"), done, rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant());
	}

	private static Category category(ResultSet rs, int row) throws SQLException {
		return new Category(rs.getLong("id"), rs.getString("name"), rs.getString("query"),
				Category.Speaker.valueOf(rs.getString("speaker")), Matching.valueOf(rs.getString("matching")),
				rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
	}

}
