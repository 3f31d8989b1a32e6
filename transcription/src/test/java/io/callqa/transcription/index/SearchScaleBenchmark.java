package io.callqa.transcription.index;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

import io.callqa.TranscriptionTestApplication;
import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchFilters;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.index.SyntheticCalls.SyntheticCall;

/**
 * The "Scale" benchmark: N synthetic calls (default 1,000,000; {@code -Dbench.calls}) indexed by Lucene as the server
 * does ({@link TranscriptIndex#index} per call, a commit per outbox batch of 200) and loaded into PostgreSQL (tsvector
 * with the english configuration, GIN index, COPY) in the same run; then every query type timed on both engines with
 * 1 and 4 clients: Lucene with 10 hits, snippets and totals ({@link TranscriptIndex#search}), PostgreSQL with the
 * 10 best by {@code ts_rank}, their {@code ts_headline} and a {@code count(*)}. Prints figures, asserts nothing but
 * that every call was loaded.
 *
 * <p>Other settings: {@code -Dbench.seed} (42), {@code -Dbench.dir} (the benchmark's directory, default
 * {@code target/bench-scale}; its index is in {@code index}, emptied first and removed after unless
 * {@code -Dbench.keep=true} or {@code -Dbench.reuse=true}), {@code -Dbench.queries}
 * (timed queries per type and setting, 200), {@code -Dbench.cellSeconds} (time budget per type and setting, 30: a slower
 * engine runs fewer queries, and the table says how many), {@code -Dbench.fsync=true} (fsync every commit, as a real
 * server; off by default like the tests' PostgreSQL), {@code -Dbench.copyStreams} (parallel COPY streams, 2),
 * {@code -Dbench.engines} (the engines timed, {@code lucene,pg}; {@code lucene} alone halves the time of the queries
 * and loads nothing into PostgreSQL; {@code lucene-positions} is Lucene on the same index without its triples and
 * near pairs, as version 6 was searched while rebuilt: exact phrases by pairs, proximity by positions alone), {@code -Dbench.types} (the query types timed, by name,
 * comma-separated; all by default), {@code -Dbench.warmUpSeconds} (the mixed warm-up, 60; see {@link #warmUp}).
 *
 * <p>In two phases, so that the long build may run on a busy machine and the queries be timed later on a quiet one:
 * {@code -Dbench.reuse=true} keeps the directory, and skips the Lucene build when its index already holds
 * {@code bench.calls} calls of the current {@link TranscriptIndex#VERSION} and the PostgreSQL load when table
 * {@code bench_call} already holds {@code bench.calls} rows (each says it was reused); {@code -Dbench.phase=build}
 * stops after the builds. A Lucene build cut short (a session's end) goes on from its last commit when run again with
 * {@code -Dbench.reuse=true}; the PostgreSQL load is redone whole. PostgreSQL keeps the table between runs only in a data directory of its own, given as
 * {@code -Dcallqa.db.embedded.data-dir=<bench.dir>/pg} (the tests' PostgreSQL is otherwise temporary):
 * <pre>
 * mvn -B -ntp -Pbench -pl transcription -am test -Dtest=SearchScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine=-Xmx2g -Dbench.dir=/var/tmp/scale -Dcallqa.db.embedded.data-dir=/var/tmp/scale/pg \
 *     -Dbench.reuse=true -Dbench.phase=build
 * mvn ... the same without -Dbench.phase=build    (later, on a quiet machine: only the queries run)
 * </pre>
 */
@Tag("bench")
@SpringBootTest(classes = TranscriptionTestApplication.class,
		properties = { "callqa.transcription.workers.enabled=false", "callqa.transcription.index.enabled=false",
				"logging.level.io.callqa=INFO" })
class SearchScaleBenchmark {

	private static final int CALLS = Integer.getInteger("bench.calls", 1_000_000);

	private static final long SEED = Long.getLong("bench.seed", 42);

	private static final int QUERIES = Integer.getInteger("bench.queries", 200);

	private static final Duration CELL_BUDGET = Duration.ofSeconds(Long.getLong("bench.cellSeconds", 30));

	private static final long JVM_STARTED = System.nanoTime()
			- ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;

	private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(10);

