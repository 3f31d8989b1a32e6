package io.callqa.transcription.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;

import io.callqa.transcription.IndexStatus;
import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;

/**
 * The one long-lived IndexWriter and SearcherManager over an index directory, one document per call.
 *
 * <p>Thread-safe: one thread indexes and commits while any number search. Only {@link #commit(long)} makes changes
 * durable, together with the outbox sequence number they reach; changes not committed are dropped on close and
 * replayed from the outbox, so the stored number always describes exactly the committed documents.
 *
 * <p>Each commit also stores the {@link #VERSION} of the code that wrote it. While an index of an older version is
 * rebuilt (see {@link IndexRebuild}), this object keeps answering from the old directory; the indexing thread then
 * {@linkplain #adoptRebuilt() adopts} the rebuilt one between two batches, and searches switch to it at once.
 */
public final class TranscriptIndex implements Closeable {

	/**
	 * The version of the analysis and document shape. Bump it whenever either changes: a server that finds an index
	 * of another version rebuilds it from PostgreSQL in the background (in {@code <dir>/v<VERSION>}), answering from
	 * the old one until the new one is ready. Indexes from before versions existed (flat in {@code <dir>}) count as 1.
	 * Version 3 added {@link TranscriptFields#TEXT_PAIRS}, version 4 the automatic score's fields
	 * ({@link TranscriptFields#AUTO_SCORE} and its flag and band), version 5 the protected words
	 * ({@link TranscriptAnalyzer#PROTECTED}: "accountant" is no longer stemmed to "account", so an older index would
	 * miss it) and the alternatives' fields ({@link TranscriptFields#ALTERNATIVES}), version 6 the near pairs
	 * (unordered, calls only), version 7 the triples ({@link TranscriptFields#TEXT_TRIPLES}) and the near pairs as
	 * they are now ({@link TranscriptFields#TEXT_NEAR}: ordered, with how near and how often, also with a skipped word).
	 */
	public static final int VERSION = 7;

	/** The first version with {@link TranscriptFields#TEXT_PAIRS}: an older one answers phrases by positions. */
	static final int PAIRS_VERSION = 3;

	/**
	 * The first version with {@link TranscriptFields#TEXT_TRIPLES} and {@link TranscriptFields#TEXT_NEAR}: an older
	 * one answers phrases of three words or more by pairs and proximity by positions only.
	 */
	static final int NEAR_VERSION = 7;

	static final String OUTBOX_SEQ = "outboxSeq";

	static final String INDEX_VERSION = "indexVersion";

	private volatile Generation current;

	private volatile @Nullable RebuildProgress rebuild;

	private @Nullable Handover handover;

	private TranscriptIndex(Generation generation) {
		this.current = generation;
	}

	/** Opens the index in {@code dir}, creating the directory and an empty index if missing. */
	public static TranscriptIndex open(Path dir) throws IOException {
		return open(dir, VERSION);
	}

	/**
	 * Opens the index in {@code dir}; a new one is stamped with {@code version}, an existing one keeps the version of
	 * its last commit (tests build old versions with it).
	 */
	static TranscriptIndex open(Path dir, int version) throws IOException {
		Files.createDirectories(dir);
		Directory directory = FSDirectory.open(dir);
		try {
			return new TranscriptIndex(new Generation(dir, directory, true, version));
		}
		catch (IOException | RuntimeException ex) {
			IOUtils.closeWhileHandlingException(directory);
			throw ex;
		}
	}

