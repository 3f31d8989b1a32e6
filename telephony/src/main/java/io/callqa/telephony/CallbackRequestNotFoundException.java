package io.callqa.telephony;

/**
 * No callback request has this id.
 */
public class CallbackRequestNotFoundException extends RuntimeException {

	public CallbackRequestNotFoundException(long id) {
		super("No callback request " + id);
	}

}
