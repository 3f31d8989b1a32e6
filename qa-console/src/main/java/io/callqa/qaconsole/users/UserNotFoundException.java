package io.callqa.qaconsole.users;

/**
 * No user has the given id.
 */
class UserNotFoundException extends RuntimeException {

	UserNotFoundException(long id) {
		super("No user with id " + id);
	}

}
