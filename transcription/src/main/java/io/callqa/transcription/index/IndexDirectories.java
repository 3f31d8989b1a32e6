package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * The index directory's layout: one subdirectory per index version, {@code <dir>/v<N>}, plus, from before versions
 * existed, an index directly in {@code <dir>} (version 1). The current version's directory is the one to keep; any
 * other is answered from while the current one is rebuilt, then deleted.
 */
final class IndexDirectories {

	private static final Logger log = LoggerFactory.getLogger(IndexDirectories.class);

	private static final Pattern VERSION_DIR = Pattern.compile("v(\\d+)");

	private static final Pattern DELETING = Pattern.compile("v\\d+\\.deleting");

	private final Path root;

	private final int version;

	IndexDirectories(Path root, int version) {
		this.root = root;
		this.version = version;
	}

	int version() {
		return this.version;
	}

	/** Where the index of the current version lives. */
	Path current() {
		return this.root.resolve("v" + this.version);
	}

	/**
	 * Opens the index to search: the newest index of another version while there is one (the current one is then
	 * rebuilt in the background, see {@link IndexRebuild}), else the current version's, new if need be. An old index
	 * that cannot be opened (a format too old for this Lucene, damage) is deleted and the current one built from
	 * scratch.
	 */
	TranscriptIndex openForSearch() throws IOException {
		PrivateDirectory.ensure(this.root);
		Optional<Path> previous = previous();
		if (previous.isPresent()) {
			try {
				TranscriptIndex old = TranscriptIndex.open(previous.get(), 1);
				log.info("Search index {} is version {}; version {} is rebuilt from the database in {} meanwhile",
						previous.get(), old.version(), this.version, current());
				return old;
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Search index {} cannot be opened ({}); version {} is built from the database instead",
						previous.get(), ex.toString(), this.version);
			}
		}
		deleteAllButCurrent();
		return TranscriptIndex.open(current(), this.version);
	}

	/**
	 * The index to answer from while the current version is built: the newest other version holding a commit, else
	 * the flat index from before versions; empty on a new installation or when only the current version is there.
	 */
	Optional<Path> previous() throws IOException {
		if (!Files.isDirectory(this.root)) {
			return Optional.empty();
		}
		List<Path> others = new ArrayList<>();
		try (Stream<Path> children = Files.list(this.root)) {
			children.filter(Files::isDirectory)
				.filter((dir) -> versionOf(dir) > 0 && versionOf(dir) != this.version)
				.sorted(Comparator.comparingInt(IndexDirectories::versionOf).reversed())
				.forEach(others::add);
		}
		others.add(this.root);
		for (Path other : others) {
			if (holdsIndex(other)) {
				return Optional.of(other);
			}
		}
		return Optional.empty();
	}

	private static int versionOf(Path dir) {
		Matcher matcher = VERSION_DIR.matcher(dir.getFileName().toString());
		return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
	}

	private static boolean holdsIndex(Path dir) throws IOException {
		try (Directory directory = FSDirectory.open(dir)) {
			return DirectoryReader.indexExists(directory);
		}
	}

	/**
	 * Deletes every index but the current version's: other versions, the flat index from before versions, and what an
	 * interrupted deletion left. A version directory is renamed first, so a crash never leaves half an index that
	 * looks whole; the flat index loses its commit points first for the same reason.
	 */
	void deleteAllButCurrent() throws IOException {
		if (!Files.isDirectory(this.root)) {
			return;
		}
		List<Path> children;
		try (Stream<Path> list = Files.list(this.root)) {
			children = list.toList();
		}
		for (Path child : children) {
			String name = child.getFileName().toString();
			if (Files.isDirectory(child) && versionOf(child) > 0 && versionOf(child) != this.version) {
				Path deleting = child.resolveSibling(name + ".deleting");
				Files.move(child, deleting, StandardCopyOption.ATOMIC_MOVE);
				FileSystemUtils.deleteRecursively(deleting);
				log.info("Deleted the search index of another version, {}", child);
			}
			else if (Files.isDirectory(child) && DELETING.matcher(name).matches()) {
				FileSystemUtils.deleteRecursively(child);
			}
		}
		deleteFlatIndex(children);
	}

	private void deleteFlatIndex(List<Path> children) throws IOException {
		List<Path> files = children.stream().filter(Files::isRegularFile).toList();
		if (files.isEmpty()) {
			return;
		}
		for (Path file : files) {
			if (file.getFileName().toString().startsWith("segments")) {
				Files.deleteIfExists(file);
			}
		}
		for (Path file : files) {
			Files.deleteIfExists(file);
		}
		log.info("Deleted the search index from before index versions, in {}", this.root);
	}

}
