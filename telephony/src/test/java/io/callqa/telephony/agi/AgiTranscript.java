package io.callqa.telephony.agi;

import java.util.List;

/**
 * What the fake Asterisk saw during one FastAGI call: the commands in wire order and who ended the connection.
 *
 * @param commands every command line the server sent, in order
 * @param serverClosed whether the server closed the connection (false when the fake Asterisk hung up and closed it)
 */
public record AgiTranscript(List<String> commands, boolean serverClosed) {

	public AgiTranscript {
		commands = List.copyOf(commands);
	}

}
