package io.callqa.qaconsole.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.Transcriptions;
import io.callqa.transcription.index.TranscriptIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index is derived data: deleting its directory and starting again rebuilds it from PostgreSQL with identical
 * results, a restart keeps both the database and the index, and an index of an older layout or version is rebuilt in
 * the background while it answers.
 */
class IndexRebuildIntegrationTests {

	@TempDir
	Path data;

	@Test
	void startWhenIndexDirectoryDeletedShouldRebuildIdenticalResults() throws IOException {
		List<SearchResults> before;
		try (ConfigurableApplicationContext server = start()) {
			upload(server, "conversation-8k.wav", "alice");
			upload(server, "refund-8k.wav", "bob");
			awaitIndexedWithAutomaticScores(server);
			before = searches(server);
		}
		FileSystemUtils.deleteRecursively(this.data.resolve("index"));
		try (ConfigurableApplicationContext server = start()) {
			Eventually.await("index rebuilt", Duration.ofSeconds(30), () -> search(server, "*:*").total(),
					(total) -> total == 2);
			assertThat(searches(server)).isEqualTo(before);
		}
	}

	/**
	 * An index in the flat layout from before index versions (the last release's) answers at once after the upgrade,
	 * is rebuilt as the current version in the background, one outbox row per batch, then deleted.
	 */
	@Test
	void startWhenIndexFromBeforeVersionsShouldRebuildItInTheBackgroundAndDeleteIt() throws IOException {
		List<SearchResults> before;
		Path index = this.data.resolve("index");
		try (ConfigurableApplicationContext server = start()) {
			upload(server, "conversation-8k.wav", "alice");
			upload(server, "refund-8k.wav", "bob");
			awaitIndexedWithAutomaticScores(server);
			before = searches(server);
		}
		Path current = index.resolve("v" + TranscriptIndex.VERSION);
		try (Stream<Path> files = Files.list(current)) {
			for (Path file : files.toList()) {
				Files.move(file, index.resolve(file.getFileName()));
			}
		}
		Files.delete(current);
		withoutVersionInCommit(index);
		try (ConfigurableApplicationContext server = start("--callqa.transcription.index.rebuild-batch=1")) {
			assertThat(search(server, "*:*").total()).as("answered from the old index at once").isEqualTo(2);
			assertThat(server.getBean(Transcriptions.class).indexStatus().orElseThrow().version())
				.as("answered from version 1 or already from the rebuilt one")
				.isIn(1, TranscriptIndex.VERSION);
			Eventually.await("index rebuilt", Duration.ofSeconds(60),
					() -> server.getBean(Transcriptions.class).indexStatus().orElseThrow(),
					(status) -> !status.rebuilding() && Files.isDirectory(current));
			Eventually.await("old index deleted", Duration.ofSeconds(30), () -> regularFiles(index),
					(files) -> files == 0);
			assertThat(searches(server)).isEqualTo(before);
		}
	}

	/** The last release's commits carry the outbox position only. */
	private static void withoutVersionInCommit(Path dir) throws IOException {
		try (FSDirectory directory = FSDirectory.open(dir);
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
			Map<String, String> data = new HashMap<>();
			writer.getLiveCommitData().forEach((entry) -> data.put(entry.getKey(), entry.getValue()));
			assertThat(data.remove("indexVersion")).isEqualTo(Integer.toString(TranscriptIndex.VERSION));
			writer.setLiveCommitData(data.entrySet());
			writer.commit();
		}
	}

	private static long regularFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<SearchResults> searches(ConfigurableApplicationContext server) {
		return List.of(search(server, "*:*"), search(server, "refund"), search(server, "\"call you back\""),
				search(server, "thank*"));
	}

	private ConfigurableApplicationContext start(String... more) {
		// Command line arguments, so they win over application.properties (builder properties would not).
		List<String> args = new ArrayList<>(List.of("--callqa.db.embedded.data-dir=" + this.data.resolve("postgres"),
				"--callqa.db.embedded.port=0", "--callqa.telephony.recordings.dir=" + this.data.resolve("recordings"),
				"--callqa.transcription.index.dir=" + this.data.resolve("index"),
				"--callqa.transcription.vosk.cache-dir="
						+ System.getProperty("callqa.transcription.vosk.cache-dir", "target/test-data/models"),
				"--callqa.transcription.workers.count=2"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(CallQaApplication.class).web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
	}

	private static void upload(ConfigurableApplicationContext server, String file, String agent) throws IOException {
		try (InputStream audio = Files.newInputStream(Fixtures.audio(file))) {
			server.getBean(Calls.class)
				.registerUpload(new NewRecordedCall(file, agent, "support", null, null, Direction.INBOUND, List.of()),
						audio);
		}
	}

	/**
	 * Both calls indexed, and indexed again with their automatic scores: an evaluation re-indexes its call shortly
	 * after the transcript did, and a snapshot taken in between would differ from the rebuilt index.
	 */
	private static void awaitIndexedWithAutomaticScores(ConfigurableApplicationContext server) {
		Eventually.await("two calls indexed with their automatic scores", Duration.ofSeconds(120),
				() -> search(server, "*:*"), (results) -> results.total() == 2
						&& results.hits().stream().allMatch((hit) -> hit.autoScore() != null));
	}

	private static SearchResults search(ConfigurableApplicationContext server, String q) {
		return server.getBean(Transcriptions.class)
			.search(new SearchQuery(q, null, null, null, null, null, null, 0, 10));
	}

}
