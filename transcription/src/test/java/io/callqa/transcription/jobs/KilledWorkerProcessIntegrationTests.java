package io.callqa.transcription.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TranscriptionTestApplication;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;
import io.callqa.transcription.audio.SyntheticWav;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker process killed with SIGKILL in the middle of a job (as a native crash in the recogniser would end it):
 * the server is unaffected, the job is claimed again once the lease expires, finished once, and indexed once.
 */
class KilledWorkerProcessIntegrationTests {

	/** Awaited conditions only: generous, since a loaded machine (the other test JVM, other builds) slows each step. */
	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	@TempDir
	Path data;

	@Test
	void jobWhenItsWorkerProcessIsKilledShouldBeFinishedByAnotherWorkerAndIndexedOnce() throws Exception {
		try (ConfigurableApplicationContext server = start("callqa.db.embedded.data-dir=" + this.data.resolve("pg"),
				"callqa.db.embedded.port=0", "callqa.transcription.workers.enabled=false")) {
			long callId = upload(server);
			String url = TestApplications.jdbcUrl(server);
			Process worker = startWorkerProcess(url);
			try {
				awaitClaimedBy(server, callId, worker.pid());
			}
			catch (AssertionError ex) {
				throw new AssertionError(ex.getMessage() + "\nworker process log:\n"
						+ java.nio.file.Files.readString(this.data.resolve("worker.log")), ex);
			}
			finally {
				worker.destroyForcibly().waitFor();
			}
			try (ConfigurableApplicationContext survivor = start(workerProperties(url))) {
				TranscriptionStatus status = awaitDone(server, callId);
				assertThat(status.attempts()).isEqualTo(2);
				assertThat(hitsFor(server, callId)).isEqualTo(1);
			}
		}
	}

	private Process startWorkerProcess(String url) throws IOException {
		// The first JIT tier alone: the process is killed once it has started and claimed the job.
		List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), TranscriptionTestApplication.class.getName(),
				"--callqa.telephony.recordings.dir=" + this.data.resolve("recordings")));
		for (String property : workerProperties(url)) {
			command.add("--" + property);
		}
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.data.resolve("worker.log").toFile())
			.start();
	}

	private String[] workerProperties(String url) {
		// What qa-console's "worker" profile sets, keep-alive included: worker threads alone do not keep a JVM up.
		return new String[] { "spring.main.web-application-type=none", "spring.main.keep-alive=true",
				"spring.datasource.url=" + url,
				TestApplications.credentialsOf(this.data.resolve("pg")),
				"callqa.transcription.index.enabled=false", "callqa.transcription.workers.count=1",
				"callqa.transcription.workers.lease=3s", "callqa.transcription.vosk.cache-dir=target/test-data/models" };
	}

	private ConfigurableApplicationContext start(String... properties) {
		return TestApplications.start(this.data, properties);
	}

	/** Five minutes of a tone (about 5 s of work): long enough to be caught in the middle of it. */
	private static long upload(ConfigurableApplicationContext server) throws IOException {
		NewRecordedCall call = new NewRecordedCall("long.wav", "frank", "support", null, null, Direction.INBOUND,
				List.of());
		return server.getBean(Calls.class).registerUpload(call, new SyntheticWav(300 * 8000));
	}

	private static void awaitClaimedBy(ConfigurableApplicationContext server, long callId, long pid) {
		JdbcClient jdbc = server.getBean(JdbcClient.class);
		Eventually.await("the worker process claiming the job", TIMEOUT,
				() -> jdbc.sql("select coalesce(lease_owner, '') from transcription_job where call_id = :id")
					.param("id", callId)
					.query(String.class)
					.single(),
				(owner) -> owner.startsWith(pid + "@"));
	}

	private static TranscriptionStatus awaitDone(ConfigurableApplicationContext server, long callId) {
		Transcriptions transcriptions = server.getBean(Transcriptions.class);
		return Eventually.await("the job finished by the surviving worker", TIMEOUT,
				() -> transcriptions.statusOf(callId).orElseThrow(), (status) -> status.state().equals("DONE"));
	}

	private static long hitsFor(ConfigurableApplicationContext server, long callId) {
		Transcriptions transcriptions = server.getBean(Transcriptions.class);
		SearchQuery all = new SearchQuery("", "frank", null, null, null, null, null, 0, 100);
		Eventually.await("indexed", TIMEOUT, () -> transcriptions.search(all).total(), (total) -> total > 0);
		return transcriptions.search(all).hits().stream().filter((hit) -> hit.callId() == callId).count();
	}

}
