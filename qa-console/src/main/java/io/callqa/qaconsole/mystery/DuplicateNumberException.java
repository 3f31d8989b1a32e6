package io.callqa.qaconsole.mystery;

/** The number is on the mystery-shopper list already. */
class DuplicateNumberException extends RuntimeException {

	DuplicateNumberException(String number) {
		super("Number " + number + " is on the mystery-shopper list already");
	}

}
