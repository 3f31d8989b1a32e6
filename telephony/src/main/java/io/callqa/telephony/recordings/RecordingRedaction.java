package io.callqa.telephony.recordings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.telephony.AudioRedaction;
import io.callqa.telephony.AudioSpan;

/**
 * Redacts stored recordings and clears them for listening. The recording's row is locked for the rewrite, so two
 * redactions of one recording (two worker processes, a retry) run one after the other and neither loses the other's
 * spans; the row is marked CLEARED in the same transaction, after the file was replaced: a failure at any point
 * leaves it HELD, and a second run writes the same bytes.
 */
@Service
class RecordingRedaction implements AudioRedaction {

	private static final Logger logger = LoggerFactory.getLogger(RecordingRedaction.class);

	static final int MAX_REASON = 2000;

	private final JdbcClient jdbc;

	private final RecordingStore store;

	private final TransactionTemplate transaction;

	private final RedactionProperties properties;

	RecordingRedaction(JdbcClient jdbc, RecordingStore store, PlatformTransactionManager transactions,
			RedactionProperties properties) {
		this.jdbc = jdbc;
		this.store = store;
		// Its own transaction even when called inside the caller's: a file that cannot be rewritten must not roll the
		// caller's work back, and the clearance is committed as soon as the file is replaced.
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	@Override
	public void redact(long recordingId, List<AudioSpan> spans) throws IOException {
		List<AudioSpan> copy = List.copyOf(spans);
		try {
			this.transaction.executeWithoutResult((status) -> redactLocked(recordingId, copy));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private void redactLocked(long recordingId, List<AudioSpan> spans) {
		String path = this.jdbc.sql("select path from recording where id = :id for update")
			.param("id", recordingId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No recording " + recordingId));
		double seconds = 0;
		if (!spans.isEmpty()) {
			Path file = this.store.resolve(Path.of(path));
			try {
				seconds = WavRedactor.redact(file, spans, this.properties.audio());
			}
			catch (IOException ex) {
				logger.warn("Recording {}: not redacted, it stays held: {}", recordingId, ex.getMessage());
				throw new UncheckedIOException(new IOException("Recording " + recordingId + " cannot be redacted: "
						+ ex.getMessage() + "; it stays held", ex));
			}
		}
		this.jdbc.sql("""
				update recording set clearance = 'CLEARED', cleared_at = now(), redacted_sec = :seconds
				where id = :id""")
			.param("seconds", seconds)
			.param("id", recordingId)
			.update();
		logger.info("Recording {}: {} span(s), {} s overwritten with {}; cleared for listening", recordingId,
				spans.size(), String.format("%.2f", seconds), this.properties.audio().name().toLowerCase());
	}

	@Override
	public boolean release(long recordingId, String releasedBy, String reason) {
		String why = reason.strip();
		if (why.isEmpty() || why.length() > MAX_REASON || why.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(
					"A release needs a reason of 1 to " + MAX_REASON + " characters (without NUL)");
		}
		Boolean released = this.transaction.execute((status) -> {
			Long callId = this.jdbc.sql("""
					update recording set clearance = 'RELEASED', cleared_at = now()
					where id = :id and clearance = 'HELD' returning call_id""")
				.param("id", recordingId)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (callId == null) {
				if (this.jdbc.sql("select count(*) from recording where id = :id")
					.param("id", recordingId)
					.query(Long.class)
					.single() == 0) {
					throw new IllegalArgumentException("No recording " + recordingId);
				}
				return false;
			}
			this.jdbc.sql("""
					insert into recording_release (recording_id, call_id, released_by, reason)
					values (:recordingId, :callId, :by, :reason)""")
				.param("recordingId", recordingId)
				.param("callId", callId)
				.param("by", releasedBy)
				.param("reason", why)
				.update();
			return true;
		});
		if (Boolean.TRUE.equals(released)) {
			logger.info("Recording {} released by hand by {}: {}", recordingId, releasedBy, why);
		}
		return Boolean.TRUE.equals(released);
	}

}
