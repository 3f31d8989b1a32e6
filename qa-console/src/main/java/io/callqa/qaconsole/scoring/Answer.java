package io.callqa.qaconsole.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A supervisor's answer to one scorecard item: a value (1/0 for yes/no, points otherwise) or N/A, a comment, and
 * optionally the second of the recording it is about (evidence). Neither value nor N/A means not answered yet.
 */
record Answer(String key, @Nullable Double value, boolean na,
		@Size(max = Answer.MAX_COMMENT) @Nullable String comment, @Nullable Double evidenceSec) {

	/** Comments on an item or an evaluation are a few lines. */
	public static final int MAX_COMMENT = 2_000;

	/** Reads an answer from JSON, where a missing {@code na} means false. */
	@JsonCreator
	static Answer json(@JsonProperty("key") String key, @JsonProperty("value") @Nullable Double value,
			@JsonProperty("na") @Nullable Boolean na, @JsonProperty("comment") @Nullable String comment,
			@JsonProperty("evidenceSec") @Nullable Double evidenceSec) {
		return new Answer(key, value, Boolean.TRUE.equals(na), comment, evidenceSec);
	}

	public static Answer of(String key, double value) {
		return new Answer(key, value, false, null, null);
	}

	public static Answer notApplicable(String key) {
		return new Answer(key, null, true, null, null);
	}

	boolean isEmpty() {
		return !this.na && this.value == null && this.comment == null && this.evidenceSec == null;
	}

}
