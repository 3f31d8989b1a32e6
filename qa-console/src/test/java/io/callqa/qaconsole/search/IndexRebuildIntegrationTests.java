package io.callqa.qaconsole.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index is derived data: deleting its directory and starting again rebuilds it from PostgreSQL with identical
 * results, and a restart keeps both the database and the index.
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
			Eventually.await("two calls indexed", Duration.ofSeconds(90), () -> search(server, "*:*").total(),
					(total) -> total == 2);
			before = searches(server);
		}
		FileSystemUtils.deleteRecursively(this.data.resolve("index"));
		try (ConfigurableApplicationContext server = start()) {
			Eventually.await("index rebuilt", Duration.ofSeconds(30), () -> search(server, "*:*").total(),
					(total) -> total == 2);
			assertThat(searches(server)).isEqualTo(before);
		}
	}

	private List<SearchResults> searches(ConfigurableApplicationContext server) {
		return List.of(search(server, "*:*"), search(server, "refund"), search(server, "\"call you back\""),
				search(server, "thank*"));
	}

	private ConfigurableApplicationContext start() {
		// Command line arguments, so they win over application.properties (builder properties would not).
		return new SpringApplicationBuilder(CallQaApplication.class).web(WebApplicationType.NONE)
			.run("--callqa.db.embedded.data-dir=" + this.data.resolve("postgres"), "--callqa.db.embedded.port=0",
					"--callqa.telephony.recordings.dir=" + this.data.resolve("recordings"),
					"--callqa.transcription.index.dir=" + this.data.resolve("index"),
					"--callqa.transcription.vosk.cache-dir=target/test-data/models",
					"--callqa.transcription.workers.count=2");
	}

	private static void upload(ConfigurableApplicationContext server, String file, String agent) throws IOException {
		try (InputStream audio = Files.newInputStream(Fixtures.audio(file))) {
			server.getBean(Calls.class)
				.registerUpload(new NewRecordedCall(file, agent, "support", null, null, Direction.INBOUND, List.of()),
						audio);
		}
	}

	private static SearchResults search(ConfigurableApplicationContext server, String q) {
		return server.getBean(Transcriptions.class)
			.search(new SearchQuery(q, null, null, null, null, null, null, 0, 10));
	}

}
