package io.callqa.transcription.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.callqa.TranscriptionTestApplication;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.IndexStatus;
import io.callqa.transcription.CallScores;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.TestAudio;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.Transcriptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index of an older version (built here with version 1, in the flat layout from before versions or in its own
 * {@code v1} directory) keeps answering while the current version is rebuilt from PostgreSQL; the follower then adopts
 * the new one, the old one is deleted, and the results equal a fresh build. The rebuild runs on its own thread with
 * one outbox row per batch, held after a batch by the test to observe it.
 */
@SpringBootTest(classes = TranscriptionTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexRebuildTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final List<String> QUERIES = List.of("*:*", "refund", "order", "\"for my order\"", "thank*");

	@Autowired
	ObjectProvider<CallScores> scores;

	@Autowired
	ObjectProvider<io.callqa.transcription.AutomaticScores> automaticScores;

	@Autowired
	CategoryStore categories;

	@Autowired
	Calls calls;

	@Autowired
	Transcriptions transcriptions;

	@Autowired
	IndexOutbox outbox;

	@Autowired
	TranscriptionProperties properties;

	@TempDir
	Path data;

	long leftOut;

	@BeforeAll
	void threeTranscribedCalls() throws IOException {
		long first = upload("conversation-alaw-8k.wav", "rebuild-alice");
		long second = upload("refund-8k.wav", "rebuild-bob");
		this.leftOut = upload("refund-8k.wav", "rebuild-carol");
		Eventually.await("three transcripts", Duration.ofMinutes(5), () -> List.of(first, second, this.leftOut).stream()
			.allMatch((id) -> this.transcriptions.transcriptOf(id).isPresent()), (done) -> done);
	}

	@ParameterizedTest
	@ValueSource(strings = { "flat", "v1" })
	void openWhenOlderVersionShouldAnswerFromItWhileRebuildingThenSwapAndDeleteIt(String layout) throws Exception {
		Path root = this.data.resolve("index-" + layout);
		Path old = layout.equals("flat") ? root : root.resolve("v1");
		buildOldIndexWithoutOneCall(old);
		IndexDirectories directories = new IndexDirectories(root, TranscriptIndex.VERSION);
		CountDownLatch hold = new CountDownLatch(1);
		try (TranscriptIndex live = directories.openForSearch()) {
			OutboxFollower follower = followerOf(live);
			IndexRebuild rebuild = new IndexRebuild(live, directories, this.outbox, this::followerOf, 1,
					() -> await(hold));
			assertThat(live.version()).isEqualTo(1);
			assertThat(rebuild.needed()).isTrue();
			rebuild.start();
			IndexStatus status = Eventually.await("first batch", TIMEOUT, live::status, (s) -> s.rowsApplied() >= 1);
			assertThat(status.rebuilding()).isTrue();
			assertThat(status.version()).isEqualTo(1);
			assertThat(status.rebuildVersion()).isEqualTo(TranscriptIndex.VERSION);
			assertThat(status.rowsTotal()).isGreaterThanOrEqualTo(3);
			assertThat(status.percent()).isBetween(1, 99);
			// Still the old index: the call it lacks is not found, and the follower keeps it current meanwhile.
			follower.catchUp();
			assertThat(ids(live, "*:*")).isNotEmpty().doesNotContain(this.leftOut);
			assertThat(directories.current()).isDirectory();

			hold.countDown();
			Eventually.await("the rebuilt index adopted", TIMEOUT, () -> catchUp(follower, live),
					(version) -> version == TranscriptIndex.VERSION);
			assertThat(live.status().rebuilding()).isFalse();
			assertThat(live.status().percent()).isEqualTo(100);
			assertThat(ids(live, "*:*")).contains(this.leftOut);
			Eventually.await("the old index deleted", TIMEOUT, () -> oldIndexGone(root, layout), (gone) -> gone);
			rebuild.stop();
			assertThat(results(live)).isEqualTo(freshBuild());
		}
		try (Stream<Path> left = Files.list(root)) {
			assertThat(left.map((path) -> path.getFileName().toString()))
				.containsExactly("v" + TranscriptIndex.VERSION);
		}
	}

	@Test
	void restartWhenRebuildWasStoppedShouldResumeFromItsLastBatch() throws Exception {
		Path root = this.data.resolve("index-restart");
		buildOldIndexWithoutOneCall(root.resolve("v1"));
		IndexDirectories directories = new IndexDirectories(root, TranscriptIndex.VERSION);
		AtomicInteger batches = new AtomicInteger();
		Semaphore hold = new Semaphore(0);
		try (TranscriptIndex live = directories.openForSearch()) {
			IndexRebuild rebuild = new IndexRebuild(live, directories, this.outbox, this::followerOf, 1, () -> {
				batches.incrementAndGet();
				hold.acquireUninterruptibly();
			});
			rebuild.start();
			Eventually.await("first batch", TIMEOUT, batches::get, (n) -> n == 1);
			Thread stopping = new Thread(rebuild::stop);
			stopping.start();
			Eventually.await("stop requested", TIMEOUT, rebuild::isRunning, (running) -> !running);
			hold.release();
			stopping.join();
		}
		long resumeFrom = committedSeq(directories.current());
		assertThat(resumeFrom).isPositive().isLessThan(this.outbox.lastSeq());

		List<Long> appliedAfterBatches = new CopyOnWriteArrayList<>();
		try (TranscriptIndex live = directories.openForSearch()) {
			assertThat(live.version()).as("the old index answers again").isEqualTo(1);
			OutboxFollower follower = followerOf(live);
			IndexRebuild rebuild = new IndexRebuild(live, directories, this.outbox, this::followerOf, 1,
					() -> appliedAfterBatches.add(live.status().rowsApplied()));
			rebuild.start();
			Eventually.await("the rebuilt index adopted", TIMEOUT, () -> catchUp(follower, live),
					(version) -> version == TranscriptIndex.VERSION);
			rebuild.stop();
			assertThat(appliedAfterBatches.get(0)).as("rows applied after the first batch since the restart")
				.isEqualTo(this.outbox.countUpTo(resumeFrom) + 1);
			assertThat(results(live)).isEqualTo(freshBuild());
		}
		assertThat(root.resolve("v1")).doesNotExist();
	}

	@Test
	void openWhenNoIndexYetShouldBuildTheCurrentVersionDirectly() throws IOException {
		Path root = this.data.resolve("index-new");
		IndexDirectories directories = new IndexDirectories(root, TranscriptIndex.VERSION);
		try (TranscriptIndex live = directories.openForSearch()) {
			IndexRebuild rebuild = new IndexRebuild(live, directories, this.outbox, this::followerOf, 1);
			assertThat(live.path()).isEqualTo(directories.current());
			assertThat(rebuild.needed()).isFalse();
			followerOf(live).catchUp();
			assertThat(live.status()).isEqualTo(IndexStatus.ready(TranscriptIndex.VERSION));
			assertThat(results(live)).isEqualTo(freshBuild());
		}
		try (TranscriptIndex reopened = directories.openForSearch()) {
			assertThat(reopened.path()).isEqualTo(directories.current());
			assertThat(committedSeq(directories.current())).isEqualTo(this.outbox.lastSeq());
		}
	}

	/** An index of version 1 holding every call but {@link #leftOut}, so its answers can be told apart. */
	private void buildOldIndexWithoutOneCall(Path dir) throws IOException {
		try (TranscriptIndex old = TranscriptIndex.open(dir, 1)) {
			followerOf(old).catchUp();
			old.delete(this.leftOut);
			old.commit(old.committedOutboxSeq());
			assertThat(old.version()).isEqualTo(1);
		}
		assertThat(SegmentInfos.readLatestCommit(FSDirectory.open(dir)).getUserData())
			.containsEntry(TranscriptIndex.INDEX_VERSION, "1");
	}

	/** The same queries on an index built from scratch by a follower, as a new installation would. */
	private List<List<Object>> freshBuild() throws IOException {
		try (TranscriptIndex fresh = TranscriptIndex.open(Files.createTempDirectory(this.data, "fresh"))) {
			followerOf(fresh).catchUp();
			return results(fresh);
		}
	}

	/**
	 * Per query the total and the hits with their snippets, by call: scores may differ a little, an index fed in
	 * batches of one row keeping the deleted earlier documents of a re-indexed call in its statistics.
	 */
	private static List<List<Object>> results(TranscriptIndex index) {
		return QUERIES.stream().map((q) -> {
			SearchResults results = index.search(query(q));
			return List.<Object>of(q, results.total(), results.hits().stream()
				.sorted(Comparator.comparingLong(SearchHit::callId))
				.map((hit) -> Arrays.asList(hit.callId(), hit.agent(), hit.snippets()))
				.toList());
		}).toList();
	}

	private OutboxFollower followerOf(TranscriptIndex index) {
		return new OutboxFollower(index, this.outbox, this.calls, this.transcriptions, this.scores,
				this.automaticScores, this.properties.index(), new CategoryTagger(this.categories::all));
	}

	private static int catchUp(OutboxFollower follower, TranscriptIndex live) {
		try {
			follower.catchUp();
			return live.version();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean oldIndexGone(Path root, String layout) {
		if (layout.equals("flat")) {
			try (Stream<Path> files = Files.list(root)) {
				return files.noneMatch(Files::isRegularFile);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return !Files.exists(root.resolve("v1"));
	}

	private static long committedSeq(Path dir) throws IOException {
		try (FSDirectory directory = FSDirectory.open(dir)) {
			return TranscriptIndex.outboxSeq(SegmentInfos.readLatestCommit(directory).getUserData().entrySet());
		}
	}

	private static List<Long> ids(TranscriptIndex index, String q) {
		return index.search(query(q)).hits().stream().map((hit) -> hit.callId()).toList();
	}

	private static SearchQuery query(String q) {
		return new SearchQuery(q, null, null, null, null, null, null, 0, 100);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private long upload(String file, String agent) throws IOException {
		NewRecordedCall call = new NewRecordedCall(file, agent, "rebuild", "+15550100", null, Direction.INBOUND,
				List.of());
		try (InputStream audio = Files.newInputStream(TestAudio.file(file))) {
			return this.calls.registerUpload(call, audio);
		}
	}

}
