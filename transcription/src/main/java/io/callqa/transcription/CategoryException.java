package io.callqa.transcription;

/**
 * A category request that cannot be done: {@link Kind} says why (a client's mistake every time).
 */
public class CategoryException extends RuntimeException {

	private final Kind kind;

	public CategoryException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	/** Why. */
	public enum Kind {

		/** No category or re-tagging with that id. */
		NOT_FOUND,

		/** Another category has that name (regardless of case). */
		DUPLICATE_NAME,

		/** A name, query or period that is not acceptable. */
		INVALID

	}

}
