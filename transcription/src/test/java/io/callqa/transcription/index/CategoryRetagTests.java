package io.callqa.transcription.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.TranscriptionTestApplication;
import io.callqa.telephony.Calls;
import io.callqa.transcription.AutomaticScores;
import io.callqa.transcription.CallScores;
import io.callqa.transcription.Categories;
import io.callqa.transcription.Category;
import io.callqa.transcription.CategoryDraft;
import io.callqa.transcription.CategoryTrends;
import io.callqa.transcription.FacetCount;
import io.callqa.transcription.Matching;
import io.callqa.transcription.RetagJob;
import io.callqa.transcription.SearchFilters;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.TranscriptData;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.Transcriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Re-tagging after a category is deleted, renamed or saved twice in a row, on calls written to the real database and
 * indexed into a real index of the test's own by a follower the test drives batch by batch (the application's own
 * follower keeps its own index): a deleted or renamed category's name leaves exactly the calls it was on, a second
 * save relies on the rows the first queued as long as no batch has picked them up, and the progress counts the rows
 * a job relies on.
 */
@SpringBootTest(classes = TranscriptionTestApplication.class)
class CategoryRetagTests {

	@Autowired
	CategoryStore store;

	@Autowired
	Calls calls;

	@Autowired
	Transcriptions transcriptions;

	@Autowired
	IndexOutbox outbox;

	@Autowired
	TranscriptionProperties properties;

	@Autowired
	ObjectProvider<CallScores> scores;

	@Autowired
	ObjectProvider<AutomaticScores> automaticScores;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	TranscriptData transcriptData;

	@TempDir
	Path dir;

	TranscriptIndex index;

	OutboxFollower follower;

	CategoriesService categories;

	final List<Long> created = new ArrayList<>();

