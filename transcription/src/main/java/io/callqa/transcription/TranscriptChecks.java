package io.callqa.transcription;

import java.util.List;

/**
 * Runs many phrase checks against one transcript (Lucene MemoryIndex with the index's own analyzer and fields, so a
 * check matches exactly what a search would).
 */
public interface TranscriptChecks {

	/**
	 * Parses every query once.
	 *
	 * @throws InvalidSearchException naming the bad query (blank, unparseable, or searching no spoken words)
	 */
	CompiledChecks compile(List<PhraseCheck> checks);

	/**
	 * Checks parsed once, to run against any number of transcripts.
	 */
	interface CompiledChecks {

		/** For each check, in order, every occurrence in time order (empty when not said). Thread-safe. */
		List<List<PhraseFound>> run(Transcript transcript);

	}

}
