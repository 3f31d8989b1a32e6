package io.callqa.transcription.index;

import io.callqa.transcription.TranscriptChecks;

/**
 * The real {@link TranscriptChecks} for tests of other modules that score transcripts without a Spring context.
 */
public final class TestTranscriptChecks {

	private TestTranscriptChecks() {
	}

	public static TranscriptChecks create() {
		return new MemoryTranscriptChecks();
	}

}
