package io.callqa.transcription.speech;

import org.jspecify.annotations.Nullable;

/**
 * How a long transcription survives a stop: where it resumes, where it saves its checkpoints, and whether it has to
 * stop now (it then saves a last checkpoint and throws {@link TranscriptionStoppedException}).
 */
public interface Progress {

	/** A transcription that starts from the beginning, saves nothing and never stops early. */
	Progress NONE = new Progress() {

		@Override
		public @Nullable Checkpoint resumeFrom() {
			return null;
		}

		@Override
		public void save(Checkpoint checkpoint) {
		}

		@Override
		public boolean stopRequested() {
			return false;
		}

	};

	/** The checkpoint of an earlier, interrupted run, if any. */
	@Nullable Checkpoint resumeFrom();

	/** Audio seconds between two checkpoints. */
	default double checkpointEverySec() {
		return Double.POSITIVE_INFINITY;
	}

	void save(Checkpoint checkpoint);

	boolean stopRequested();

}
