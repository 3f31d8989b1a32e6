package io.callqa.qaconsole.scoring;

/**
 * A standard with that name exists already.
 */
public class DuplicateStandardException extends RuntimeException {

	public DuplicateStandardException(String name) {
		super("A standard named '" + name + "' exists already");
	}

}