	@BeforeEach
	void openIndexCaughtUp() throws IOException {
		this.index = TranscriptIndex.open(this.dir);
		this.follower = followerOf(new CategoryTagger(this.store::all));
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("index", this.index));
		this.categories = new CategoriesService(this.store, beans.getBeanProvider(TranscriptIndex.class),
				this.transaction);
		this.follower.catchUp();
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
		// The categories are the database's: other tests' indexes would be tagged with them.
		this.created.forEach((id) -> this.store.delete(id));
	}

	@Test
	void deleteShouldRetagExactlyTheCallsTaggedWithItAndNothingShouldShowItMeanwhile() throws IOException {
		String queue = "retag-delete";
		WrittenCalls add = calls(queue);
		Category parcel = create("Retag parcel", "parcel");
		long late = add.add("2033-01-10T09:00:00Z", "hello", "my parcel is late");
		long broken = add.add("2033-01-10T10:00:00Z", "hello", "the parcel came broken");
		long router = add.add("2033-01-11T09:00:00Z", "hello", "my router is broken");
		this.follower.catchUp();
		assertThat(tagged("Retag parcel", queue)).containsExactlyInAnyOrder(late, broken);

		Category deleted = this.categories.delete(parcel.id());
		assertThat(deleted.name()).isEqualTo("Retag parcel");
		RetagJob job = this.categories.retagTagged(deleted.name(), "test").orElseThrow();
		assertThat(job.total()).as("the calls tagged with it, no other").isEqualTo(2);
		assertThat(job.queued()).isEqualTo(2);
		assertThat(job.done()).isZero();
		assertThat(job.finished()).isFalse();
		assertThat(job.from()).isEqualTo(Instant.parse("2033-01-10T09:00:00Z"));
		assertThat(job.to()).isEqualTo(Instant.parse("2033-01-10T10:00:00.001Z"));

		// Until the re-tagging reaches them the calls keep the name; trends, facets and the filter ignore it.
		assertThat(tagged("Retag parcel", queue)).as("the index as it is").hasSize(2);
		assertThat(filteredOn("Retag parcel", queue).total()).isZero();
		assertThat(categoryFacet(queue)).extracting(FacetCount::value).doesNotContain("Retag parcel");
		assertThat(seriesNames(queue, "2033-01-10T00:00:00Z", "2033-01-12T00:00:00Z"))
			.doesNotContain("Retag parcel");

		this.follower.catchUp();
		RetagJob done = this.categories.retagJob(job.id());
		assertThat(done.done()).isEqualTo(done.total()).isEqualTo(2);
		assertThat(done.finished()).isTrue();
		assertThat(tagged("Retag parcel", queue)).isEmpty();
		assertThat(search("queue:" + queue).hits()).extracting(SearchHit::callId).contains(router);
		assertThat(this.categories.retagTagged("Retag parcel", "test")).as("no call has the name any more").isEmpty();
	}

	@Test
	void renameShouldMoveTheTagAlsoOnTheCallsOutsideThePeriodReTagged() throws IOException {
		String queue = "retag-rename";
		WrittenCalls add = calls(queue);
		Category voucher = create("Retag voucher", "voucher");
		long asked = add.add("2033-02-10T09:00:00Z", "hello", "i want a voucher");
		long other = add.add("2033-02-10T10:00:00Z", "hello", "nothing to say");
		long expired = add.add("2033-02-12T09:00:00Z", "hello", "the voucher expired");
		this.follower.catchUp();
		assertThat(tagged("Retag voucher", queue)).containsExactlyInAnyOrder(asked, expired);

		Categories.Updated updated = this.categories.update(voucher.id(),
				new CategoryDraft("Retag gift voucher", "voucher", Category.Speaker.CUSTOMER, Matching.STEMMED), "test");
		assertThat(updated.renamed()).isTrue();
		assertThat(updated.previousName()).isEqualTo("Retag voucher");
		RetagJob job = this.categories.retag(Instant.parse("2033-02-10T00:00:00Z"),
				Instant.parse("2033-02-11T00:00:00Z"), updated.previousName(), "test");
		assertThat(job.total()).as("the period's calls and the old name's after it").isEqualTo(3);
		assertThat(job.from()).isEqualTo(Instant.parse("2033-02-10T00:00:00Z"));
		assertThat(job.to()).as("widened to the old name's last call").isAfter(Instant.parse("2033-02-12T09:00:00Z"));

		this.follower.catchUp();
		assertThat(this.categories.retagJob(job.id()).finished()).isTrue();
		assertThat(tagged("Retag gift voucher", queue)).containsExactlyInAnyOrder(asked, expired);
		assertThat(tagged("Retag voucher", queue)).isEmpty();
		assertThat(tagged("Retag gift voucher", queue)).doesNotContain(other);
	}

	/**
	 * The second save's re-tagging finds every call already queued by the first and not picked up yet: it queues none
	 * and waits for the first's rows, so both jobs progress together, row by row.
	 */
	@Test
	void twoSavesInARowShouldQueueEachCallOnceAndTagBoth() throws IOException {
		String queue = "retag-twice";
		WrittenCalls add = calls(queue);
		long declined = add.add("2033-03-10T09:00:00Z", "hello", "my card was declined");
		long lost = add.add("2033-03-10T10:00:00Z", "hello", "i lost my card");
		long pin = add.add("2033-03-10T11:00:00Z", "hello", "the pin is wrong");
		this.follower.catchUp();

		create("Retag declined", "declined");
		RetagJob first = this.categories.retagIndexed("test").orElseThrow();
		create("Retag pin", "pin");
		RetagJob second = this.categories.retagIndexed("test").orElseThrow();
		assertThat(first.queued()).isEqualTo(first.total()).isGreaterThanOrEqualTo(3);
		assertThat(second.total()).isEqualTo(first.total());
		assertThat(second.queued()).as("rows queued by the second save").isZero();
		assertThat(second.done()).isZero();

		while (this.follower.applyNext(1) > 0) {
			RetagJob one = this.categories.retagJob(first.id());
			RetagJob two = this.categories.retagJob(second.id());
			assertThat(two.done()).as("the second waits for the first's rows").isEqualTo(one.done());
		}
		assertThat(this.categories.retagJob(second.id()).finished()).isTrue();
		assertThat(tagged("Retag declined", queue)).containsExactly(declined);
		assertThat(tagged("Retag pin", queue)).containsExactly(pin);
		assertThat(tagged("Retag declined", queue)).doesNotContain(lost);
		assertThat(tagged("Retag pin", queue)).doesNotContain(lost);
	}

	/**
	 * A deleted category's re-tagging relies on the rows of an earlier re-tagging of its calls, scattered among the
	 * others': it counts each as done once applied.
	 */
	@Test
	void progressShouldCountTheRowsReliedOnAmongOthers() throws IOException {
		String queue = "retag-scattered";
		WrittenCalls add = calls(queue);
		Category refund = create("Retag scattered", "scattered");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ids.add(add.add("2033-04-10T0" + i + ":00:00Z", "hello", (i % 2 == 0) ? "parts were scattered" : "fine"));
		}
		this.follower.catchUp();
		List<Long> tagged = List.of(ids.get(0), ids.get(2), ids.get(4));
		assertThat(tagged("Retag scattered", queue)).containsExactlyInAnyOrderElementsOf(tagged);
		long before = this.outbox.lastSeq();
		RetagJob everything = this.categories.retagIndexed("test").orElseThrow();

		this.categories.delete(refund.id());
		RetagJob deleted = this.categories.retagTagged("Retag scattered", "test").orElseThrow();
		assertThat(deleted.total()).isEqualTo(3);
		assertThat(deleted.queued()).isZero();
		List<Long> reliedOn = this.jdbc.sql("""
				select min(seq) from index_outbox where call_id = any(cast(:ids as bigint[])) and seq > :before
				group by call_id""")
			.param("ids", tagged.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.param("before", before)
			.query(Long.class)
			.list();
		assertThat(reliedOn).hasSize(3);

		while (this.follower.applyNext(2) > 0) {
			long applied = this.index.committedOutboxSeq();
			assertThat(this.categories.retagJob(deleted.id()).done())
				.isEqualTo(reliedOn.stream().filter((seq) -> seq <= applied).count());
		}
		assertThat(this.categories.retagJob(everything.id()).finished()).isTrue();
		assertThat(this.categories.retagJob(deleted.id()).finished()).isTrue();
		assertThat(tagged("Retag scattered", queue)).isEmpty();
	}

	/**
	 * A batch that picked up its rows and read the categories before a change committed tags its calls without it: a
	 * re-tagging asked meanwhile must queue those calls again rather than rely on the rows being indexed.
	 */
	@Test
	void rowsOfABatchPickedUpBeforeTheChangeShouldNotBeReliedOn() throws Exception {
		String queue = "retag-in-flight";
		WrittenCalls add = calls(queue);
		long rude = add.add("2033-05-10T09:00:00Z", "hello", "the courier was rude");
		long polite = add.add("2033-05-10T10:00:00Z", "hello", "a polite courier");
		this.follower.catchUp();
		create("Retag courier", "courier");
		RetagJob first = this.categories.retagIndexed("test").orElseThrow();

		HeldBatch held = new HeldBatch();
		Thread indexing = held.start();
		held.awaitCategoriesRead();
		create("Retag rude", "rude");
		RetagJob second = this.categories.retagIndexed("test").orElseThrow();
		assertThat(second.queued()).as("the rows picked up are queued again").isPositive();
		held.release();
		indexing.join(TimeUnit.MINUTES.toMillis(1));
		held.rethrow();
		assertThat(tagged("Retag courier", queue)).containsExactlyInAnyOrder(rude, polite);
		assertThat(tagged("Retag rude", queue)).as("the held batch read the categories before 'rude'").isEmpty();
		this.follower.catchUp();

		assertThat(this.categories.retagJob(first.id()).finished()).isTrue();
		assertThat(this.categories.retagJob(second.id()).finished()).isTrue();
		assertThat(tagged("Retag courier", queue)).containsExactlyInAnyOrder(rude, polite);
		assertThat(tagged("Retag rude", queue)).containsExactly(rude);
	}

	/**
	 * Deleting a category while a batch that read it is being indexed: that batch's calls are not searchable yet when
	 * the deletion looks for the calls tagged with it, so they are re-tagged as the batch's calls.
	 */
	@Test
	void deleteWhileABatchThatReadItIsIndexedShouldReachTheBatchsCallsToo() throws Exception {
		String queue = "retag-delete-in-flight";
		WrittenCalls add = calls(queue);
		Category ticket = create("Retag ticket", "ticket");
		long number = add.add("2033-06-10T09:00:00Z", "hello", "my ticket number is wrong");
		long closed = add.add("2033-06-10T10:00:00Z", "hello", "the ticket was closed");

		HeldBatch held = new HeldBatch();
		Thread indexing = held.start();
		held.awaitCategoriesRead();
		this.categories.delete(ticket.id());
		RetagJob job = this.categories.retagTagged("Retag ticket", "test").orElseThrow();
		assertThat(job.total()).as("the batch's calls").isGreaterThanOrEqualTo(2);
		held.release();
		indexing.join(TimeUnit.MINUTES.toMillis(1));
		held.rethrow();
		assertThat(tagged("Retag ticket", queue)).as("the batch read the category")
			.containsExactlyInAnyOrder(number, closed);
		this.follower.catchUp();

		assertThat(this.categories.retagJob(job.id()).finished()).isTrue();
		assertThat(tagged("Retag ticket", queue)).isEmpty();
	}

	/** Rows deleted with their call (erasure, retention) need no re-tagging: the job finishes without them. */
	@Test
	void jobShouldFinishWhenTheRowsOfAForgottenCallAreDeleted() throws IOException {
		String queue = "retag-forgotten";
		WrittenCalls add = calls(queue);
		add.add("2033-07-10T09:00:00Z", "hello", "keep this call");
		long forgotten = add.add("2033-07-10T10:00:00Z", "hello", "forget this call");
		this.follower.catchUp();
		create("Retag forgotten", "forget");
		RetagJob job = this.categories.retag(Instant.parse("2033-07-10T00:00:00Z"),
				Instant.parse("2033-07-11T00:00:00Z"), "test");
		assertThat(job.total()).isEqualTo(2);
		this.transcriptData.forgetCalls(List.of(forgotten));
		this.follower.catchUp();

		RetagJob done = this.categories.retagJob(job.id());
		assertThat(done.finished()).isTrue();
		assertThat(done.done()).isEqualTo(2);
	}

	@Test
	void retagInsideATransactionShouldBeRefused() {
		assertThatThrownBy(() -> this.transaction.executeWithoutResult((status) -> this.categories.retagIndexed("test")))
			.isInstanceOf(IllegalStateException.class);
	}

	private Category create(String name, String query) {
		Category category = this.categories.create(new CategoryDraft(name, query, Category.Speaker.CUSTOMER,
				Matching.STEMMED), "test");
		this.created.add(category.id());
		return category;
	}

	private WrittenCalls calls(String queue) {
		return new WrittenCalls(this.jdbc, this.transaction, queue);
	}

	private OutboxFollower followerOf(CategoryTagger tagger) {
		return new OutboxFollower(this.index, this.outbox, this.calls, this.transcriptions, this.scores,
				this.automaticScores, this.properties.index(), tagger);
	}

	private List<Long> tagged(String category, String queue) {
		return search("category:\"" + category + "\" AND queue:" + queue).hits().stream()
			.map(SearchHit::callId)
			.sorted()
			.toList();
	}

	private SearchResults search(String query) {
		return this.index.search(SearchQuery.of(query).page(0, 100), savedNames());
	}

	private SearchResults filteredOn(String category, String queue) {
		SearchFilters filters = new SearchFilters(null, queue, null, null, null, null, null, null, null, null, null,
				null, null, null, null, category);
		return this.index.search(SearchQuery.of("").with(filters).page(0, 100), savedNames());
	}

	private List<FacetCount> categoryFacet(String queue) {
		return this.index.search(SearchQuery.of("queue:" + queue).withFacets(), savedNames())
			.facets()
			.getOrDefault(TranscriptFields.CATEGORY, List.of());
	}

	private List<String> seriesNames(String queue, String from, String to) {
		CategoryTrends trends = this.categories.trends(Instant.parse(from), Instant.parse(to), false, ZoneOffset.UTC,
				queue);
		return trends.categories().stream().map(CategoryTrends.Series::category).toList();
	}

	private Set<String> savedNames() {
		return this.store.all().stream().map(Category::name).collect(Collectors.toSet());
	}

	/**
	 * One batch of the test's index that reads the categories, then waits to be released before it tags and commits:
	 * a batch in flight while the test changes a category.
	 */
	private final class HeldBatch {

		private final CountDownLatch read = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		private final AtomicBoolean holding = new AtomicBoolean(true);

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		Thread start() {
			Supplier<List<Category>> categories = () -> {
				List<Category> now = CategoryRetagTests.this.store.all();
				if (this.holding.getAndSet(false)) {
					this.read.countDown();
					awaitQuietly(this.release);
				}
				return now;
			};
			OutboxFollower held = followerOf(new CategoryTagger(categories));
			Thread thread = new Thread(() -> {
				try {
					held.applyNext(1_000);
				}
				catch (IOException | RuntimeException ex) {
					this.failure.set(ex);
				}
			}, "held-indexer");
			thread.start();
			return thread;
		}

		void awaitCategoriesRead() throws InterruptedException {
			assertThat(this.read.await(1, TimeUnit.MINUTES)).as("the held batch read the categories").isTrue();
		}

		void release() {
			this.release.countDown();
		}

		void rethrow() {
			if (this.failure.get() != null) {
				throw new AssertionError("the held batch failed", this.failure.get());
			}
		}

		private static void awaitQuietly(CountDownLatch latch) {
			try {
				latch.await(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new UncheckedIOException(new IOException(ex));
			}
		}

	}

}
