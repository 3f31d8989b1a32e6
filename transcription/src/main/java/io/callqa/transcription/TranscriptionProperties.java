package io.callqa.transcription;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the transcription module ({@code callqa.transcription.*}).
 *
 * @param vosk the speech model
 * @param workers the transcription workers of this process
 * @param index the Lucene index of transcripts
 * @param alternatives how many n-best alternatives Vosk is asked for, whose words are stored with the words they
 * were heard instead of and searched by the tolerant mode; 0 (the default) for none: each channel is then recognised
 * a second time, about twice the recognition's CPU time (measured by AlternativesCostBenchmark)
 */
@ConfigurationProperties("callqa.transcription")
public record TranscriptionProperties(@DefaultValue Vosk vosk, @DefaultValue Workers workers,
		@DefaultValue Index index, @DefaultValue("0") int alternatives) {

	/**
	 * The speech model.
	 *
	 * @param modelPath a Vosk model directory; unset: the US-English model bundled by the build
	 * @param cacheDir where the bundled model is copied out of the jar on first use
	 * @param sampleRate the rate the model expects; audio is resampled to it
	 */
	public record Vosk(@Nullable Path modelPath, @DefaultValue("data/models") Path cacheDir,
			@DefaultValue("16000") int sampleRate) {
	}

	/**
	 * The workers that claim transcription jobs from the database.
	 *
	 * @param enabled whether this process runs workers at all
	 * @param count how many; 0 means one per core
	 * @param lease how long a claimed job stays with its worker without a renewal; renewed every third of it, so a
	 * killed worker's job is claimed again after at most this long
	 * @param maxAttempts attempts before a job is FAILED for good
	 * @param backoff the wait before the second attempt, doubled for each further one
	 * @param pollInterval how often idle workers look for jobs queued by other processes
	 * @param checkpointEvery audio time between two checkpoints of a running transcription, from which it resumes
	 * after a stop or a crash instead of starting over
	 */
	public record Workers(@DefaultValue("true") boolean enabled, @DefaultValue("0") int count,
			@DefaultValue("60s") Duration lease, @DefaultValue("3") int maxAttempts,
			@DefaultValue("10s") Duration backoff, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("60s") Duration checkpointEvery) {

		public int threads() {
			return (this.count > 0) ? this.count : Runtime.getRuntime().availableProcessors();
		}

	}

	/**
	 * The Lucene index, which follows the database through the index outbox.
	 *
	 * @param enabled whether this process keeps the index (exactly one process per index directory)
	 * @param dir the index directory (one subdirectory per index version); delete it and restart to rebuild it from
	 * the database
	 * @param pollInterval how often the outbox is read for transcripts stored by other processes
	 * @param rebuildBatch outbox rows per commit while an index of an older version is rebuilt in the background
	 */
	public record Index(@DefaultValue("true") boolean enabled, @DefaultValue("data/index") Path dir,
			@DefaultValue("250ms") Duration pollInterval, @DefaultValue("500") int rebuildBatch) {
	}

}
