package io.callqa.transcription;

import org.jspecify.annotations.Nullable;

/**
 * A category as a supervisor writes it; {@code speaker} defaults to ANY and {@code matching} to STEMMED.
 */
public record CategoryDraft(String name, String query, Category.@Nullable Speaker speaker,
		@Nullable Matching matching) {
}
