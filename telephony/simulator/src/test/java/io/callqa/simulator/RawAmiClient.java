package io.callqa.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A bare AMI client for comparing bytes with captured traces: sends action blocks as written and keeps every byte
 * received, in order.
 */
final class RawAmiClient implements AutoCloseable {

	private final Socket socket;

	private final StringBuilder received = new StringBuilder();

	private int actions;

	RawAmiClient(int port) throws IOException {
		this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
		this.socket.setSoTimeout(5_000);
	}

	/**
	 * Sends {@code Action: name} with the given header lines ("Key: value") and an ActionID {@code name-N} (lowercase,
	 * numbered like the capture scripts), then reads until its response (or, with {@code complete}, that list's
	 * closing event) has arrived. Returns the ActionID.
	 */
	String list(String name, String complete, String... headers) throws IOException {
		return action(name, complete, headers);
	}

	private String action(String name, String complete, String[] headers) throws IOException {
		String actionId = name.toLowerCase() + "-" + (++this.actions);
		StringBuilder block = new StringBuilder("Action: " + name + "\r\n");
		for (String header : headers) {
			block.append(header).append("\r\n");
		}
		block.append("ActionID: ").append(actionId).append("\r\n\r\n");
		this.socket.getOutputStream().write(block.toString().getBytes(StandardCharsets.UTF_8));
		Pattern until = Pattern.compile(((complete != null) ? "Event: " + complete + "\r\n([^\r\n]+\r\n)*?" : "")
				+ "ActionID: " + Pattern.quote(actionId) + "\r\n([^\r\n]+\r\n)*\r\n");
		readUntil(until);
		return actionId;
	}

	String send(String name, String... headers) throws IOException {
		return action(name, null, headers);
	}

	/** Skips an ActionID number (an action of the capture that the test replaces by a simulator call). */
	void skip() {
		this.actions++;
	}

	String received() {
		return this.received.toString();
	}

	private void readUntil(Pattern block) throws IOException {
		InputStream in = this.socket.getInputStream();
		byte[] buffer = new byte[8192];
		while (true) {
			if (block.matcher(this.received).find()) {
				return;
			}
			int read = in.read(buffer);
			if (read < 0) {
				throw new IOException("closed before " + block);
			}
			this.received.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
