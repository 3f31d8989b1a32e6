package io.callqa.qaconsole.calldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * What the files of a Lucene index hold, read from disk as a new reader would, deleted documents included: the terms
 * of every field of every segment, and the raw bytes of every file.
 */
public final class IndexFiles {

	private IndexFiles() {
	}

	/** The files under {@code dir} (every index version) whose bytes contain {@code text} (UTF-8). */
	public static List<Path> filesContaining(Path dir, String text) {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		for (int attempt = 1;; attempt++) {
			try (Stream<Path> files = Files.walk(dir)) {
				return files.filter(Files::isRegularFile).filter((file) -> contains(read(file), needle)).toList();
			}
			catch (UncheckedIOException ex) {
				// The indexer committed while walking and deleted a file the walk had listed: walk again.
				if (!(ex.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 5) {
					throw ex;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Terms (as {@code field:term}) containing {@code part} of every index under {@code root} (each version's
	 * directory), deleted documents' included.
	 */
	public static List<String> termsContaining(Path root, String part) {
		List<String> found = new ArrayList<>();
		for (Path dir : indexes(root)) {
			found.addAll(termsIn(dir, part));
		}
		return found;
	}

	/** Documents deleted but still held by a segment, in every index under {@code root}. */
	public static int deletedDocuments(Path root) {
		int deleted = 0;
		for (Path dir : indexes(root)) {
			try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
				deleted += reader.numDeletedDocs();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return deleted;
	}

	private static List<Path> indexes(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			List<Path> dirs = files.filter((file) -> file.getFileName().toString().startsWith("segments_"))
				.map(Path::getParent)
				.distinct()
				.toList();
			if (dirs.isEmpty()) {
				throw new IllegalStateException("No index under " + root);
			}
			return dirs;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> termsIn(Path dir, String part) {
		List<String> found = new ArrayList<>();
		try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
			for (LeafReaderContext leaf : reader.leaves()) {
				for (FieldInfo field : leaf.reader().getFieldInfos()) {
					Terms terms = leaf.reader().terms(field.name);
					if (terms == null) {
						continue;
					}
					TermsEnum iterator = terms.iterator();
					for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
						String text = term.utf8ToString();
						if (text.contains(part)) {
							found.add(field.name + ":" + text);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			// A file deleted while walking (a merge, a commit): it holds nothing any more.
			return new byte[0];
		}
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
