package io.callqa.qaconsole.scoring;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One immutable version of a standard's scorecard; evaluations point to the version they used.
 */
public record ScorecardVersion(long id, long standardId, int version, Scorecard scorecard, @Nullable String createdBy,
		Instant createdAt) {

}
