package io.callqa.qaconsole.scoring;

import org.jspecify.annotations.Nullable;

/**
 * A supervisor's answer to one scorecard item: a value (1/0 for yes/no, points otherwise) or N/A, a comment, and
 * optionally the second of the recording it is about (evidence). Neither value nor N/A means not answered yet.
 */
public record Answer(String key, @Nullable Double value, boolean na, @Nullable String comment,
		@Nullable Double evidenceSec) {

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
