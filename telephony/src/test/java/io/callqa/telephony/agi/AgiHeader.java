package io.callqa.telephony.agi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code agi_*} header block Asterisk sends when a FastAGI call starts, with the field set of a real Asterisk 22.
 */
public final class AgiHeader {

	private static final String PREFIX = "agi_";

	private final Map<String, String> fields;

	private AgiHeader(Map<String, String> fields) {
		this.fields = fields;
	}

	/**
	 * Builds the header Asterisk 22 sends for {@code AGI(agi://127.0.0.1:PORT/SCRIPT)}, values taken from the trace.
	 * @param port the FastAGI server port
	 * @param scriptWithQuery the script name and optional query, for example {@code callback-offer?queue=support}
	 * @return a header for an inbound call on a Local channel
	 */
	public static AgiHeader forCall(int port, String scriptWithQuery) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("network", "yes");
		fields.put("network_script", scriptWithQuery);
		fields.put("request", "agi://127.0.0.1:" + port + "/" + scriptWithQuery);
		fields.put("channel", "Local/cust@customer-0000002b;1");
		fields.put("language", "en");
		fields.put("type", "Local");
		fields.put("uniqueid", "1795419721.86");
		fields.put("version", "22.10.1");
		putCaller(fields);
		fields.put("context", "inbound-agi");
		fields.put("extension", "s");
		fields.put("priority", "3");
		fields.put("enhanced", "0.0");
		fields.put("accountcode", "");
		fields.put("threadid", "139648019793600");
		return new AgiHeader(fields);
	}

	private static void putCaller(Map<String, String> fields) {
		fields.put("callerid", "5550105");
		fields.put("calleridname", "Erin Agi");
		fields.put("callingpres", "0");
		fields.put("callingani2", "0");
		fields.put("callington", "0");
		fields.put("callingtns", "0");
		fields.put("dnid", "unknown");
		fields.put("rdnis", "unknown");
	}

	/**
	 * Reads the header block of a captured trace: the lines up to the first blank one.
	 * @param traceLines the lines of a {@code .agi} trace
	 * @return the header exactly as Asterisk sent it
	 */
	static AgiHeader parse(List<String> traceLines) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : traceLines) {
			if (line.isEmpty()) {
				break;
			}
			int colon = line.indexOf(": ");
			fields.put(line.substring(PREFIX.length(), colon), line.substring(colon + 2));
		}
		return new AgiHeader(fields);
	}

	/**
	 * Returns a copy with one field set, for example {@code with("callerid", "5550199")}.
	 * @param name the field name without the {@code agi_} prefix
	 * @param value the value
	 * @return the changed copy
	 */
	public AgiHeader with(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.fields);
		copy.put(name, value);
		return new AgiHeader(copy);
	}

	/**
	 * Returns one field's value.
	 * @param name the field name without the {@code agi_} prefix
	 * @return the value, empty when absent
	 */
	public String get(String name) {
		return this.fields.getOrDefault(name, "");
	}

	/**
	 * Returns the header lines in wire order, without the terminating blank line.
	 * @return lines like {@code agi_callerid: 5550105}
	 */
	List<String> lines() {
		List<String> lines = new ArrayList<>();
		this.fields.forEach((name, value) -> lines.add(PREFIX + name + ": " + value));
		return lines;
	}

}