	/** Opens the index in {@code dir} (for tests); closing the index leaves the directory open. */
	public static TranscriptIndex open(Directory dir) throws IOException {
		return new TranscriptIndex(new Generation(null, dir, false, VERSION));
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

	static long outboxSeq(@Nullable Iterable<Map.Entry<String, String>> commitData) {
		String seq = commitValue(commitData, OUTBOX_SEQ);
		return (seq != null) ? Long.parseLong(seq) : 0;
	}

	/** The version a commit was written by; commits from before versions existed have none and count as 1. */
	static int indexVersion(@Nullable Iterable<Map.Entry<String, String>> commitData) {
		String version = commitValue(commitData, INDEX_VERSION);
		return (version != null) ? Integer.parseInt(version) : 1;
	}

	private static @Nullable String commitValue(@Nullable Iterable<Map.Entry<String, String>> commitData,
			String key) {
		if (commitData != null) {
			for (Map.Entry<String, String> entry : commitData) {
				if (entry.getKey().equals(key)) {
					return entry.getValue();
				}
			}
		}
		return null;
	}

	/** Adds the call, or replaces its earlier document; visible to search after the next commit or refresh. */
	void index(IndexedCall call) throws IOException {
		index(call, CallTags.NONE);
	}

	/** Adds or replaces the call's document with its tags (categories, customer phrases). */
	void index(IndexedCall call, CallTags tags) throws IOException {
		Document document = CallDocuments.of(call);
		tags.addTo(document);
		this.current.writer.updateDocument(CallDocuments.idTerm(call.callId()), document);
	}

	/** Runs {@code reading} on the current searcher (category trends, customer phrases, re-tagging). */
	<T> T read(Reading<T> reading) throws IOException {
		return answered((generation) -> {
			IndexSearcher searcher = generation.searchers.acquire();
			try {
				return reading.read(searcher);
			}
			finally {
				generation.searchers.release(searcher);
			}
		});
	}

	/** Removes the call's document, if any; visible to search after the next commit or refresh. */
	public void delete(long callId) throws IOException {
		this.current.writer.deleteDocuments(CallDocuments.idTerm(callId));
	}

	/**
	 * Merges away the deleted and replaced documents (erasure: a deleted document's words stay in its segment's files
	 * until a merge rewrites it) and commits at the same outbox sequence number; the old segment files are deleted by
	 * the commit once no searcher reads them (the searchers are refreshed at once).
	 */
	void purgeDeleted() throws IOException {
		Generation generation = this.current;
		generation.writer.forceMergeDeletes(true);
		commit(generation.committedOutboxSeq);
	}

	/**
	 * Commits with the outbox sequence number (and the index version) stored in the commit user data, then refreshes
	 * the searcher so the change is visible at once.
	 */
	public void commit(long outboxSeq) throws IOException {
		Generation generation = this.current;
		generation.writer.setLiveCommitData(Map.of(OUTBOX_SEQ, Long.toString(outboxSeq), INDEX_VERSION,
				Integer.toString(generation.version)).entrySet());
		generation.writer.commit();
		// Refresh first: whoever sees the new sequence number must also find the documents it covers.
		generation.searchers.maybeRefreshBlocking();
		generation.committedOutboxSeq = outboxSeq;
	}

	/** The outbox sequence number of the last commit, 0 for a new or empty index. Survives close and reopen. */
	public long committedOutboxSeq() {
		return this.current.committedOutboxSeq;
	}

	/**
	 * Records that the indexing thread picked up the outbox rows up to {@code seq} for its next batch, before it reads
	 * the categories to tag them with (see {@link #outboxPosition()}).
	 */
	void selected(long seq) {
		Generation generation = this.current;
		if (seq > generation.selectedOutboxSeq) {
			generation.selectedOutboxSeq = seq;
		}
	}

	/** How far the index has applied the outbox, and picked it up, both of the same index. */
	OutboxPosition outboxPosition() {
		Generation generation = this.current;
		long applied = generation.committedOutboxSeq;
		return new OutboxPosition(applied, Math.max(applied, generation.selectedOutboxSeq));
	}

	/** The version of the index searches are answered from: {@link #VERSION}, or an older one while rebuilding. */
	public int version() {
		return this.current.version;
	}

	/** The directory searches are answered from; null for an index opened on a {@link Directory}. */
	@Nullable Path path() {
		return this.current.path;
	}

	/** Makes changes since the last refresh visible to search without committing them (for a scheduled refresh). */
	public void maybeRefresh() throws IOException {
		this.current.searchers.maybeRefresh();
	}

	/** The number of calls visible to search. */
	public int documentCount() throws IOException {
		return answered((generation) -> {
			IndexSearcher searcher = generation.searchers.acquire();
			try {
				return searcher.getIndexReader().numDocs();
			}
			finally {
				generation.searchers.release(searcher);
			}
		});
	}

	/**
	 * One page of the calls matching the query, with highlighted snippets.
	 *
	 * @throws InvalidSearchException if the query cannot be parsed or is too broad
	 * @throws IllegalArgumentException if the page or size is out of range
	 */
	public SearchResults search(SearchQuery query) {
		return search(query, null);
	}

	/**
	 * {@link #search(SearchQuery)} knowing the categories saved now: a name the index still holds for a category
	 * deleted or renamed, until its re-tagging reaches every call, is no facet value and filters out every call.
	 * @param categories the saved categories' names; null: every name in the index counts
	 */
	public SearchResults search(SearchQuery query, @Nullable Set<String> categories) {
		try {
			return answered((generation) -> generation.searcher.search(query, categories));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs a read on the current generation; a read that began just before a swap closed its generation runs again on
	 * the new one.
	 */
	private <T> T answered(Read<T> read) throws IOException {
		Generation generation = this.current;
		try {
			return read.on(generation);
		}
		catch (AlreadyClosedException ex) {
			if (this.current == generation) {
				throw ex;
			}
			return read.on(this.current);
		}
	}

	/** Whether the index is being rebuilt, and how far. */
	public IndexStatus status() {
		RebuildProgress progress = this.rebuild;
		if (progress == null) {
			return IndexStatus.ready(version());
		}
		return IndexStatus.rebuilding(version(), progress.version(), progress.applied(), progress.total());
	}

	void rebuilding(@Nullable RebuildProgress progress) {
		this.rebuild = progress;
	}

	/**
	 * Offers a rebuilt index to take over: the indexing thread brings it up to date with {@code catchUp} and swaps it
	 * in at its next {@link #adoptRebuilt()}; the returned future completes once it has.
	 */
	synchronized CompletableFuture<Void> offer(TranscriptIndex rebuilt, IndexWork catchUp) {
		this.handover = new Handover(rebuilt, catchUp, new CompletableFuture<>());
		return this.handover.done;
	}

	/** Takes back an offer not adopted yet (on stop); false if it was adopted, the rebuilt index being now ours. */
	synchronized boolean withdraw() {
		if (this.handover == null) {
			return false;
		}
		this.handover = null;
		return true;
	}

	/**
	 * Called by the indexing thread between two batches, when nothing is left uncommitted: if a rebuilt index is on
	 * offer, brings it up to the end of the outbox, switches searches and indexing to it and closes the replaced one.
	 * Being on the indexing thread, no change is lost or applied to the replaced index only.
	 */
	public synchronized void adoptRebuilt() throws IOException {
		Handover offered = this.handover;
		if (offered == null) {
			return;
		}
		offered.catchUp.run();
		Generation replaced = this.current;
		this.current = offered.rebuilt.current;
		this.handover = null;
		this.rebuild = null;
		IOUtils.closeWhileHandlingException(replaced);
		offered.done.complete(null);
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
		this.current.close();
	}

	@FunctionalInterface
	private interface Read<T> {

		T on(Generation generation) throws IOException;

	}

	/** Work on the index that may fail with an IOException. */
	@FunctionalInterface
	interface IndexWork {

		void run() throws IOException;

	}

	/**
	 * {@code applied}: the outbox row of the last commit. {@code selected}: the last row a batch has picked up, committed
	 * or not. A row after {@code selected} will be read by a batch that starts later, so with the categories saved by
	 * then: a re-tagging may rely on it rather than queue its call again. The rows in between are being indexed with
	 * whatever the batch read when it started.
	 */
	record OutboxPosition(long applied, long selected) {
	}

	/** How far a rebuild to {@code version} is: outbox rows applied to the new index, of those there were at its start. */
	record RebuildProgress(int version, long applied, long total) {
	}

	private record Handover(TranscriptIndex rebuilt, IndexWork catchUp, CompletableFuture<Void> done) {
	}

	/** One directory's writer and searchers; a rebuild replaces the whole generation at once. */
	private static final class Generation implements Closeable {

		private final @Nullable Path path;

		private final @Nullable Directory ownDirectory;

		private final int version;

		private final Analyzer analyzer;

		private final IndexWriter writer;

		private final SearcherManager searchers;

		private final TranscriptSearcher searcher;

		private volatile long committedOutboxSeq;

		/** Written by the indexing thread alone (one batch at a time), read by any. */
		private volatile long selectedOutboxSeq;

		Generation(@Nullable Path path, Directory directory, boolean owned, int version) throws IOException {
			this.path = path;
			this.ownDirectory = owned ? directory : null;
			boolean existing = DirectoryReader.indexExists(directory);
			this.analyzer = new TranscriptAnalyzer();
			this.writer = new IndexWriter(directory,
					new IndexWriterConfig(this.analyzer).setCommitOnClose(false).setMergePolicy(mergePolicy()));
			this.searchers = searcherManager(this.writer);
			// An existing index keeps the version it was built with, also on the commits that keep it current.
			this.version = existing ? indexVersion(this.writer.getLiveCommitData()) : version;
			this.searcher = new TranscriptSearcher(this.searchers, this.analyzer, this.version >= PAIRS_VERSION,
					this.version >= NEAR_VERSION);
			this.committedOutboxSeq = outboxSeq(this.writer.getLiveCommitData());
		}

		/**
		 * Lucene's default, except that {@link IndexWriter#forceMergeDeletes} rewrites every segment holding a deleted
		 * document (by default only those with more than 10 % deleted): an erased call's words must leave the disk
		 * even from a large segment.
		 */
		private static TieredMergePolicy mergePolicy() {
			TieredMergePolicy policy = new TieredMergePolicy();
			policy.setForceMergeDeletesPctAllowed(0);
			return policy;
		}

		@Override
		public void close() throws IOException {
			IOUtils.close(this.searchers, this.writer, this.analyzer, this.ownDirectory);
		}

	}

}