	/** The mixed warm-up: every type's queries in turn, by as many clients as the most timed. */
	private static final Duration MIXED_WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 60));

	private static final boolean FSYNC = Boolean.getBoolean("bench.fsync");

	private static final int COPY_STREAMS = Integer.getInteger("bench.copyStreams", 2);

	private static final List<String> ENGINES = List.of(System.getProperty("bench.engines", "lucene,pg").split(","));

	private static final boolean REUSE = Boolean.getBoolean("bench.reuse");

	private static final @Nullable String TYPES = System.getProperty("bench.types");

	/** {@code build} stops after building the index and loading PostgreSQL; anything else runs the queries too. */
	private static final String PHASE = System.getProperty("bench.phase", "all");

	/** As {@link OutboxFollower}: one commit per outbox batch. */
	private static final int BATCH = 200;

	private static final int[] CLIENTS = { 1, 4 };

	private static final String HEADLINE_OPTIONS = "MaxFragments=3, MinWords=5, MaxWords=20";

	private final SyntheticCalls calls = new SyntheticCalls(SEED);

	@Autowired
	DataSource dataSource;

	@Test
	void luceneAgainstPostgresWhenManyCallsShouldPrintBuildAndQueryFigures() throws Exception {
		Path dir = Paths.get(System.getProperty("bench.dir", "target/bench-scale")).toAbsolutePath();
		// Only the index: PostgreSQL may be running on a data directory inside dir.
		Path indexDir = dir.resolve("index");
		System.out.printf(Locale.ROOT,
				"%n=== Search at scale: %,d synthetic calls, seed %d, %d cores, max heap %d MB, assertions %s%n", CALLS,
				SEED, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				org.apache.lucene.index.IndexWriter.class.desiredAssertionStatus() ? "on (Lucene's too)" : "off");
		boolean reuseIndex = REUSE && isComplete(indexDir);
		int resumeAfter = (REUSE && !reuseIndex) ? resumablePart(indexDir) : 0;
		if (!reuseIndex && resumeAfter == 0) {
			FileSystemUtils.deleteRecursively(indexDir);
		}
		Files.createDirectories(indexDir);
		try (Directory directory = directory(indexDir); TranscriptIndex index = TranscriptIndex.open(directory)) {
			if (reuseIndex) {
				System.out.printf(Locale.ROOT, "Lucene: reused the index in %s: %,d calls, version %d, index %,.0f MB%n",
						indexDir, index.documentCount(), index.version(), megabytes(indexDir));
			}
			else {
				buildIndex(index, indexDir, resumeAfter);
			}
			if (!ENGINES.contains("pg")) {
				System.out.println("PostgreSQL: not loaded (not among bench.engines)");
			}
			else if (REUSE && postgresRows() == CALLS) {
				System.out.printf(Locale.ROOT, "PostgreSQL: reused table bench_call: %,d rows%s%n", CALLS,
						postgresSizes());
			}
			else {
				loadPostgres();
			}
			if (PHASE.equals("build")) {
				System.out.printf(Locale.ROOT, "Phase build: index and table ready in %s, no queries run%n", dir);
				return;
			}
			List<QueryType> types = queryTypes().stream()
				.filter((type) -> TYPES == null || List.of(TYPES.split(",")).contains(type.name()))
				.toList();
			Map<String, Map<String, Latencies>> results = new LinkedHashMap<>();
			Engine lucene = new LuceneEngine(index);
			Engine positions = new PositionsEngine(directory);
			Engine postgres = new PostgresEngine();
			for (Engine engine : Stream.of(lucene, positions, postgres)
				.filter((e) -> ENGINES.contains(e.name()))
				.toList()) {
				// a type PostgreSQL has no query for is timed on Lucene alone
				List<QueryType> engineTypes = types.stream()
					.filter((type) -> !engine.name().equals("pg") || type.queries().get(0).tsquery() != null)
					.toList();
				warmUp(engine, engineTypes);
				for (QueryType type : engineTypes) {
					for (int clients : CLIENTS) {
						Latencies latencies = time(engine, type, clients);
						results.computeIfAbsent(type.name, (name) -> new LinkedHashMap<>())
							.put(engine.name() + clients, latencies);
						System.out.printf(Locale.ROOT, "  %-8s %-16s %d client(s): %s%n", engine.name(), type.name,
								clients, latencies);
					}
				}
			}
			printExamples(types);
			printTable(results);
		}
		finally {
			if (!Boolean.getBoolean("bench.keep") && !REUSE) {
				FileSystemUtils.deleteRecursively(indexDir);
				try (Stream<Path> left = Files.list(dir)) {
					if (left.findAny().isEmpty()) {
						Files.delete(dir);
					}
				}
			}
		}
	}

	/** Whether {@code indexDir} holds an index of every call, written by this version of the index. */
	private static boolean isComplete(Path indexDir) throws IOException {
		if (!Files.isDirectory(indexDir)) {
			return false;
		}
		try (Directory directory = FSDirectory.open(indexDir)) {
			if (!DirectoryReader.indexExists(directory)) {
				return false;
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				int version = TranscriptIndex.indexVersion(reader.getIndexCommit().getUserData().entrySet());
				boolean complete = reader.numDocs() == CALLS && version == TranscriptIndex.VERSION;
				if (!complete) {
					System.out.printf(Locale.ROOT, "Lucene: not reusing %s: %,d calls of version %d%n", indexDir,
							reader.numDocs(), version);
				}
				return complete;
			}
		}
	}

	/**
	 * How many calls a cut build of this index version holds, so that a long build goes on where it stopped (each
	 * commit holds whole batches of calls 1..n, generated from the seed alone); 0 when there is nothing to go on from.
	 */
	private static int resumablePart(Path indexDir) throws IOException {
		if (!Files.isDirectory(indexDir)) {
			return 0;
		}
		try (Directory directory = FSDirectory.open(indexDir)) {
			if (!DirectoryReader.indexExists(directory)) {
				return 0;
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				int version = TranscriptIndex.indexVersion(reader.getIndexCommit().getUserData().entrySet());
				int calls = reader.numDocs();
				boolean resumable = version == TranscriptIndex.VERSION && calls < CALLS && calls % BATCH == 0;
				System.out.printf(Locale.ROOT, "Lucene: %s the cut build in %s at %,d calls%n",
						resumable ? "going on with" : "not going on with", indexDir, calls);
				return resumable ? calls : 0;
			}
		}
	}

	/** The rows of table bench_call, 0 if there is no such table. */
	private long postgresRows() throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select to_regclass('bench_call') is not null")) {
			rows.next();
			if (!rows.getBoolean(1)) {
				return 0;
			}
			try (ResultSet count = statement.executeQuery("select count(*) from bench_call")) {
				count.next();
				return count.getLong(1);
			}
		}
	}

	private String postgresSizes() throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet sizes = statement.executeQuery("""
						select pg_total_relation_size('bench_call'), pg_relation_size('bench_call_tsv')""")) {
			sizes.next();
			return String.format(Locale.ROOT, ", size %,.0f MB (GIN %,.0f MB)", sizes.getLong(1) / 1e6,
					sizes.getLong(2) / 1e6);
		}
	}

	// --- Build ------------------------------------------------------------------------------------------------------

	/**
	 * The server's directory, by default without fsync: the embedded PostgreSQL runs without fsync in tests too
	 * ({@code callqa.db.embedded.durable=false}), and a shared disk's fsync per batch would measure the disk instead.
	 */
	private static Directory directory(Path dir) throws IOException {
		Directory directory = FSDirectory.open(dir);
		if (FSYNC) {
			return directory;
		}
		return new FilterDirectory(directory) {

			@Override
			public void sync(Collection<String> names) {
			}

			@Override
			public void syncMetaData() {
			}

		};
	}

	/**
	 * Generates on a thread of its own (as the server reads batches from PostgreSQL) and times only what the
	 * indexer does: {@code index} for every call of a batch, then {@code commit}.
	 */
	private void buildIndex(TranscriptIndex index, Path indexDir, int resumeAfter) throws Exception {
		BlockingQueue<List<IndexedCall>> batches = new ArrayBlockingQueue<>(16);
		ExecutorService generator = Executors.newSingleThreadExecutor();
		Future<?> generating = generator.submit(() -> {
			for (long from = resumeAfter + 1; from <= CALLS; from += BATCH) {
				List<IndexedCall> batch = new ArrayList<>(BATCH);
				for (long id = from; id < from + BATCH && id <= CALLS; id++) {
					batch.add(this.calls.call(id).indexed());
				}
				batches.put(batch);
			}
			return null;
		});
		long started = System.nanoTime();
		long cpuStarted = processCpuNanos();
		long threadCpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		long indexing = 0;
		long committing = 0;
		long words = 0;
		int done = resumeAfter;
		try {
			while (done < CALLS) {
				List<IndexedCall> batch = batches.take();
				long batchStarted = System.nanoTime();
				for (IndexedCall call : batch) {
					index.index(call);
				}
				done += batch.size();
				long commitStarted = System.nanoTime();
				index.commit(done);
				committing += System.nanoTime() - commitStarted;
				indexing += System.nanoTime() - batchStarted;
				words += batch.stream().mapToLong((call) -> call.transcript().text().split(" ").length).sum();
				if (done % 100_000 == 0) {
					System.out.printf(Locale.ROOT, "  indexed %,d calls in %.0f s%n", done, seconds(started));
				}
			}
			generating.get();
		}
		finally {
			generator.shutdownNow();
		}
		double wall = seconds(started);
		double busy = indexing / 1e9;
		int indexed = done - resumeAfter;
		System.out.printf(Locale.ROOT,
				"Lucene: %,d calls%s (%,d words, %.0f a call) in %.1f s indexing (%,.0f calls/s), of which %.1f s in"
						+ " %d commits (fsync %s); %.1f s wall with the generator; CPU %.0f s in the indexing thread,"
						+ " %.0f s in the whole process (generator, merges); index %,.0f MB%n",
				indexed, (resumeAfter > 0) ? String.format(Locale.ROOT, " after the %,d of a cut build", resumeAfter) : "",
				words, (double) words / indexed, busy, indexed / busy, committing / 1e9, (indexed + BATCH - 1) / BATCH,
				FSYNC ? "on" : "off", wall,
				(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpuStarted) / 1e9,
				(processCpuNanos() - cpuStarted) / 1e9, megabytes(indexDir));
		if (index.documentCount() != CALLS) {
			throw new IllegalStateException("Indexed " + index.documentCount() + " calls, expected " + CALLS);
		}
	}

	/**
	 * A table as the server would keep it: metadata, the text, a stored generated tsvector (english) computed during
	 * COPY, then a GIN index on it and B-tree indexes on the filtered columns.
	 */
	private void loadPostgres() throws Exception {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop table if exists bench_call");
			statement.execute("""
					create table bench_call (
					    id bigint not null,
					    agent text not null,
					    queue text not null,
					    direction text not null,
					    outcome text not null,
					    started_at timestamptz not null,
					    duration_sec double precision not null,
					    qa_score integer,
					    survey_score integer,
					    text text not null,
					    tsv tsvector generated always as (to_tsvector('english', text)) stored)""");
			long started = System.nanoTime();
			copy();
			double copied = seconds(started);
			statement.execute("set maintenance_work_mem = '1GB'");
			long ginStarted = System.nanoTime();
			statement.execute("create index bench_call_tsv on bench_call using gin (tsv)");
			double gin = seconds(ginStarted);
			long restStarted = System.nanoTime();
			statement.execute("alter table bench_call add primary key (id)");
			statement.execute("create index bench_call_agent on bench_call (agent, started_at)");
			statement.execute("create index bench_call_queue on bench_call (queue, started_at)");
			statement.execute("create index bench_call_started on bench_call (started_at)");
			statement.execute("vacuum analyze bench_call");
			double rest = seconds(restStarted);
			try (ResultSet sizes = statement.executeQuery("""
					select count(*), pg_total_relation_size('bench_call'), pg_table_size('bench_call'),
					    pg_relation_size('bench_call_tsv'), current_setting('server_version'),
					    current_setting('shared_buffers') from bench_call""")) {
				sizes.next();
				System.out.printf(Locale.ROOT,
						"PostgreSQL %s (shared_buffers %s): COPY with tsvector %.1f s (%,.0f calls/s, "
								+ COPY_STREAMS + " streams), GIN index %.1f s,"
								+ " primary key + 3 B-tree + vacuum analyze %.1f s; total %.1f s; size %,.0f MB"
								+ " (table with TOAST %,.0f MB, GIN %,.0f MB)%n",
						sizes.getString(5), sizes.getString(6), copied, CALLS / copied, gin, rest,
						copied + gin + rest, sizes.getLong(2) / 1e6, sizes.getLong(3) / 1e6, sizes.getLong(4) / 1e6);
				if (sizes.getLong(1) != CALLS) {
					throw new IllegalStateException("Loaded " + sizes.getLong(1) + " calls, expected " + CALLS);
				}
			}
		}
	}

	/** Parallel COPY streams (as a bulk load would), each on a connection of its own, ids dealt round-robin. */
	private void copy() throws Exception {
		ExecutorService streams = Executors.newFixedThreadPool(COPY_STREAMS);
		try {
			List<Future<?>> copying = new ArrayList<>();
			for (int stream = 0; stream < COPY_STREAMS; stream++) {
				int first = stream + 1;
				copying.add(streams.submit(() -> {
					copy(first);
					return null;
				}));
			}
			for (Future<?> stream : copying) {
				stream.get();
			}
		}
		finally {
			streams.shutdownNow();
		}
	}

	private void copy(int firstId) throws SQLException, IOException {
		try (Connection connection = this.dataSource.getConnection();
				OutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
						"copy bench_call (id, agent, queue, direction, outcome, started_at, duration_sec, qa_score,"
								+ " survey_score, text) from stdin",
						1 << 20)) {
			StringBuilder row = new StringBuilder(8192);
			for (long id = firstId; id <= CALLS; id += COPY_STREAMS) {
				SyntheticCall call = this.calls.call(id);
				row.setLength(0);
				// Text format: no value holds a tab, newline or backslash (words, names and numbers only).
				row.append(id).append('\t').append(call.agent()).append('\t').append(call.queue()).append('\t')
					.append(call.direction()).append('\t').append(call.outcome()).append('\t')
					.append(call.startedAt()).append('\t').append(call.durationSec()).append('\t')
					.append(orNull(call.qaScore())).append('\t').append(orNull(call.surveyScore())).append('\t')
					.append(call.text()).append('\n');
				out.write(row.toString().getBytes(StandardCharsets.UTF_8));
				if (id % 250_000 == 0) {
					System.out.printf(Locale.ROOT, "  copied about %,d calls%n", id);
				}
			}
		}
	}

	private static String orNull(@Nullable Integer value) {
		return (value != null) ? value.toString() : "\\N";
	}

	// --- Queries ----------------------------------------------------------------------------------------------------

	/**
	 * One search in both engines' terms. {@code tsquery} is read by {@code function} ({@code to_tsquery} or
	 * {@code phraseto_tsquery}), null where PostgreSQL has no query of the same meaning; the filters apply to both.
	 */
	record BenchQuery(String lucene, @Nullable String function, @Nullable String tsquery, SearchFilters filters,
			boolean facets) {

		BenchQuery(String lucene, @Nullable String function, @Nullable String tsquery, SearchFilters filters) {
			this(lucene, function, tsquery, filters, false);
		}

		/** The same search as the search page asks it, with facets; Lucene only. */
		BenchQuery withFacets() {
			return new BenchQuery(this.lucene, null, null, this.filters, true);
		}

		@Override
		public String toString() {
			String postgres = (this.tsquery != null) ? this.function + "('" + this.tsquery + "')" : "(Lucene only)";
			return this.lucene + (this.facets ? " with facets" : "") + " | " + postgres + describe(this.filters);
		}

		private static String describe(SearchFilters filters) {
			return filters.equals(SearchFilters.none()) ? "" : " | " + filters;
		}

	}

	record QueryType(String name, boolean countOnly, List<BenchQuery> queries) {
	}

	/**
	 * Queries built from the generator's vocabulary and phrases, with words PostgreSQL's english configuration keeps
	 * (a stop word would make its tsquery empty and match nothing).
	 */
	private List<QueryType> queryTypes() throws SQLException {
		SplittableRandom random = new SplittableRandom(SEED + 1);
		List<String> vocabulary = this.calls.vocabulary();
		int core = SyntheticCalls.CORE.size();
		List<String> common = contentWords(vocabulary.subList(0, 120));
		List<String> middle = contentWords(vocabulary.subList(40, core));
		List<String> rare = vocabulary.subList(20_000, vocabulary.size());
		Set<String> content = Set.copyOf(contentWords(vocabulary.subList(0, core)));
		List<String> bigrams = new ArrayList<>();
		List<String> trigrams = new ArrayList<>();
		for (String phrase : SyntheticCalls.PHRASES) {
			String[] words = phrase.split(" ");
			for (int i = 0; i + 1 < words.length; i++) {
				if (content.contains(words[i]) && content.contains(words[i + 1])) {
					bigrams.add(words[i] + " " + words[i + 1]);
				}
				if (i + 2 < words.length && content.contains(words[i]) && content.contains(words[i + 2])) {
					trigrams.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
				}
			}
		}
		List<QueryType> types = new ArrayList<>();
		types.add(type("common word", 40, (i) -> word(common.get(i % common.size()))));
		types.add(type("rare word", 100, (i) -> word(rare.get(random.nextInt(rare.size())))));
		types.add(type("2-word phrase", bigrams.size(), (i) -> phrase(bigrams.get(i))));
		types.add(type("3-word phrase", trigrams.size(), (i) -> phrase(trigrams.get(i))));
		types.add(type("proximity", 50,
				(i) -> proximity(pick(random, middle), pick(random, middle))));
		types.add(type("3-word proximity", trigrams.size(), (i) -> proximity(trigrams.get(i), 3)));
		types.add(type("AND NOT", 50, (i) -> andNot(pick(random, common), pick(random, common))));
		types.add(type("prefix", 40, (i) -> prefix(middle.stream().filter((w) -> w.length() >= 6).toList(), i)));
		types.add(type("word + filters", 60, (i) -> word(pick(random, middle)).with(filters(random, i))));
		types.add(type("outcome/score", 60, (i) -> word(pick(random, middle)).with(scoreFilters(i))));
		types.add(new QueryType("total count", true,
				type("", 40, (i) -> word(common.get(i % common.size()))).queries()));
		// as the search page asks: the page, its total and the counts per agent, queue, outcome, category and band of
		// every call found; Lucene only (PostgreSQL would need a grouped count per facet)
		for (String name : List.of("common word", "2-word phrase", "3-word phrase", "proximity")) {
			QueryType type = types.stream().filter((t) -> t.name().equals(name)).findFirst().orElseThrow();
			types.add(new QueryType(name.replace("common word", "word") + " + facets", false,
					type.queries().stream().map(BenchQuery::withFacets).toList()));
		}
		return types;
	}

	private static String pick(SplittableRandom random, List<String> words) {
		return words.get(random.nextInt(words.size()));
	}

	private static QueryType type(String name, int count, IntFunction<PartialQuery> query) {
		return new QueryType(name, false, IntStream.range(0, count).mapToObj((i) -> query.apply(i).complete()).toList());
	}

	/** A Lucene query and its tsquery; to_tsquery unless {@code function} says otherwise. */
	private record PartialQuery(String lucene, @Nullable String function, @Nullable String tsquery,
			SearchFilters filters) {

		PartialQuery(String lucene, String tsquery) {
			this(lucene, "to_tsquery", tsquery, SearchFilters.none());
		}

		PartialQuery with(SearchFilters filters) {
			return new PartialQuery(this.lucene, this.function, this.tsquery, filters);
		}

		BenchQuery complete() {
			return new BenchQuery(this.lucene, this.function, this.tsquery, this.filters);
		}

	}

	private static PartialQuery word(String word) {
		return new PartialQuery(word, word);
	}

	private static PartialQuery phrase(String phrase) {
		return new PartialQuery("\"" + phrase + "\"", "phraseto_tsquery", phrase, SearchFilters.none());
	}

	/** Lucene's slop 5 in either order; tsquery has exact distances only, so every distance up to 5, both ways. */
	private static PartialQuery andNot(String a, String b) {
		return new PartialQuery(a + " -" + b, a + " & !" + b);
	}

	private static PartialQuery proximity(String a, String b) {
		String distances = Stream.iterate(1, (d) -> d + 1)
			.limit(5)
			.flatMap((d) -> Stream.of(a + " <" + d + "> " + b, b + " <" + d + "> " + a))
			.collect(Collectors.joining(" | "));
		return new PartialQuery("\"" + a + " " + b + "\"~5", distances);
	}

	/**
	 * A proximity search of a phrase's three words, in any order within the slop: tsquery's distances would have to
	 * list every arrangement, so PostgreSQL has none.
	 */
	private static PartialQuery proximity(String phrase, int slop) {
		return new PartialQuery("\"" + phrase + "\"~" + slop, null, null, SearchFilters.none());
	}

	private static PartialQuery prefix(List<String> words, int i) {
		String word = words.get(i % words.size());
		String prefix = word.substring(0, 4 + (i / words.size()) % 2);
		return new PartialQuery(prefix + "*", prefix + ":*");
	}

	/** An agent over the year, a queue over a month, or an agent over a quarter. */
	private static SearchFilters filters(SplittableRandom random, int i) {
		String agent = SyntheticCalls.agent(random.nextInt(SyntheticCalls.AGENTS));
		String queue = SyntheticCalls.QUEUES[random.nextInt(SyntheticCalls.QUEUES.length)];
		Instant from = SyntheticCalls.FIRST_START.plus(Duration.ofDays(random.nextInt(270)));
		return switch (i % 3) {
			case 0 -> SearchFilters.of(agent, null, null, null, null, null);
			case 1 -> SearchFilters.of(null, queue, from, from.plus(Duration.ofDays(30)), null, null);
			default -> SearchFilters.of(agent, null, from, from.plus(Duration.ofDays(91)), null, null);
		};
	}

	/** Outbound calls scoring 70 or more, happy callers (survey 4 or 5), or evaluated calls scoring under 60. */
	private static SearchFilters scoreFilters(int i) {
		return switch (i % 3) {
			case 0 -> new SearchFilters(null, null, null, null, null, null, "CONNECTED", null, null, true, 70.0, null,
					null, null, null, null);
			case 1 -> new SearchFilters(null, null, null, null, null, null, null, null, null, null, null, null, 4,
					null, null, null);
			default -> new SearchFilters(null, null, null, null, null, null, "ANSWERED", null, null, true, null, 59.99,
					null, null, null, null);
		};
	}

	/** The words the english configuration keeps, in order. */
	private List<String> contentWords(List<String> words) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("""
						select w from unnest(?::text[]) with ordinality as t(w, n)
						where w !~ '''' and to_tsvector('english', w) <> ''::tsvector order by n""")) {
			statement.setArray(1, connection.createArrayOf("text", words.toArray()));
			List<String> kept = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					kept.add(rows.getString(1));
				}
			}
			return kept;
		}
	}

	// --- Timing -----------------------------------------------------------------------------------------------------

	interface Engine {

		String name();

		/** Opens what one client needs (a connection); closed after its queries. */
		Client client() throws Exception;

	}

	interface Client extends AutoCloseable {

		/** Runs the query, returning the total of matching calls. */
		long run(BenchQuery query, boolean countOnly) throws Exception;

		@Override
		default void close() throws Exception {
		}

	}

	private record LuceneEngine(TranscriptIndex index) implements Engine {

		@Override
		public String name() {
			return "lucene";
		}

		/**
		 * 10 hits with snippets; a count alone asks for one hit, the least the API gives (it always counts).
		 */
		@Override
		public Client client() {
			return (query, countOnly) -> {
				SearchResults results = this.index.search(new SearchQuery(query.lucene(), Matching.STEMMED,
						query.filters(), null, 0, countOnly ? 1 : 10, query.facets()));
				return results.total();
			};
		}

	}

	/**
	 * Lucene on the same index as {@link LuceneEngine}, its last commit, searched as an index before
	 * {@link TranscriptIndex#NEAR_VERSION} is (exact phrases by pairs, proximity by positions alone): the triples' and
	 * near pairs' gain, measured on one index.
	 */
	private static final class PositionsEngine implements Engine {

		private final Directory directory;

		private @Nullable TranscriptSearcher searcher;

		PositionsEngine(Directory directory) {
			this.directory = directory;
		}

		@Override
		public String name() {
			return "lucene-positions";
		}

		@Override
		public synchronized Client client() throws IOException {
			if (this.searcher == null) {
				this.searcher = new TranscriptSearcher(new org.apache.lucene.search.SearcherManager(this.directory, null),
						new TranscriptAnalyzer(), true, false);
			}
			TranscriptSearcher searcher = this.searcher;
			return (query, countOnly) -> searcher.search(new SearchQuery(query.lucene(), Matching.STEMMED,
					query.filters(), null, 0, countOnly ? 1 : 10, query.facets()), null).total();
		}

	}

	private final class PostgresEngine implements Engine {

		@Override
		public String name() {
			return "pg";
		}

		@Override
		public Client client() throws SQLException {
			Connection connection = SearchScaleBenchmark.this.dataSource.getConnection();
			return new Client() {

				@Override
				public long run(BenchQuery query, boolean countOnly) throws SQLException {
					Where where = Where.of(query.filters());
					if (!countOnly) {
						top(connection, query, where);
					}
					try (PreparedStatement count = connection.prepareStatement("select count(*) from bench_call"
							+ " where tsv @@ " + query.function() + "('english', ?)" + where.sql)) {
						where.bind(count, query.tsquery());
						try (ResultSet rows = count.executeQuery()) {
							rows.next();
							return rows.getLong(1);
						}
					}
				}

				@Override
				public void close() throws SQLException {
					connection.close();
				}

			};
		}

		/** The 10 best by ts_rank, then ts_headline for those 10 only. */
		private static void top(Connection connection, BenchQuery query, Where where) throws SQLException {
			try (PreparedStatement top = connection.prepareStatement("select id, agent, queue, started_at,"
					+ " duration_sec, outcome, ts_headline('english', text, q, '" + HEADLINE_OPTIONS + "')"
					+ " from (select c.*, q, ts_rank(tsv, q) as rank from bench_call c, " + query.function()
					+ "('english', ?) q where tsv @@ q" + where.sql + " order by rank desc limit 10) best"
					+ " order by rank desc")) {
				where.bind(top, query.tsquery());
				try (ResultSet rows = top.executeQuery()) {
					while (rows.next()) {
						rows.getString(7);
					}
				}
			}
		}

	}

	/** The SQL of the filters the benchmark uses, and their values. */
	private record Where(String sql, List<Object> values) {

		static Where of(SearchFilters filters) {
			StringBuilder sql = new StringBuilder();
			List<Object> values = new ArrayList<>();
			add(sql, values, "agent = ?", filters.agent());
			add(sql, values, "queue = ?", filters.queue());
			add(sql, values, "started_at >= ?", (filters.from() != null) ? Timestamp.from(filters.from()) : null);
			add(sql, values, "started_at < ?", (filters.to() != null) ? Timestamp.from(filters.to()) : null);
			add(sql, values, "outcome = ?", filters.outcome());
			if (filters.evaluated() != null) {
				sql.append(filters.evaluated() ? " and qa_score is not null" : " and qa_score is null");
			}
			add(sql, values, "qa_score >= ?", filters.minScore());
			add(sql, values, "qa_score <= ?", filters.maxScore());
			add(sql, values, "survey_score >= ?", filters.minSurvey());
			add(sql, values, "survey_score <= ?", filters.maxSurvey());
			return new Where(sql.toString(), values);
		}

		private static void add(StringBuilder sql, List<Object> values, String clause, @Nullable Object value) {
			if (value != null) {
				sql.append(" and ").append(clause);
				values.add(value);
			}
		}

		void bind(PreparedStatement statement, String tsquery) throws SQLException {
			statement.setString(1, tsquery);
			for (int i = 0; i < this.values.size(); i++) {
				statement.setObject(i + 2, this.values.get(i));
			}
		}

	}

	/**
	 * Each type's queries once, up to 10 s a type, then all types' queries in turn by 4 clients for
	 * {@link #MIXED_WARM_UP}, before anything is timed: as a server that has answered searches of every kind for a
	 * while. Without the mixed part the JIT compiler was still at work when the timing began: stretches of up to a
	 * second ran 5-10 times slower, and the single-client p99 of a common word was 35-60 ms instead of 7-25.
	 */
	private static void warmUp(Engine engine, List<QueryType> types) throws Exception {
		long started = System.nanoTime();
		try (Client client = engine.client()) {
			for (QueryType type : types) {
				long deadline = System.nanoTime() + WARM_UP_BUDGET.toNanos();
				for (BenchQuery query : type.queries) {
					if (System.nanoTime() > deadline) {
						break;
					}
					run(client, query, type.countOnly);
				}
			}
		}
		long mixedDeadline = System.nanoTime() + MIXED_WARM_UP.toNanos();
		AtomicInteger next = new AtomicInteger();
		onClients(engine, Arrays.stream(CLIENTS).max().orElse(1), (client) -> {
			while (System.nanoTime() < mixedDeadline) {
				int i = next.getAndIncrement();
				QueryType type = types.get(i % types.size());
				run(client, type.queries.get((i / types.size()) % type.queries.size()), type.countOnly);
			}
		});
		System.out.printf(Locale.ROOT, "Warmed up %s in %.1f s (%,d mixed queries)%n", engine.name(), seconds(started),
				next.get());
	}

	private static long run(Client client, BenchQuery query, boolean countOnly) throws Exception {
		try {
			return client.run(query, countOnly);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Query failed: " + query, ex);
		}
	}

	/** Runs {@code work} on {@code clients} threads at once, each with a client of its own, until all are done. */
	private static void onClients(Engine engine, int clients, ClientWork work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				running.add(pool.submit(() -> {
					try (Client client = engine.client()) {
						work.run(client);
					}
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface ClientWork {

		void run(Client client) throws Exception;

	}

	/** {@link #QUERIES} queries of the type, cycling through its list, shared by the clients, within the budget. */
	private static Latencies time(Engine engine, QueryType type, int clients) throws Exception {
		AtomicInteger next = new AtomicInteger();
		long deadline = System.nanoTime() + CELL_BUDGET.toNanos();
		List<Double> millis = Collections.synchronizedList(new ArrayList<>());
		List<Long> totals = Collections.synchronizedList(new ArrayList<>());
		List<Timed> timed = Collections.synchronizedList(new ArrayList<>());
		onClients(engine, clients, (client) -> {
			for (int i = next.getAndIncrement(); i < QUERIES && System.nanoTime() < deadline;
					i = next.getAndIncrement()) {
				BenchQuery query = type.queries.get(i % type.queries.size());
				long started = System.nanoTime();
				long total = run(client, query, type.countOnly);
				double took = (System.nanoTime() - started) / 1e6;
				millis.add(took);
				totals.add(total);
				timed.add(new Timed(took, i, (started - JVM_STARTED) / 1_000_000, query.lucene()));
			}
		});
		String slowest = timed.stream()
			.sorted(Comparator.comparingDouble(Timed::millis).reversed())
			.limit(3)
			.map(Timed::toString)
			.collect(Collectors.joining(", "));
		return new Latencies(millis.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
				totals.stream().mapToLong(Long::longValue).average().orElse(0), slowest);
	}

	/**
	 * A timed query: {@code #i@t} is its place in the cell and its start in ms since the JVM started, so that queries
	 * slow at the same moment point at a pause rather than at themselves.
	 */
	private record Timed(double millis, int i, long startedMillis, String query) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.1f #%d@%d %s", this.millis, this.i, this.startedMillis, this.query);
		}

	}

	/** {@code slowest}: the three slowest queries (see {@link Timed}). */
	record Latencies(double[] sortedMillis, double meanTotal, String slowest) {

		double percentile(double p) {
			if (this.sortedMillis.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(p / 100 * this.sortedMillis.length);
			return this.sortedMillis[Math.max(0, rank - 1)];
		}

		String cell() {
			String cell = String.format(Locale.ROOT, "%.1f / %.1f", percentile(50), percentile(99));
			return (this.sortedMillis.length < QUERIES) ? cell + " (" + this.sortedMillis.length + ")" : cell;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%d queries, p50 %.2f ms, p99 %.2f ms, max %.2f ms, mean total %,.0f; slowest: %s",
					this.sortedMillis.length, percentile(50), percentile(99),
					this.sortedMillis[this.sortedMillis.length - 1], this.meanTotal, this.slowest);
		}

	}

	private static void printExamples(List<QueryType> types) {
		System.out.printf(Locale.ROOT, "%nExample queries (Lucene | PostgreSQL):%n");
		for (QueryType type : types) {
			System.out.printf(Locale.ROOT, "  %-16s %s%n", type.name, type.queries.get(0));
		}
	}

	private static void printTable(Map<String, Map<String, Latencies>> results) {
		System.out.printf(Locale.ROOT, "%n%,d calls. Milliseconds p50 / p99 (queries run, when fewer than %d);"
				+ " mean total hits per engine last.%n", CALLS, QUERIES);
		String format = "| %-16s | %-20s | %-20s | %-20s | %-20s | %-22s |%n";
		System.out.printf(Locale.ROOT, format, "type", "lucene 1 client", "lucene 4 clients", "pg 1 client",
				"pg 4 clients", "total lucene / pg");
		System.out.printf(Locale.ROOT, format, "-".repeat(16), "-".repeat(20), "-".repeat(20), "-".repeat(20),
				"-".repeat(20), "-".repeat(22));
		results.forEach((type, cells) -> System.out.printf(Locale.ROOT, format, type, cell(cells, "lucene1"),
				cell(cells, "lucene4"), cell(cells, "pg1"), cell(cells, "pg4"),
				String.format(Locale.ROOT, "%,.0f / %,.0f", meanTotal(cells, "lucene1"), meanTotal(cells, "pg1"))));
	}

	/** An engine not timed ({@code bench.engines}) has a dash. */
	private static String cell(Map<String, Latencies> cells, String key) {
		return cells.containsKey(key) ? cells.get(key).cell() : "-";
	}

	private static double meanTotal(Map<String, Latencies> cells, String key) {
		return cells.containsKey(key) ? cells.get(key).meanTotal() : Double.NaN;
	}

	private static long processCpuNanos() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
				? os.getProcessCpuTime() : 0;
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static double megabytes(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).sum() / 1e6;
		}
	}

}
