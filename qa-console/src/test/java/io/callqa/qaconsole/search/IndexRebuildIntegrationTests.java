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
import io.callqa.qaconsole.Http;
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
 * the background while it answers ({@link BrowserIndexRebuildTests}, with the search page's notice on screen).
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

	/** The last release's commits carry the outbox position only. */
	static void withoutVersionInCommit(Path dir) throws IOException {
		try (FSDirectory directory = FSDirectory.open(dir);
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
			Map<String, String> data = new HashMap<>();
			writer.getLiveCommitData().forEach((entry) -> data.put(entry.getKey(), entry.getValue()));
			assertThat(data.remove("indexVersion")).isEqualTo(Integer.toString(TranscriptIndex.VERSION));
			writer.setLiveCommitData(data.entrySet());
			writer.commit();
		}
	}

	static long regularFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<SearchResults> searches(ConfigurableApplicationContext server) {
		return List.of(search(server, "*:*"), search(server, "refund"), search(server, "\"call you back\""),
				search(server, "thank*"));
	}

	private ConfigurableApplicationContext start(String... more) {
		return start(this.data, WebApplicationType.NONE, more);
	}

	/**
	 * A server on {@code data} (its database, recordings and index), with or without its web server; FastAGI off (a
	 * fixed port other tests may hold).
	 */
	static ConfigurableApplicationContext start(Path data, WebApplicationType web, String... more) {
		// Command line arguments, so they win over application.properties (builder properties would not).
		List<String> args = new ArrayList<>(List.of("--callqa.db.embedded.data-dir=" + data.resolve("postgres"),
				"--callqa.db.embedded.port=0", "--callqa.telephony.recordings.dir=" + data.resolve("recordings"),
				"--callqa.transcription.index.dir=" + data.resolve("index"), "--callqa.telephony.agi.enabled=false",
				"--callqa.transcription.vosk.cache-dir="
						+ System.getProperty("callqa.transcription.vosk.cache-dir", "target/test-data/models"),
				"--callqa.transcription.workers.count=2", "--callqa.security.admin-password=" + Http.ADMIN_PASSWORD));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(CallQaApplication.class).web(web)
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

	static SearchResults search(ConfigurableApplicationContext server, String q) {
		return server.getBean(Transcriptions.class)
			.search(new SearchQuery(q, null, null, null, null, null, null, 0, 10));
	}

}
