package io.callqa.telephony.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deletes the recordings of calls: their rows, then, once the transaction commits, every copy on disk: the file in
 * our store, and Asterisk's own files in its MixMonitor directory (the one it was copied from, the per-party pair it
 * was merged from, and any file named after one of the call's Uniqueids not attached yet), which the sweep would
 * otherwise attach again as a new recording or an orphan call. Transcription's rows of these recordings must be gone
 * first (they refer to the recording).
 */
@Component
public class RecordingRemoval {

	private static final Logger logger = LoggerFactory.getLogger(RecordingRemoval.class);

	private final JdbcClient jdbc;

	private final RecordingStore store;

	private final AsteriskRecordingProperties asterisk;

	RecordingRemoval(JdbcClient jdbc, RecordingStore store, AsteriskRecordingProperties asterisk) {
		this.jdbc = jdbc;
		this.store = store;
		this.asterisk = asterisk;
	}

	/**
	 * Deletes the recording rows of these calls and, after the commit (at once without a transaction), their files.
	 * Call before the call's legs are deleted: the legs' Uniqueids name Asterisk's files.
	 * @return the files there are to delete
	 */
	public int delete(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return 0;
		}
		Long[] ids = callIds.toArray(Long[]::new);
		Set<Path> files = new LinkedHashSet<>();
		this.jdbc.sql("select path, source_path from recording where call_id = any(:ids)")
			.param("ids", ids)
			.query((rs, row) -> {
				Path stored = this.store.resolve(Path.of(rs.getString("path")));
				files.add(stored);
				// A redaction cut short leaves its copy of the unredacted audio beside the recording.
				files.add(stored.resolveSibling(WavRedactor.tempName(stored)));
				String source = rs.getString("source_path");
				if (source != null) {
					for (String part : source.split("\\|")) {
						asteriskFile(Path.of(part)).ifPresent(files::add);
					}
				}
				return null;
			})
			.list();
		files.addAll(asteriskFilesOf(ids));
		this.jdbc.sql("delete from recording where call_id = any(:ids)").param("ids", ids).update();
		List<Path> existing = files.stream().filter(Files::exists).toList();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deleteFiles(existing);
				}
			});
		}
		else {
			deleteFiles(existing);
		}
		return existing.size();
	}

	/** Asterisk's files named after a Uniqueid of the calls' legs (attached or not). */
	private List<Path> asteriskFilesOf(Long[] callIds) {
		Path dir = this.asterisk.dir();
		if (dir == null) {
			return List.of();
		}
		List<String> uniqueids = this.jdbc.sql("select uniqueid from call_leg where call_id = any(:ids)")
			.param("ids", callIds)
			.query(String.class)
			.list();
		if (uniqueids.isEmpty()) {
			return List.of();
		}
		try {
			List<Path> found = new ArrayList<>();
			RecordingFiles.find(dir, uniqueids).forEach((named) -> found.add(named.path()));
			return found;
		}
		catch (IOException ex) {
			logger.warn("Asterisk's recording directory {} cannot be read: {}", dir, ex.getMessage());
			return List.of();
		}
	}

	/** A file of Asterisk's directory, never anything outside it. */
	private java.util.Optional<Path> asteriskFile(Path file) {
		Path dir = this.asterisk.dir();
		if (dir == null) {
			return java.util.Optional.empty();
		}
		Path root = dir.toAbsolutePath().normalize();
		Path normalized = file.toAbsolutePath().normalize();
		return normalized.startsWith(root) ? java.util.Optional.of(normalized) : java.util.Optional.empty();
	}

	private static void deleteFiles(List<Path> files) {
		for (Path file : files) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.error("Recording file {} could not be deleted: {}", file, ex.getMessage());
			}
		}
	}

}
