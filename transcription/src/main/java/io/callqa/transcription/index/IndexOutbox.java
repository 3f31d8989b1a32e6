package io.callqa.transcription.index;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code index_outbox} table as the index reads it: every stored transcript adds a row (written with the transcript,
 * see {@code TranscriptRepository.save}), and the index applies rows in sequence order, recording the last one applied
 * in its own commit. Rows are never deleted, so an empty index replays them all.
 */
@Repository
class IndexOutbox {

	private final JdbcClient jdbc;

	IndexOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
	 * One outbox row: the call whose transcript changed.
	 */
	record Entry(long seq, long callId) {
	}

}
