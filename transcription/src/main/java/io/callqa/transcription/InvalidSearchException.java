package io.callqa.transcription;

/**
 * The query cannot be parsed (the message is the parser's own, usable as an HTTP 400 detail) or is too broad (a
 * prefix, wildcard or fuzzy term expands to too many clauses).
 */
public class InvalidSearchException extends RuntimeException {

	public InvalidSearchException(String message) {
		super(message);
	}

	public InvalidSearchException(String message, Throwable cause) {
		super(message, cause);
	}

}
