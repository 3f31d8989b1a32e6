package io.callqa.transcription;

/**
 * Whether the search index is being rebuilt (after an upgrade that changed its analysis or documents), and how far.
 *
 * @param version the index version searches are answered from
 * @param rebuilding whether a newer version is being built; searches are answered from the previous one meanwhile
 * @param rebuildVersion the version being built, or {@code version} when not rebuilding
 * @param percent outbox rows applied to the new index, in percent of those there were when the rebuild started
 * (from 0 to 100; 100 when not rebuilding)
 * @param rowsApplied outbox rows applied to the new index
 * @param rowsTotal outbox rows there were when the rebuild started
 */
public record IndexStatus(int version, boolean rebuilding, int rebuildVersion, int percent, long rowsApplied,
		long rowsTotal) {

	public static IndexStatus ready(int version) {
		return new IndexStatus(version, false, version, 100, 0, 0);
	}

	/** Rows added after the start are applied too; the percentage stops at 99 until the new index takes over. */
	public static IndexStatus rebuilding(int version, int rebuildVersion, long rowsApplied, long rowsTotal) {
		long applied = Math.min(rowsApplied, rowsTotal);
		int percent = (rowsTotal > 0) ? (int) Math.min(99, applied * 100 / rowsTotal) : 0;
		return new IndexStatus(version, true, rebuildVersion, percent, applied, rowsTotal);
	}

}
