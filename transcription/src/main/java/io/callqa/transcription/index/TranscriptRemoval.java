package io.callqa.transcription.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.transcription.TranscriptData;

/**
 * Deletes what transcription keeps of calls (retention, erasure on request): transcripts, utterances, jobs with their
 * checkpoints, outbox rows, and the index documents, merged away.
 */
@Service
class TranscriptRemoval implements TranscriptData {

	private final JdbcClient jdbc;

	private final IndexOutbox outbox;

	private final ObjectProvider<OutboxFollower> follower;

	TranscriptRemoval(JdbcClient jdbc, IndexOutbox outbox, ObjectProvider<OutboxFollower> follower) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.follower = follower;
	}

	@Override
	@Transactional
	public int deleteTranscripts(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return 0;
		}
		int deleted = deleteRows(callIds);
		this.outbox.addAll(callIds);
		return deleted;
	}

	@Override
	@Transactional
	public int forgetCalls(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return 0;
		}
		int deleted = deleteRows(callIds);
		this.jdbc.sql("delete from index_outbox where call_id = any(:ids)").param("ids", ids(callIds)).update();
		return deleted;
	}

	@Override
	public boolean purgeIndex(Collection<Long> forgottenCallIds) {
		OutboxFollower indexer = this.follower.getIfAvailable();
		if (indexer == null) {
			return false;
		}
		try {
			indexer.purge(forgottenCallIds);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The search index could not be purged", ex);
		}
	}

	/** Utterances go with their transcript (on delete cascade); a job's checkpoint is a column of its row. */
	private int deleteRows(Collection<Long> callIds) {
		Long[] ids = ids(callIds);
		int transcripts = this.jdbc.sql("delete from transcript where call_id = any(:ids)").param("ids", ids).update();
		this.jdbc.sql("delete from transcription_job where call_id = any(:ids)").param("ids", ids).update();
		return transcripts;
	}

	private static Long[] ids(Collection<Long> ids) {
		return ids.toArray(Long[]::new);
	}

}
