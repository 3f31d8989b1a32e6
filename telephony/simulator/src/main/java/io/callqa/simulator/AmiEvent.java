package io.callqa.simulator;

import java.util.List;
import java.util.function.BinaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * One AMI event block as it travels on the wire: ordered {@code Key: value} lines, without the closing blank line.
 */
public record AmiEvent(List<String> lines) {

	private static final String CRLF = "\r\n";

	public AmiEvent {
		lines = List.copyOf(lines);
	}

	/** The value of the {@code Event:} header, e.g. {@code Hangup}. */
	public String type() {
		String type = value("Event");
		return (type != null) ? type : "";
	}

	/** The first value of the header {@code key}, matched case-insensitively as Asterisk-Java does. */
	public @Nullable String value(String key) {
		return this.lines.stream()
			.filter((line) -> keyOf(line).equalsIgnoreCase(key))
			.map(AmiEvent::valueOf)
			.findFirst()
			.orElse(null);
	}

	/** A copy whose header values are replaced by {@code rewrite(key, value)}; keys and order stay. */
	public AmiEvent mapValues(BinaryOperator<String> rewrite) {
		return new AmiEvent(this.lines.stream().map((line) -> rewriteLine(line, rewrite)).toList());
	}

	/** The block as Asterisk sends it: CRLF after every line plus the blank line that ends the block. */
	public String wire() {
		return String.join(CRLF, this.lines) + CRLF + CRLF;
	}

	static String keyOf(String line) {
		int colon = line.indexOf(':');
		return (colon < 0) ? "" : line.substring(0, colon).trim();
	}

	static String valueOf(String line) {
		int colon = line.indexOf(':');
		return (colon < 0) ? "" : line.substring(colon + 1).trim();
	}

	private static String rewriteLine(String line, BinaryOperator<String> rewrite) {
		if (line.indexOf(':') < 0) {
			return line;
		}
		String value = valueOf(line);
		String rewritten = rewrite.apply(keyOf(line), value);
		// Untouched lines keep their exact bytes, so an identity rewrite replays the trace verbatim.
		return rewritten.equals(value) ? line : keyOf(line) + ": " + rewritten;
	}

}
