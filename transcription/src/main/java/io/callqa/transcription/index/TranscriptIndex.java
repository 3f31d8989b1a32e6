package io.callqa.transcription.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;

import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;

/**
 * The one long-lived IndexWriter and SearcherManager over an index directory, one document per call.
 *
 * <p>Thread-safe: one thread indexes and commits while any number search. Only {@link #commit(long)} makes changes
 * durable, together with the outbox sequence number they reach; changes not committed are dropped on close and
 * replayed from the outbox, so the stored number always describes exactly the committed documents.
 */
public final class TranscriptIndex implements Closeable {

	static final String OUTBOX_SEQ = "outboxSeq";

	private final @Nullable Directory ownDirectory;

	private final Analyzer analyzer;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final TranscriptSearcher searcher;

	private volatile long committedOutboxSeq;

	private TranscriptIndex(Directory directory, boolean owned) throws IOException {
		this.ownDirectory = owned ? directory : null;
		this.analyzer = new TranscriptAnalyzer();
		this.writer = new IndexWriter(directory, new IndexWriterConfig(this.analyzer).setCommitOnClose(false));
		this.searchers = searcherManager(this.writer);
		this.searcher = new TranscriptSearcher(this.searchers, this.analyzer);
		this.committedOutboxSeq = outboxSeq(this.writer.getLiveCommitData());
	}

	/** Opens the index in {@code dir}, creating the directory and an empty index if missing. */
	public static TranscriptIndex open(Path dir) throws IOException {
		Files.createDirectories(dir);
		Directory directory = FSDirectory.open(dir);
		try {
			return new TranscriptIndex(directory, true);
		}
		catch (IOException | RuntimeException ex) {
			IOUtils.closeWhileHandlingException(directory);
			throw ex;
		}
	}

	/** Opens the index in {@code dir} (for tests); closing the index leaves the directory open. */
	public static TranscriptIndex open(Directory dir) throws IOException {
		return new TranscriptIndex(dir, false);
	}

	private static SearcherManager searcherManager(IndexWriter writer) throws IOException {
		try {
			return new SearcherManager(writer, null);
		}
		catch (IOException | RuntimeException ex) {
			IOUtils.closeWhileHandlingException(writer);
			throw ex;
		}
	}

	private static long outboxSeq(@Nullable Iterable<Map.Entry<String, String>> commitData) {
		if (commitData != null) {
			for (Map.Entry<String, String> entry : commitData) {
				if (entry.getKey().equals(OUTBOX_SEQ)) {
					return Long.parseLong(entry.getValue());
				}
			}
		}
		return 0;
	}

	/** Adds the call, or replaces its earlier document; visible to search after the next commit or refresh. */
	void index(IndexedCall call) throws IOException {
		index(call, CallTags.NONE);
	}

	/** Adds or replaces the call's document with its tags (categories, customer phrases). */
	void index(IndexedCall call, CallTags tags) throws IOException {
		Document document = CallDocuments.of(call);
		tags.addTo(document);
		this.writer.updateDocument(CallDocuments.idTerm(call.callId()), document);
	}

	/** Runs {@code reading} on the current searcher (category trends, customer phrases, re-tagging). */
	<T> T read(Reading<T> reading) throws IOException {
		IndexSearcher current = this.searchers.acquire();
		try {
			return reading.read(current);
		}
		finally {
			this.searchers.release(current);
		}
	}

	/** Removes the call's document, if any; visible to search after the next commit or refresh. */
	public void delete(long callId) throws IOException {
		this.writer.deleteDocuments(CallDocuments.idTerm(callId));
	}

	/**
	 * Commits with the outbox sequence number stored in the commit user data, then refreshes the searcher so the
	 * change is visible at once.
	 */
	public void commit(long outboxSeq) throws IOException {
		this.writer.setLiveCommitData(Map.of(OUTBOX_SEQ, Long.toString(outboxSeq)).entrySet());
		this.writer.commit();
		// Refresh first: whoever sees the new sequence number must also find the documents it covers.
		this.searchers.maybeRefreshBlocking();
		this.committedOutboxSeq = outboxSeq;
	}

	/** The outbox sequence number of the last commit, 0 for a new or empty index. Survives close and reopen. */
	public long committedOutboxSeq() {
		return this.committedOutboxSeq;
	}

	/** Makes changes since the last refresh visible to search without committing them (for a scheduled refresh). */
	public void maybeRefresh() throws IOException {
		this.searchers.maybeRefresh();
	}

	/** The number of calls visible to search. */
	public int documentCount() throws IOException {
		IndexSearcher current = this.searchers.acquire();
		try {
			return current.getIndexReader().numDocs();
		}
		finally {
			this.searchers.release(current);
		}
	}

	/**
	 * One page of the calls matching the query, with highlighted snippets.
	 *
	 * @throws InvalidSearchException if the query cannot be parsed or is too broad
	 * @throws IllegalArgumentException if the page or size is out of range
	 */
	public SearchResults search(SearchQuery query) {
		return this.searcher.search(query);
	}

	/**
	 * Something read from a searcher.
	 */
	@FunctionalInterface
	interface Reading<T> {

		T read(IndexSearcher searcher) throws IOException;

	}

	/** Closes the searchers and the writer, dropping changes not committed. */
	@Override
	public void close() throws IOException {
		IOUtils.close(this.searchers, this.writer, this.analyzer, this.ownDirectory);
	}

}
