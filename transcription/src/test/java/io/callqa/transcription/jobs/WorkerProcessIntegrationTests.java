package io.callqa.transcription.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.TestAudio;
import io.callqa.transcription.Transcriptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers in another application (as a separate worker process would run them) share the server's database: the
 * server, which runs no workers itself, gets the transcript and indexes it by following the outbox.
 */
class WorkerProcessIntegrationTests {

	@TempDir
	Path data;

	@Test
	void recordedCallWhenOnlyAnotherProcessRunsWorkersShouldStillBecomeSearchable() throws IOException {
		try (ConfigurableApplicationContext server = start("callqa.db.embedded.data-dir=" + this.data.resolve("pg"),
				"callqa.db.embedded.port=0", "callqa.transcription.workers.enabled=false");
				ConfigurableApplicationContext worker = start("spring.datasource.url=" + TestApplications.jdbcUrl(server),
						TestApplications.credentialsOf(this.data.resolve("pg")),
						"callqa.transcription.index.enabled=false", "callqa.transcription.workers.count=1")) {
			long callId = upload(server);
			Transcriptions transcriptions = server.getBean(Transcriptions.class);
			Eventually.await("searchable on the server", Duration.ofSeconds(90),
					() -> transcriptions.search(new SearchQuery("", null, null, null, null, null, null, 0, 10)).hits(),
					(hits) -> hits.stream().anyMatch((hit) -> hit.callId() == callId));
			assertThat(worker.getBeansOfType(io.callqa.transcription.index.TranscriptIndex.class)).isEmpty();
		}
	}

	private ConfigurableApplicationContext start(String... properties) {
		return TestApplications.start(this.data, properties);
	}


	private static long upload(ConfigurableApplicationContext server) throws IOException {
		try (InputStream audio = Files.newInputStream(TestAudio.file("refund-8k.wav"))) {
			return server.getBean(Calls.class)
				.registerUpload(new NewRecordedCall("refund-8k.wav", "eve", "support", null, null, Direction.INBOUND,
						List.of()), audio);
		}
	}

}
