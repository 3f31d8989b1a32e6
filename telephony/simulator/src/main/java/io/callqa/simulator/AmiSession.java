package io.callqa.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One client connection: sends the banner, answers actions with {@link AmiResponder} and carries replayed events.
 */
final class AmiSession implements Runnable {

	private static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";

	private final Socket socket;

	private final AmiResponder responder;

	private final OutputStream out;

	private final SimulatedAsterisk asterisk;

	AmiSession(Socket socket, AmiCredentials credentials, SimulatedAsterisk asterisk) throws IOException {
		this.socket = socket;
		this.responder = new AmiResponder(credentials, asterisk);
		this.asterisk = asterisk;
		this.out = socket.getOutputStream();
	}

	boolean isLoggedIn() {
		return this.responder.isLoggedIn() && !this.socket.isClosed();
	}

	@Override
	public void run() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8))) {
			write(BANNER);
			serve(in);
		}
		catch (IOException ex) {
			// The client went away or dropConnections() closed the socket: the session simply ends.
		}
		finally {
			close();
		}
	}

	/** Writes a whole block at once, so replayed events and action responses never interleave mid-block. */
	synchronized void write(String text) {
		try {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}
		catch (IOException ex) {
			close();
		}
	}

	void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Already closed: nothing left to release.
		}
	}

	private void serve(BufferedReader in) throws IOException {
		Map<String, String> action = readAction(in);
		while (action != null) {
			// Under the wire lock: no event can come between the reply and the events the action causes.
			synchronized (this.asterisk.wire) {
				AmiResponder.Reply reply = this.responder.answer(action);
				write(reply.text());
				if (reply.hangUp()) {
					return;
				}
				reply.after().run();
			}
			action = readAction(in);
		}
	}

	/** Reads one action block into a map with lowercase keys (Asterisk matches header names case-insensitively). */
	private static @Nullable Map<String, String> readAction(BufferedReader in) throws IOException {
		Map<String, String> headers = new HashMap<>();
		String line = in.readLine();
		while (line != null && (!line.isEmpty() || headers.isEmpty())) {
			if (!line.isEmpty()) {
				// Asterisk-Java sends one Variable header per variable: keep them all, comma-separated.
				String key = AmiEvent.keyOf(line).toLowerCase(Locale.ROOT);
				headers.merge(key, AmiEvent.valueOf(line),
						(first, next) -> key.equals("variable") ? first + "," + next : first);
			}
			line = in.readLine();
		}
		return (line == null) ? null : headers;
	}

}
