package io.callqa.telephony.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The files of one recorded channel (one name stem, see {@link RecordingFiles}): a mixed file and/or an
 * agent/customer pair.
 *
 * @param candidates the Uniqueids the files may belong to, shortest first
 */
record RecordingSet(String stem, List<String> candidates, List<Path> mixed, @Nullable Path agent,
		@Nullable Path customer) {

	/** Groups parsed file names by stem, in the order first seen. */
	static List<RecordingSet> group(Collection<RecordingFiles.Named> files) {
		Map<String, List<RecordingFiles.Named>> byStem = new LinkedHashMap<>();
		files.forEach((named) -> byStem.computeIfAbsent(named.stem(), (stem) -> new ArrayList<>()).add(named));
		return byStem.values().stream().map(RecordingSet::of).toList();
	}

	private static RecordingSet of(List<RecordingFiles.Named> files) {
		List<Path> mixed = new ArrayList<>();
		Path agent = null;
		Path customer = null;
		for (RecordingFiles.Named named : files) {
			switch (named.party()) {
				case AGENT -> agent = named.path();
				case CUSTOMER -> customer = named.path();
				default -> mixed.add(named.path());
			}
		}
		RecordingFiles.Named first = files.get(0);
		return new RecordingSet(first.stem(), first.candidates(), List.copyOf(mixed), agent, customer);
	}

	boolean hasPair() {
		return this.agent != null && this.customer != null;
	}

	List<Path> all() {
		List<Path> all = new ArrayList<>(this.mixed);
		if (this.agent != null) {
			all.add(this.agent);
		}
		if (this.customer != null) {
			all.add(this.customer);
		}
		return all;
	}

	/** When any of its files last changed. */
	Instant lastModified() throws IOException {
		Instant latest = Instant.EPOCH;
		for (Path file : all()) {
			FileTime time = Files.getLastModifiedTime(file);
			latest = time.toInstant().isAfter(latest) ? time.toInstant() : latest;
		}
		return latest;
	}

	/** Sizes and times of every file, to tell a finished recording from one still being written. */
	String fingerprint() throws IOException {
		StringBuilder print = new StringBuilder();
		for (Path file : all()) {
			print.append(file).append(':').append(Files.size(file)).append(':').append(Files.getLastModifiedTime(file));
		}
		return print.toString();
	}

	static String key(Path file) {
		return file.toAbsolutePath().normalize().toString();
	}

	static String pairKey(Path agent, Path customer) {
		return key(agent) + "|" + key(customer);
	}

}
