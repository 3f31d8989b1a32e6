package io.callqa.telephony.asteriskconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * {@code telephony/asterisk/extensions.conf} as steps ({@code exten}/{@code same} lines) per context, with its
 * {@code [globals]}, so tests can ask what the dialplan does: which applications run where, with which arguments.
 */
public final class Dialplan {

	private static final Pattern PRIORITY = Pattern.compile("(\\d+|n)(?:\\((\\w[\\w-]*)\\))?");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

	private final Map<String, List<Step>> contexts;

	private final Map<String, String> globals;

	private Dialplan(Map<String, List<Step>> contexts, Map<String, String> globals) {
		this.contexts = contexts;
		this.globals = globals;
	}

	public static Dialplan load() {
		return of(ConfFile.load("extensions.conf"));
	}

	static Dialplan of(ConfFile file) {
		Map<String, List<Step>> contexts = new LinkedHashMap<>();
		Map<String, String> globals = new LinkedHashMap<>();
		for (ConfFile.Section section : file.sections()) {
			if (section.name().equals("globals")) {
				section.entries().forEach((entry) -> globals.put(entry.key(), entry.value()));
				continue;
			}
			if (section.name().equals("general")) {
				continue;
			}
			if (contexts.containsKey(section.name())) {
				throw new IllegalStateException("extensions.conf defines [" + section.name() + "] twice");
			}
			contexts.put(section.name(), steps(section));
		}
		return new Dialplan(contexts, globals);
	}

	private static List<Step> steps(ConfFile.Section section) {
		List<Step> steps = new ArrayList<>();
		String exten = null;
		for (ConfFile.Entry entry : section.entries()) {
			List<String> parts;
			String priority;
			if (entry.key().equals("exten")) {
				parts = split(entry.value(), 3);
				exten = parts.get(0).strip();
				priority = parts.get(1).strip();
			}
			else if (entry.key().equals("same")) {
				if (exten == null) {
					throw new IllegalStateException("[" + section.name() + "] line " + entry.line() + ": same before exten");
				}
				parts = split(entry.value(), 2);
				parts.add(0, exten);
				priority = parts.get(1).strip();
			}
			else {
				throw new IllegalStateException(
						"[" + section.name() + "] line " + entry.line() + ": unexpected " + entry.key());
			}
			Matcher matcher = PRIORITY.matcher(priority);
			if (!matcher.matches()) {
				throw new IllegalStateException("[" + section.name() + "] line " + entry.line() + ": priority " + priority);
			}
			String application = parts.get(2).strip();
			int open = application.indexOf('(');
			String name = (open < 0) ? application : application.substring(0, open);
			String data = (open < 0) ? "" : application.substring(open + 1, application.lastIndexOf(')'));
			steps.add(new Step(section.name(), exten, matcher.group(2), name, data, entry.line()));
		}
		return List.copyOf(steps);
	}

	/** Splits on the first {@code limit - 1} top-level commas (not inside (), [] or {}). */
	static List<String> split(String value, int limit) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < value.length() && parts.size() < limit - 1; i++) {
			char c = value.charAt(i);
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(value.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(value.substring(start));
		if (parts.size() != limit) {
			throw new IllegalArgumentException("expected " + limit + " comma-separated parts: " + value);
		}
		return parts;
	}

	/** Splits application arguments on every top-level comma. */
	public static List<String> arguments(String data) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < data.length(); i++) {
			char c = data.charAt(i);
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(data.substring(start, i).strip());
				start = i + 1;
			}
		}
		parts.add(data.substring(start).strip());
		return parts;
	}

	public Map<String, String> globals() {
		return this.globals;
	}

	public boolean hasContext(String context) {
		return this.contexts.containsKey(context);
	}

	public List<String> contextNames() {
		return List.copyOf(this.contexts.keySet());
	}

	public List<Step> steps(String context) {
		List<Step> steps = this.contexts.get(context);
		if (steps == null) {
			throw new IllegalArgumentException("extensions.conf has no context [" + context + "]");
		}
		return steps;
	}

	public List<Step> allSteps() {
		return this.contexts.values().stream().flatMap(List::stream).toList();
	}

	/** Every step running {@code application} (case-insensitive), in file order. */
	public List<Step> calls(String application) {
		return allSteps().stream().filter((step) -> step.application().equalsIgnoreCase(application)).toList();
	}

	/** The steps of the extension of {@code context} that {@code exten} dials, as Asterisk matches patterns. */
	public Optional<List<Step>> extension(String context, String exten) {
		List<Step> steps = this.contexts.get(context);
		if (steps == null) {
			return Optional.empty();
		}
		// Asterisk prefers an exact name to a pattern.
		List<Step> exact = steps.stream().filter((step) -> step.exten().equals(exten)).toList();
		if (!exact.isEmpty()) {
			return Optional.of(exact);
		}
		return steps.stream()
			.map(Step::exten)
			.filter((pattern) -> matches(pattern, exten))
			.findFirst()
			.map((pattern) -> steps.stream().filter((step) -> step.exten().equals(pattern)).toList());
	}

	/** Asterisk's extension matching: a name, or a pattern {@code _...} with X, Z, N, [..], . and !. */
	public static boolean matches(String pattern, String exten) {
		if (!pattern.startsWith("_")) {
			return pattern.equals(exten);
		}
		StringBuilder regex = new StringBuilder();
		for (int i = 1; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			switch (Character.toUpperCase(c)) {
				case 'X' -> regex.append("[0-9]");
				case 'Z' -> regex.append("[1-9]");
				case 'N' -> regex.append("[2-9]");
				case '.' -> regex.append(".+");
				case '!' -> regex.append(".*");
				case '[' -> {
					int end = pattern.indexOf(']', i);
					regex.append('[');
					for (char member : pattern.substring(i + 1, end).toCharArray()) {
						regex.append((member == '-' || Character.isLetterOrDigit(member)) ? "" + member : "\\" + member);
					}
					regex.append(']');
					i = end;
				}
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return exten.matches(regex.toString());
	}

	/** {@code text} with every {@code ${GLOBAL}} replaced by its value from {@code [globals]}; others are kept. */
	public String expandGlobals(String text) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			String value = this.globals.get(matcher.group(1));
			matcher.appendReplacement(expanded, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	/**
	 * One dialplan step: {@code exten => exten,priority(label),application(data)} or its {@code same =>} line.
	 */
	public record Step(String context, String exten, @Nullable String label, String application, String data,
			int line) {

		public List<String> arguments() {
			return Dialplan.arguments(this.data);
		}

		public String where() {
			return "extensions.conf:" + this.line + " [" + this.context + "] " + this.exten + " " + this.application
					+ "(" + this.data + ")";
		}

	}

}
