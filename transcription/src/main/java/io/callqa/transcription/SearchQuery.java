package io.callqa.transcription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A transcript search: query text in classic Lucene syntax (blank or {@code *:*} lists calls newest first) with
 * optional filters that narrow the hits without changing their scores.
 *
 * <p>{@code from} is inclusive and {@code to} exclusive; both duration bounds are inclusive. {@code page} is 0-based,
 * {@code size} is 1 to 100, and {@code (page + 1) * size} may be at most 10,000.
 */
public record SearchQuery(String text, @Nullable String agent, @Nullable String queue, @Nullable Instant from,
		@Nullable Instant to, @Nullable Double minDurationSec, @Nullable Double maxDurationSec, int page, int size) {
}
