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
 * ({@code r(${RECDIR}/${UNIQUEID}-customer.wav)t(${RECDIR}/${UNIQUEID}-agent.wav)} on the caller's channel).
 */
final class RecordingFiles {

	private static final Pattern NAME = Pattern
		.compile("(?:^|.*[-_])(\\d{6,}\\.\\d+)(?:-(agent|customer))?\\.(?i:wav|wav49|gsm|ulaw|alaw|sln)$");

	private RecordingFiles() {
	}

	/** What a file name says: the Uniqueid and which party (null: both mixed); empty if it follows no convention. */
	static Optional<Named> parse(Path file) {
		Matcher matcher = NAME.matcher(file.getFileName().toString());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new Named(file, matcher.group(1), party(matcher.group(2))));
	}

	/** The recording files in {@code dir} of any of {@code uniqueids}. */
	static List<Named> find(Path dir, Collection<String> uniqueids) throws IOException {
		List<Named> found = new ArrayList<>();
		for (Named named : list(dir)) {
			if (uniqueids.contains(named.uniqueid())) {
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

	record Named(Path path, String uniqueid, Party party) {
	}

}
