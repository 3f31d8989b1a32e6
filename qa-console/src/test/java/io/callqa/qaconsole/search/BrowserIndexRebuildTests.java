package io.callqa.qaconsole.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.browser.Browser;
import io.callqa.qaconsole.trends.TrendCalls;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.Transcriptions;
import io.callqa.transcription.index.TranscriptIndex;

import static io.callqa.qaconsole.search.IndexRebuildIntegrationTests.regularFiles;
import static io.callqa.qaconsole.search.IndexRebuildIntegrationTests.search;
import static io.callqa.qaconsole.search.IndexRebuildIntegrationTests.start;
import static io.callqa.qaconsole.search.IndexRebuildIntegrationTests.withoutVersionInCommit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index in the flat layout from before index versions (the last release's) answers at once after the upgrade, is
 * rebuilt as the current version in the background, one outbox row per batch, then deleted; meanwhile the search page
 * shows the rebuild's notice, which goes once the new index answers. The test holds the real rebuild at its start by
 * taking the new index's Lucene write lock first (the rebuild retries every second), and lets it go with the notice
 * on screen. Its own servers (an old index must be there at start), as {@link IndexRebuildIntegrationTests}'s.
 */
class BrowserIndexRebuildTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@TempDir
	Path data;

	@Test
	void startWhenIndexFromBeforeVersionsShouldRebuildItInTheBackgroundWithTheNoticeOnTheSearchPage()
			throws IOException {
		List<Long> before;
		Path index = this.data.resolve("index");
		try (ConfigurableApplicationContext server = start(this.data, WebApplicationType.NONE)) {
			// Transcribed calls written as a finished transcription leaves them: the rebuild, not the model, is tested.
			TrendCalls calls = new TrendCalls(server.getBean(JdbcClient.class), "rebuild-notice");
			calls.add("2033-01-10T12:00:00Z", "hello", "i want a refund");
			calls.add("2033-01-11T12:00:00Z", "hello", "my parcel never arrived");
			Eventually.await("two calls indexed", Duration.ofSeconds(60), () -> search(server, "*:*").total(),
					(total) -> total == 2);
			before = callIds(server);
		}
		Path current = index.resolve("v" + TranscriptIndex.VERSION);
		try (Stream<Path> files = Files.list(current)) {
			for (Path file : files.toList()) {
				Files.move(file, index.resolve(file.getFileName()));
			}
		}
		withoutVersionInCommit(index);
		IndexWriter hold = lock(current);
		try (ConfigurableApplicationContext server = start(this.data, WebApplicationType.SERVLET, "--server.port=0",
				"--callqa.transcription.index.rebuild-batch=1")) {
			Transcriptions transcriptions = server.getBean(Transcriptions.class);
			assertThat(search(server, "*:*").total()).as("answered from the old index at once").isEqualTo(2);
			assertThat(transcriptions.indexStatus().orElseThrow().version()).as("version 1 while the rebuild is held")
				.isEqualTo(1);
			browser.base(Integer.parseInt(server.getEnvironment().getProperty("local.server.port", "0")))
				.logIn("admin", Http.ADMIN_PASSWORD);
			browser.open("/search.html");
			assertThat(browser.text("#index-rebuild"))
				.isEqualTo("Search index is being rebuilt: 0 %; results come from the previous index");
			browser.screenshot("search-index-rebuild");

			hold.rollback();
			Eventually.await("index rebuilt", Duration.ofSeconds(90), () -> transcriptions.indexStatus().orElseThrow(),
					(status) -> !status.rebuilding() && status.version() == TranscriptIndex.VERSION);
			browser.until((d) -> d.findElement(By.id("index-rebuild")).isDisplayed() ? null : true);
			Eventually.await("old index deleted", Duration.ofSeconds(30), () -> regularFiles(index),
					(files) -> files == 0);
			assertThat(callIds(server)).as("the rebuilt index finds what the old one did").isEqualTo(before);
		}
		finally {
			if (hold.isOpen()) {
				hold.rollback();
			}
		}
	}

	/** The calls every call and a word find, in order. */
	private static List<Long> callIds(ConfigurableApplicationContext server) {
		return Stream.of("*:*", "refund", "\"parcel never arrived\"")
			.flatMap((q) -> search(server, q).hits().stream().map(SearchHit::callId).sorted())
			.toList();
	}

	/** Takes the Lucene write lock of {@code dir} without writing anything there ({@code rollback} lets it go). */
	private static IndexWriter lock(Path dir) throws IOException {
		return new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig().setCommitOnClose(false));
	}

}
