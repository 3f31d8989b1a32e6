package io.callqa.telephony.asteriskconf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Asterisk {@code .conf} file of {@code telephony/asterisk/}, as Asterisk's config parser sees it: sections in
 * order (a name may repeat, as in pjsip.conf), {@code key = value} and {@code key => value} lines, {@code ;} comments.
 */
public record ConfFile(String name, List<Section> sections) {

	/** The repository's Asterisk configuration directory, read from the module's directory (Maven's basedir). */
	public static Path directory() {
		return Path.of(System.getProperty("basedir", ".")).resolve("asterisk");
	}

	public static ConfFile load(String name) {
		Path file = directory().resolve(name);
		try {
			return parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), ex);
		}
	}

	static ConfFile parse(String name, List<String> lines) {
		List<Section> sections = new ArrayList<>();
		Section current = null;
		int number = 0;
		for (String raw : lines) {
			number++;
			String line = stripComment(raw).strip();
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("[")) {
				int end = line.indexOf(']');
				if (end < 0) {
					throw new IllegalArgumentException(name + ":" + number + ": unclosed section header: " + raw);
				}
				current = new Section(line.substring(1, end).strip(), new ArrayList<>());
				sections.add(current);
				continue;
			}
			if (current == null) {
				throw new IllegalArgumentException(name + ":" + number + ": a setting outside any section: " + raw);
			}
			int equals = line.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException(name + ":" + number + ": not a setting: " + raw);
			}
			String key = line.substring(0, equals).strip();
			String value = line.substring(equals + 1);
			value = (value.startsWith(">") ? value.substring(1) : value).strip();
			current.entries().add(new Entry(key, value, number));
		}
		return new ConfFile(name, List.copyOf(sections));
	}

	// ';' starts a comment unless escaped as '\;'.
	private static String stripComment(String line) {
		for (int i = 0; i < line.length(); i++) {
			if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
				return line.substring(0, i);
			}
		}
		return line;
	}

	public List<Section> sections(String sectionName) {
		return this.sections.stream().filter((section) -> section.name().equals(sectionName)).toList();
	}

	public Optional<Section> section(String sectionName) {
		List<Section> found = sections(sectionName);
		if (found.size() > 1) {
			throw new IllegalStateException(this.name + " defines [" + sectionName + "] " + found.size() + " times");
		}
		return found.stream().findFirst();
	}

	/** The single value of {@code key} in the single section {@code sectionName}, if any. */
	public Optional<String> value(String sectionName, String key) {
		return section(sectionName).flatMap((section) -> section.value(key));
	}

	public record Section(String name, List<Entry> entries) {

		public List<String> values(String key) {
			return this.entries.stream().filter((entry) -> entry.key().equalsIgnoreCase(key)).map(Entry::value).toList();
		}

		public Optional<String> value(String key) {
			List<String> values = values(key);
			if (values.size() > 1) {
				throw new IllegalStateException("[" + this.name + "] sets " + key + " " + values.size() + " times");
			}
			return values.stream().findFirst();
		}

	}

	public record Entry(String key, String value, int line) {
	}

}
