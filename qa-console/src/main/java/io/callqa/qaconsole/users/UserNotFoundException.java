package io.callqa.qaconsole.users;

/**
 * No user has the given id.
 */
public class UserNotFoundException extends RuntimeException {

	public UserNotFoundException(long id) {
		super("No user with id " + id);
	}

}
