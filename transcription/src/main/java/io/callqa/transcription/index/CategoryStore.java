package io.callqa.transcription.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

	private static final String RETAG_COLUMNS = "id, from_time, to_time, first_seq, last_seq, total, requested_by, "
			+ "requested_at";

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

	boolean delete(long id) {
		return this.jdbc.sql("delete from call_category where id = :id").param("id", id).update() > 0;
	}

	/** Queues the calls for re-indexing, in the order given, and records the re-tagging; returns its id. */
	long retag(List<Long> callIds, Instant from, Instant to, String who) {
		this.jdbc.sql("select pg_advisory_xact_lock(" + OUTBOX_ORDER_LOCK + ")").query((rs, row) -> 1).list();
		List<Long> seqs = callIds.isEmpty() ? List.of() : this.jdbc.sql("""
				insert into index_outbox (call_id)
				select id from unnest(cast(:ids as bigint[])) with ordinality as queued(id, n) order by n
				returning seq""")
			.param("ids", arrayLiteral(callIds))
			.query(Long.class)
			.list();
		return this.jdbc.sql("""
				insert into category_retag (from_time, to_time, first_seq, last_seq, total, requested_by)
				values (:from, :to, :first, :last, :total, :who) returning id""")
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.param("first", seqs.isEmpty() ? null : seqs.stream().mapToLong(Long::longValue).min().getAsLong())
			.param("last", seqs.isEmpty() ? null : seqs.stream().mapToLong(Long::longValue).max().getAsLong())
			.param("total", seqs.size())
			.param("who", who)
			.query(Long.class)
			.single();
	}

	private static String arrayLiteral(List<Long> ids) {
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < ids.size(); i++) {
			literal.append((i == 0) ? "" : ",").append(ids.get(i));
		}
		return literal.append('}').toString();
	}

	/** A re-tagging and how many of its outbox rows the index has applied ({@code appliedSeq} and before). */
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

	private RetagJob retagJob(ResultSet rs, long appliedSeq) throws SQLException {
		long total = rs.getLong("total");
		long done = total;
		long first = rs.getLong("first_seq");
		if (!rs.wasNull() && appliedSeq < rs.getLong("last_seq")) {
			done = (appliedSeq < first) ? 0 : this.jdbc.sql("""
					select count(*) from index_outbox where seq between :first and :applied""")
				.param("first", first)
				.param("applied", appliedSeq)
				.query(Long.class)
				.single();
		}
		done = Math.min(done, total);
		return new RetagJob(rs.getLong("id"), rs.getTimestamp("from_time").toInstant(),
				rs.getTimestamp("to_time").toInstant(), total, done, rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant());
	}

	private static Category category(ResultSet rs, int row) throws SQLException {
		return new Category(rs.getLong("id"), rs.getString("name"), rs.getString("query"),
				Category.Speaker.valueOf(rs.getString("speaker")), Matching.valueOf(rs.getString("matching")),
				rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
	}

}
