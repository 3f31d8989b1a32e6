package io.callqa.telephony.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The naming convention of recordings: the file name ends with the recorded channel's Uniqueid, as in
 * {@code MixMonitor(${RECDIR}/support-${UNIQUEID}.wav)}; per-party files add {@code -agent} or {@code -customer}
 * ({@code r(${RECDIR}/support-${UNIQUEID}-customer.wav)t(${RECDIR}/support-${UNIQUEID}-agent.wav)}).
 * <p>
 * A Uniqueid is {@code <epoch>.<sequence>}, or {@code <systemname>-<epoch>.<sequence>} with {@code systemname} set in
 * asterisk.conf (letters, digits, dashes, dots). Where the prefix ends and the systemname starts cannot be told from
 * the name ({@code sales-pbx1-1796047513.0}), so a name stands for every Uniqueid it ends with after a {@code -} or
 * {@code _}: {@code 1796047513.0}, {@code pbx1-1796047513.0} and {@code sales-pbx1-1796047513.0}; the call's events
 * say which one exists. The party suffix comes after the digits, so it is never taken for part of a systemname.
 */
final class RecordingFiles {

	private static final Pattern NAME = Pattern.compile(
			"((?:.*[-_])?(\\d{6,}\\.\\d+))(?:-(agent|customer))?\\.(?i:wav|wav49|gsm|ulaw|alaw|sln)");

	private RecordingFiles() {
	}

	/** What a file name says: the Uniqueids it may stand for and which party (MIXED: both); empty if none. */
	static Optional<Named> parse(Path file) {
		Matcher matcher = NAME.matcher(file.getFileName().toString());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String stem = matcher.group(1);
		return Optional.of(new Named(file, stem, candidates(stem, matcher.group(2)), party(matcher.group(3))));
	}

	/** The Uniqueids a name's stem may stand for, shortest ({@code <epoch>.<sequence>}) first. */
	static List<String> candidates(String stem, String digits) {
		List<String> candidates = new ArrayList<>();
		candidates.add(digits);
		for (int end = stem.length() - digits.length() - 1; end > 0; end--) {
			char c = stem.charAt(end - 1);
			if (c == '-' || c == '_') {
				candidates.add(stem.substring(end));
			}
		}
		if (!stem.equals(digits)) {
			candidates.add(stem);
		}
		return List.copyOf(candidates);
	}

	/** The recording files in {@code dir} of any of {@code uniqueids}. */
	static List<Named> find(Path dir, Collection<String> uniqueids) throws IOException {
		List<Named> found = new ArrayList<>();
		for (Named named : list(dir)) {
			if (named.candidates().stream().anyMatch(uniqueids::contains)) {
				found.add(named);
			}
		}
		return found;
	}

	static List<Named> list(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).map(RecordingFiles::parse).flatMap(Optional::stream).toList();
		}
	}

	private static Party party(String suffix) {
		if (suffix == null) {
			return Party.MIXED;
		}
		return suffix.equals("agent") ? Party.AGENT : Party.CUSTOMER;
	}

	enum Party {

		MIXED, AGENT, CUSTOMER

	}

	/**
	 * @param stem the name without party suffix and extension: the files of one recorded channel share it
	 * @param candidates the Uniqueids the name may stand for, shortest first
	 */
	record Named(Path path, String stem, List<String> candidates, Party party) {
	}

}
