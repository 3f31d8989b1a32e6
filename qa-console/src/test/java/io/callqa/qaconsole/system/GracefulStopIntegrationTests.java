package io.callqa.qaconsole.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.simulator.AmiEvent;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.CallScript;
import io.callqa.simulator.RenderedCall;
import io.callqa.simulator.Scenario;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.LongRecording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as systemd runs it: a child JVM with the application's main class (as {@code java -jar} would start it),
 * stopped with SIGTERM while two long transcriptions run, a callback is due and a call waits in the queue on the
 * simulated Asterisk. It must exit 0 within the bound, log no error, hand both jobs back QUEUED with their attempt
 * count unchanged, and after a restart on the same data directory finish everything exactly once.
 */
class GracefulStopIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(4);

	/** What a stop may take here; the server is configured for at most 15 s per shutdown phase. */
	private static final Duration STOP_BOUND = Duration.ofSeconds(30);

	private static final Pattern JOB_HANDED_BACK = Pattern.compile("Job \\d+ of call (\\d+) handed back");

	private static final Pattern RESUMED = Pattern.compile("Job \\d+ of call (\\d+) resumes after (\\d+) s");

	private static final Pattern CHECKPOINT = Pattern.compile("Job (\\d+): checkpoint at");

	@TempDir
	Path data;

	/** Every child JVM started, so a failing test leaves none running. */
	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void killLeftovers() throws InterruptedException {
		for (Process process : this.started) {
			if (process.isAlive()) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private Server start(String name, int httpPort, int amiPort, String... settings) throws IOException {
		Server server = Server.start(this.data, name, httpPort, amiPort, settings);
		this.started.add(server.process());
		return server;
	}

	@Test
	void sigtermWithWorkInFlightShouldStopCleanlyAndARestartShouldFinishEverythingOnce() throws Exception {
		// 35 s: each job's first checkpoint comes after 5.4 s of audio (the first utterance ending after 2 s), leaving
		// 30 s of audio (several seconds of decoding even with a core to itself) between the moment the test sees both
		// checkpoints and the end of the job, against the fraction of a second the SIGTERM takes to reach the workers.
		// The restart decodes what is left of both, so every repetition more costs the suite its decoding twice.
		Path audio = LongRecording.repeat(Fixtures.audio("conversation-8k.wav"), 2, this.data.resolve("long.wav"));
		try (AmiSimulator asterisk = AmiSimulator.start("callqa", "ami-secret")) {
			int httpPort = freePort();
			Http http = new Http(httpPort);

			// 1. Work in flight, then SIGTERM.
			Server first = start("first", httpPort, asterisk.port(),
					"callqa.telephony.callbacks.poll-interval=10m");
			awaitConnected(http);
			long callback = scheduleCallback(http);
			RenderedCall waiting = asterisk.render(CallScript.abandoned()
				.caller("5550142", "Waiting Caller")
				.queue("support")
				.waitFor(Duration.ofMinutes(10))
				.startingAt(Instant.now()));
			List<AmiEvent> joined = new ArrayList<>();
			List<AmiEvent> leaves = new ArrayList<>();
			double half = waiting.start().plus(Duration.ofMinutes(5)).toEpochMilli() / 1000.0;
			waiting.scenario().events().forEach((event) -> (timestamp(event) < half ? joined : leaves).add(event));
			asterisk.play(new Scenario("joins the queue", joined));
			Eventually.await("the waiting call stored as live", TIMEOUT, () -> call(http, "5550142"),
					(call) -> call != null && call.path("endedAt").isNull());
			// Uploaded last, so that no other wait eats into the transcriptions before SIGTERM.
			long[] calls = { upload(http, audio, "alice"), upload(http, audio, "bob") };
			Eventually.await("both calls being transcribed, each job with a checkpoint", TIMEOUT,
					() -> transcription(http, calls[0]).path("state").asString() + " "
							+ transcription(http, calls[1]).path("state").asString() + " " + checkpointedJobs(first),
					"RUNNING RUNNING 2"::equals);
			Duration stop = first.terminate();
			System.out.println("SIGTERM with two transcriptions, a live call and a due callback: exit "
					+ first.exitCode() + " after " + stop.toMillis() + " ms");
			assertThat(first.exitCode()).isZero();
			assertThat(stop).isLessThan(STOP_BOUND);
			first.assertCleanLog();
			assertThat(first.matches(JOB_HANDED_BACK)).containsExactlyInAnyOrder(calls[0], calls[1]);

			// 2. The restart finishes everything, once.
			Server last = start("last", httpPort, asterisk.port(),
					"callqa.telephony.callbacks.poll-interval=1s");
			Http third = new Http(httpPort);
			awaitConnected(third);
			// What the stop left: the call still waiting; below, each job resumed from its checkpoint in its first
			// attempt (handed back QUEUED, none counted) and the callback dialled once in all.
			assertThat(call(third, "5550142").path("endedAt").isNull()).isTrue();
			asterisk.play(new Scenario("gives up", leaves));
			for (long callId : calls) {
				JsonNode status = Eventually.await("call " + callId + " transcribed", TIMEOUT,
						() -> transcription(third, callId), (seen) -> seen.path("state").asString().equals("DONE"));
				assertThat(status.path("attempts").asInt()).isEqualTo(1);
				assertThat(hits(third, callId)).isEqualTo(1);
			}
			assertThat(last.matches(RESUMED)).containsExactlyInAnyOrder(calls[0], calls[1]);
			JsonNode request = Eventually.await("the callback made", TIMEOUT,
					() -> Http.json(third.get("/api/callbacks/" + callback)),
					(seen) -> seen.path("request").path("state").asString().equals("DONE"));
			assertThat(request.path("attempts")).hasSize(1);
			JsonNode gaveUp = Eventually.await("the waiting call closed", TIMEOUT, () -> call(third, "5550142"),
					(call) -> !call.path("endedAt").isNull());
			assertThat(gaveUp.path("outcome").asString()).isEqualTo("ABANDONED");
			last.terminate();
			assertThat(last.exitCode()).isZero();
			last.assertCleanLog();
		}
	}

	/** How many jobs saved a checkpoint (two uploads, two jobs: each has made progress when this is 2). */
	private static int checkpointedJobs(Server server) {
		Matcher matcher = CHECKPOINT.matcher(server.log());
		Set<String> jobs = new HashSet<>();
		while (matcher.find()) {
			jobs.add(matcher.group(1));
		}
		return jobs.size();
	}

	private static void awaitConnected(Http http) {
		Eventually.await("the server up and logged into Asterisk", TIMEOUT, () -> {
			try {
				return Http.json(http.get("/api/telephony/status")).path("servers").path(0).path("state").asString();
			}
			catch (RuntimeException ex) {
				return "not answering: " + ex.getMessage();
			}
		}, "CONNECTED"::equals);
	}

	private static long upload(Http http, Path audio, String agent) {
		JsonNode accepted = Http.json(http.upload("/api/recordings", audio, Map.of("agent", agent, "queue", "support")));
		return accepted.path("callId").asLong();
	}

	private static long scheduleCallback(Http http) {
		String body = """
				{"queue":"support","number":"5550177","name":"Due Caller","at":"%s","onlyMe":false}"""
			.formatted(Instant.now().minusSeconds(60));
		long id = Http.json(http.post("/api/callbacks", body)).path("id").asLong();
		assertThat(id).as("the callback request scheduled").isPositive();
		return id;
	}

	private static JsonNode transcription(Http http, long callId) {
		return Http.json(http.get("/api/calls/" + callId)).path("transcription");
	}

	private static JsonNode call(Http http, String callerNumber) {
		for (JsonNode row : Http.json(http.get("/api/calls?queue=support&limit=100"))) {
			if (callerNumber.equals(row.path("callerNumber").asString())) {
				return row;
			}
		}
		return null;
	}

	private static long hits(Http http, long callId) {
		JsonNode hits = Eventually.await("call " + callId + " indexed", TIMEOUT,
				() -> Http.json(http.get("/api/search?q=*:*&size=100")).path("hits"),
				(found) -> found.valueStream().anyMatch((hit) -> hit.path("callId").asLong() == callId));
		return hits.valueStream().filter((hit) -> hit.path("callId").asLong() == callId).count();
	}

	private static double timestamp(AmiEvent event) {
		String value = event.value("Timestamp");
		return (value != null) ? Double.parseDouble(value) : 0;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The server in a child JVM: the test classpath and the application's main class, its output in a file.
	 */
	private record Server(Process process, Path logFile) {

		static Server start(Path data, String name, int httpPort, int amiPort, String... settings) throws IOException {
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), CallQaApplication.class.getName(),
					"--server.port=" + httpPort, "--callqa.db.embedded.data-dir=" + data.resolve("postgres"),
					"--callqa.db.embedded.port=0", "--callqa.telephony.recordings.dir=" + data.resolve("recordings"),
					"--callqa.transcription.index.dir=" + data.resolve("index"),
					"--callqa.transcription.vosk.cache-dir=" + modelCache(data),
					"--callqa.transcription.workers.count=2", "--callqa.transcription.workers.checkpoint-every=2s",
					"--logging.level.io.callqa.transcription.jobs=DEBUG", "--callqa.telephony.agi.port=0",
					"--callqa.telephony.ami.servers[0].name=pbx1", "--callqa.telephony.ami.servers[0].host=127.0.0.1",
					"--callqa.telephony.ami.servers[0].port=" + amiPort,
					"--callqa.telephony.ami.servers[0].username=callqa",
					"--callqa.telephony.ami.servers[0].secret=ami-secret",
					"--callqa.telephony.callbacks.calling-hours-start=00:00",
					"--callqa.telephony.callbacks.calling-hours-end=00:00",
					"--callqa.security.admin-password=" + Http.ADMIN_PASSWORD));
			for (String setting : settings) {
				command.add("--" + setting);
			}
			Path log = data.resolve(name + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			return new Server(process, log);
		}

		/** The test JVM's copy of the speech model when it has one (each fork's own), else one under the data. */
		private static String modelCache(Path data) {
			return System.getProperty("callqa.transcription.vosk.cache-dir", data.resolve("models").toString());
		}

		/** Sends SIGTERM ({@link Process#destroy()} on Linux) and returns how long the process took to exit. */
		Duration terminate() throws InterruptedException {
			long started = System.nanoTime();
			this.process.destroy();
			if (!this.process.waitFor(STOP_BOUND.toSeconds() * 2, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
				throw new AssertionError("No exit within " + STOP_BOUND.multipliedBy(2) + "; log:\n" + log());
			}
			return Duration.ofNanos(System.nanoTime() - started);
		}

		int exitCode() {
			return this.process.exitValue();
		}

		String log() {
			try {
				return Files.readString(this.logFile);
			}
			catch (IOException ex) {
				return "(no log: " + ex + ")";
			}
		}

		void assertCleanLog() {
			String log = log();
			List<String> bad = log.lines()
				.filter((line) -> line.contains(" ERROR ") || line.startsWith("\tat ") || line.startsWith("Caused by")
						|| line.contains("FATAL"))
				.toList();
			// The offending lines first: CI output cuts a long log in the middle.
			assertThat(bad).as("errors and stack traces in the log:\n" + String.join("\n", bad) + "\n\nthe whole log:\n"
					+ log).isEmpty();
		}

		List<Long> matches(Pattern pattern) {
			List<Long> found = new ArrayList<>();
			Matcher matcher = pattern.matcher(log());
			while (matcher.find()) {
				found.add(Long.parseLong(matcher.group(1)));
			}
			return found;
		}

	}

}
