package io.callqa.qaconsole.autoscore;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic scoring settings ({@code callqa.autoscore.*}).
 *
 * @param enabled whether this process evaluates new transcripts, sweeps and runs re-evaluations
 * @param sweepInterval how often transcribed calls without an automatic evaluation are looked for (also at start)
 * @param batchSize calls per step of a sweep or a re-evaluation (one progress update per step)
 */
@ConfigurationProperties("callqa.autoscore")
record AutoscoreProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration sweepInterval,
		@DefaultValue("500") int batchSize) {
}
