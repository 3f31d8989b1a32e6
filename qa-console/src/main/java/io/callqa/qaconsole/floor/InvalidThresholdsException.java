package io.callqa.qaconsole.floor;

/**
 * Thresholds that cannot be saved: a level missing, negative, out of range, or yellow and red in the wrong order.
 */
class InvalidThresholdsException extends RuntimeException {

	private final String field;

	InvalidThresholdsException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
