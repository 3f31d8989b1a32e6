package io.callqa.transcription.transcripts;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code index_outbox} table: every stored transcript adds a row, and the index applies rows in sequence order,
 * recording the last one applied in its own commit. Rows are never deleted, so an empty index replays them all.
 */
@Repository
public class IndexOutbox {

	private final JdbcClient jdbc;

	IndexOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a row in the caller's transaction. The transaction-scoped lock makes rows commit in sequence order, so the
	 * indexer can never read sequence n+1 before n is visible and skip n for good.
	 */
	public void record(long callId) {
		this.jdbc.sql("select pg_advisory_xact_lock(7277001)").query((rs, row) -> 1).list();
		this.jdbc.sql("insert into index_outbox (call_id) values (:callId)").param("callId", callId).update();
	}

	/** Entries after {@code seq}, oldest first. */
	public List<Entry> after(long seq, int limit) {
		return this.jdbc.sql("select seq, call_id from index_outbox where seq > :seq order by seq limit :limit")
			.param("seq", seq)
			.param("limit", limit)
			.query((rs, row) -> new Entry(rs.getLong("seq"), rs.getLong("call_id")))
			.list();
	}

	public long lastSeq() {
		return this.jdbc.sql("select coalesce(max(seq), 0) from index_outbox").query(Long.class).single();
	}

	/**
	 * One outbox row: the call whose transcript changed.
	 */
	public record Entry(long seq, long callId) {
	}

}
