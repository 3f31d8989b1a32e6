package io.callqa.qaconsole.scoring;

/**
 * A standard with that name exists already.
 */
class DuplicateStandardException extends RuntimeException {

	public DuplicateStandardException(String name) {
		super("A standard named '" + name + "' exists already");
	}

}
