package io.callqa.telephony.ami;

/**
 * An action could not be sent, or its result never came: the server is not connected or went away.
 */
public class AmiUnavailableException extends RuntimeException {

	public AmiUnavailableException(String server, String detail) {
		super("Asterisk server '" + server + "' unavailable: " + detail);
	}

}
