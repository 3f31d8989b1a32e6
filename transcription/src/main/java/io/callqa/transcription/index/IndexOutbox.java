package io.callqa.transcription.index;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code index_outbox} table: a row says "re-index this call", and the index applies rows in sequence order,
 * recording the last one applied in its own commit. Rows are deleted only with their call (erasure, retention: see
 * {@code TranscriptRemoval.forgetCalls}), so an empty index replays them all.
 *
 * <p>A row is added, always in the transaction of the change it reports, when a transcript is stored (see
 * {@code TranscriptRepository.save}), a followed call ends, a survey is answered, a callback is requested for a call
 * (see {@link CallChanges}) a call's current QA score changes ({@code Transcriptions.callChanged}) and a call's automatic evaluation
 * changes ({@code Transcriptions.callsChanged}).
 */
@Repository
public class IndexOutbox {

	/** Shared with {@code TranscriptRepository}: outbox rows commit in sequence order. */
	private static final long ORDER_LOCK = 7277001;

	private final JdbcClient jdbc;

	IndexOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues the call for re-indexing in the caller's transaction. The transaction-scoped lock makes outbox rows
	 * commit in sequence order, so the indexer can never read sequence n+1 before n is visible and skip n for good.
	 */
	public void add(long callId) {
		this.jdbc.sql("select pg_advisory_xact_lock(" + ORDER_LOCK + ")").query((rs, row) -> 1).list();
		this.jdbc.sql("insert into index_outbox (call_id) values (:callId)").param("callId", callId).update();
	}

	/** {@link #add(long)} for many calls: one statement, rows in the order given. */
	public void addAll(java.util.Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("select pg_advisory_xact_lock(" + ORDER_LOCK + ")").query((rs, row) -> 1).list();
		this.jdbc.sql("insert into index_outbox (call_id) select id from unnest(cast(:ids as bigint[])) with ordinality as t(id, n) order by n")
			.param("ids", callIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.update();
	}

	/** Entries after {@code seq}, oldest first. */
	List<Entry> after(long seq, int limit) {
		return this.jdbc.sql("select seq, call_id from index_outbox where seq > :seq order by seq limit :limit")
			.param("seq", seq)
			.param("limit", limit)
			.query((rs, row) -> new Entry(rs.getLong("seq"), rs.getLong("call_id")))
			.list();
	}

	/** How many rows there are up to {@code seq} (sequence numbers may have gaps): a rebuild's progress. */
	long countUpTo(long seq) {
		return this.jdbc.sql("select count(*) from index_outbox where seq <= :seq").param("seq", seq)
			.query(Long.class)
			.single();
	}

	long lastSeq() {
		return this.jdbc.sql("select coalesce(max(seq), 0) from index_outbox").query(Long.class).single();
	}

	/**
	 * One outbox row: the call to re-index.
	 */
	record Entry(long seq, long callId) {
	}

}
