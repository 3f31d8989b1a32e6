package io.callqa.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * The {@code Event:} blocks of one captured AMI trace, in wire order, ready to be replayed by {@link AmiSimulator}.
 */
public record Scenario(String name, List<AmiEvent> events) {

	private static final Set<String> ISO_TIME_KEYS = Set.of("eventtv", "sessiontv");

	private static final Set<String> CDR_TIME_KEYS = Set.of("starttime", "answertime", "endtime");

	private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	public Scenario {
		events = List.copyOf(events);
	}

	/** Loads {@code /simulator/traces/NAME.ami} from the classpath. */
	public static Scenario load(String name) {
		String resource = "/simulator/traces/" + name + ".ami";
		try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No trace " + resource + " on the classpath");
			}
			return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Keeps the {@code Event:} blocks of a raw trace; the banner and every {@code Response:} block are dropped. */
	public static Scenario parse(String name, String trace) {
		List<AmiEvent> events = new ArrayList<>();
		for (String block : trace.split("\r?\n\r?\n")) {
			List<String> lines = withoutBanner(block);
			if (!lines.isEmpty() && lines.get(0).startsWith("Event:")) {
				events.add(new AmiEvent(lines));
			}
		}
		return new Scenario(name, events);
	}

	/** How many events the scenario holds. */
	public int size() {
		return this.events.size();
	}

	/** How many events of the given type (e.g. {@code VarSet}) the scenario holds. */
	public long count(String type) {
		return this.events.stream().filter((event) -> event.type().equalsIgnoreCase(type)).count();
	}

	/** Whether a {@code VarSet} of {@code variable=value} occurs, e.g. {@code QUEUESTATUS=TIMEOUT}. */
	public boolean setsVariable(String variable, String value) {
		return this.events.stream()
			.filter((event) -> event.type().equals("VarSet"))
			.anyMatch((event) -> variable.equals(event.value("Variable")) && value.equals(event.value("Value")));
	}

	/**
	 * A copy in which every call and bridge id ({@code Uniqueid}, {@code Linkedid}, {@code DestUniqueid},
	 * {@code BridgeUniqueid}, ...) ends with {@code suffix}, so a second replay looks like a distinct call.
	 */
	public Scenario withIdSuffix(String suffix) {
		return map((key, value) -> (isIdKey(key) && !value.isEmpty()) ? value + suffix : value);
	}

	/** A copy whose timestamps ({@code EventTV}, {@code SessionTV} and the CDR times) are moved by {@code offset}. */
	public Scenario shiftedBy(Duration offset) {
		return map((key, value) -> shiftTime(key.toLowerCase(Locale.ROOT), value, offset));
	}

	private Scenario map(BinaryOperator<String> rewrite) {
		return new Scenario(this.name, this.events.stream().map((event) -> event.mapValues(rewrite)).toList());
	}

	private static boolean isIdKey(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return lower.endsWith("uniqueid") || lower.endsWith("linkedid");
	}

	private static String shiftTime(String key, String value, Duration offset) {
		if (value.isEmpty()) {
			return value;
		}
		if (ISO_TIME_KEYS.contains(key)) {
			return OffsetDateTime.parse(value, ISO_TIME).plus(offset).format(ISO_TIME);
		}
		if (CDR_TIME_KEYS.contains(key)) {
			return LocalDateTime.parse(value, CDR_TIME).plus(offset).format(CDR_TIME);
		}
		return value;
	}

	private static List<String> withoutBanner(String block) {
		List<String> lines = new ArrayList<>(Arrays.asList(block.split("\r?\n")));
		// The banner has no blank line after it, so it shares a block with the first response.
		lines.removeIf((line) -> line.startsWith("Asterisk Call Manager/") || line.isEmpty());
		return lines;
	}

}
