package io.callqa.qaconsole.mystery;

/** The number is not on the mystery-shopper list. */
class NumberNotListedException extends RuntimeException {

	NumberNotListedException(String number) {
		super("Number " + number + " is not on the mystery-shopper list");
	}

}
