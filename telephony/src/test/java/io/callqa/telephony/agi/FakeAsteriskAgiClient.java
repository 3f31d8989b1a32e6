package io.callqa.telephony.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Plays Asterisk's side of one FastAGI call: sends the {@code agi_*} header, then answers each command from a script.
 */
public final class FakeAsteriskAgiClient {

	/** What Asterisk 22 answers a command on a hung-up channel (res_agi.c, no {@code result=} part). */
	static final String DEAD_CHANNEL_REPLY = "511 Command Not Permitted on a dead channel or intercept routine";

	private static final String DEFAULT_REPLY = "200 result=0";

	private static final String SET_VARIABLE_REPLY = "200 result=1";

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	private final String host;

	private final int port;

	// Insertion order decides which rule wins when prefixes overlap; each rule's last reply repeats.
	private final Map<String, Deque<String>> replies = new LinkedHashMap<>();

	private @Nullable String hangupCommand;

	private HangupStyle hangupStyle = HangupStyle.DEAD_CHANNEL;

	public FakeAsteriskAgiClient(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/**
	 * Answers every command starting with {@code commandPrefix} (case-insensitive) with {@code reply}.
	 * @param commandPrefix for example {@code GET DATA}
	 * @param reply the full reply line, for example {@code 200 result=1}
	 * @return this client
	 */
	public FakeAsteriskAgiClient reply(String commandPrefix, String reply) {
		return replyInTurn(commandPrefix, reply);
	}

	/** Same as {@link #replyInTurn}. */
	public FakeAsteriskAgiClient replies(String commandPrefix, String... replies) {
		return replyInTurn(commandPrefix, replies);
	}

	/**
	 * Answers successive commands starting with {@code commandPrefix} with successive replies, the last one repeated.
	 * @param commandPrefix for example {@code GET DATA}
	 * @param replies the full reply lines, in order
	 * @return this client
	 */
	public FakeAsteriskAgiClient replyInTurn(String commandPrefix, String... replies) {
		this.replies.put(commandPrefix.toUpperCase(), new ArrayDeque<>(List.of(replies)));
		return this;
	}

	/**
	 * Answers {@code STREAM FILE}, {@code WAIT FOR DIGIT} and the like as if the caller pressed {@code digit}.
	 * @param commandPrefix the command the digit interrupts
	 * @param digit the DTMF digit, sent as its ASCII code like Asterisk does ({@code '1'} is 49)
	 * @return this client
	 */
	public FakeAsteriskAgiClient pressDuring(String commandPrefix, char digit) {
		return reply(commandPrefix, "200 result=" + (int) digit);
	}

	/**
	 * Answers {@code GET DATA}, which unlike the other prompts returns the digits themselves, not their ASCII codes.
	 * @param digits the digits the caller entered
	 * @return this client
	 */
	public FakeAsteriskAgiClient enterDigits(String digits) {
		return reply("GET DATA", "200 result=" + digits);
	}

	/**
	 * Answers successive {@code GET DATA} prompts with successive entries; an empty entry is a timeout with no digit.
	 * @param entries the digits entered at each prompt, in order
	 * @return this client
	 */
	public FakeAsteriskAgiClient enterDigitsInTurn(String... entries) {
		String[] replies = new String[entries.length];
		for (int i = 0; i < entries.length; i++) {
			// What Asterisk answers GET DATA: the digits, and "(timeout)" when the caller stopped keying.
			replies[i] = entries[i].isEmpty() ? "200 result= (timeout)" : "200 result=" + entries[i];
		}
		return replyInTurn("GET DATA", replies);
	}

	/**
	 * Makes the caller hang up while the first command starting with {@code commandPrefix} runs.
	 * @param commandPrefix for example {@code STREAM FILE}
	 * @param style how the hang-up reaches the server
	 * @return this client
	 */
	public FakeAsteriskAgiClient hangUpDuring(String commandPrefix, HangupStyle style) {
		this.hangupCommand = commandPrefix.toUpperCase();
		this.hangupStyle = style;
		return this;
	}

	/**
	 * Runs one call: connects, sends the header and answers commands until either side ends the connection.
	 * @param header the {@code agi_*} header block to send
	 * @return the commands received and who closed the connection
	 */
	public AgiTranscript call(AgiHeader header) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), (int) READ_TIMEOUT.toMillis());
			// A server that stops talking must fail the test, not hang it.
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			return converse(socket, header);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("FastAGI call to " + this.host + ":" + this.port + " failed", ex);
		}
	}

	private AgiTranscript converse(Socket socket, AgiHeader header) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		OutputStream out = socket.getOutputStream();
		write(out, String.join("\n", header.lines()) + "\n\n");
		List<String> commands = new ArrayList<>();
		boolean dead = false;
		String command;
		while ((command = in.readLine()) != null) {
			commands.add(command);
			if (!dead && isHangupPoint(command)) {
				if (this.hangupStyle == HangupStyle.CLOSE) {
					return new AgiTranscript(commands, false);
				}
				// Asterisk finishes the interrupted command, then announces the hang-up once.
				write(out, "200 result=-1\nHANGUP\n");
				dead = true;
				continue;
			}
			write(out, (dead ? DEAD_CHANNEL_REPLY : replyTo(command)) + "\n");
		}
		return new AgiTranscript(commands, true);
	}

	private boolean isHangupPoint(String command) {
		return this.hangupCommand != null && command.toUpperCase().startsWith(this.hangupCommand);
	}

	private String replyTo(String command) {
		String upper = command.toUpperCase();
		for (Map.Entry<String, Deque<String>> rule : this.replies.entrySet()) {
			if (upper.startsWith(rule.getKey())) {
				Deque<String> replies = rule.getValue();
				return (replies.size() > 1) ? replies.poll() : replies.peek();
			}
		}
		// Asterisk-Java sets AJ_AGISTATUS after every script, so this must always get a real answer.
		return upper.startsWith("SET VARIABLE") ? SET_VARIABLE_REPLY : DEFAULT_REPLY;
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

}
