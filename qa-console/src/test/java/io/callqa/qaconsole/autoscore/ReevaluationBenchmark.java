package io.callqa.qaconsole.autoscore;

import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.bench.CpuClock;
import io.callqa.transcription.Eventually;

import static io.callqa.qaconsole.autoscore.ScriptedCalls.agent;
import static io.callqa.qaconsole.autoscore.ScriptedCalls.customer;

/**
 * Benchmark, not a test (tag {@code bench}, run with {@code -Pbench}): re-evaluation throughput end to end (transcript
 * and facts read, the default standard's rules run, the evaluation and its items stored), in calls per second, on
 * {@code -Dbench.calls} (default 2,000) stored two-party transcripts of about 20 s.
 */
@Tag("bench")
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "callqa.autoscore.sweep-interval=1h")
@ActiveProfiles("test")
class ReevaluationBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void reevaluationThroughput() throws java.io.IOException {
		int calls = Integer.getInteger("bench.calls", 2000);
		String agentName = "bench-" + UUID.randomUUID().toString().substring(0, 6);
		Instant start = Instant.parse("2035-01-01T00:00:00Z");
		long template = new ScriptedCalls(this.jdbc).add(agentName, "bench-q", start,
				agent(0.5, "thank you for calling acme my name is anna how can i help you"),
				customer(5, "hi i would like to cancel my order it is not what i wanted"),
				agent(10, "i am sorry to hear that i will cancel it for you right away"),
				customer(15, "great thank you"), agent(17, "is there anything else have a nice day"));
		long seeding = System.nanoTime();
		for (int from = 1; from < calls; from += 10_000) {
			copies(template, from, Math.min(calls - 1, from + 9_999));
		}
		System.out.printf(Locale.ROOT, "Stored %d transcripts in %.1f s%n", calls, (System.nanoTime() - seeding) / 1e9);
		this.jdbc.sql("vacuum analyze").update();
		Http supervisor = new Http(this.port);
		CpuClock cpu = CpuClock.of(this.jdbc);
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
		CpuClock.Reading cpuBefore = cpu.read();
		long began = System.nanoTime();
		JsonNode started = Http.json(supervisor.post("/api/automatic-evaluations/reevaluations",
				"{\"from\":\"2035-01-01T00:00:00Z\",\"to\":\"2035-02-01T00:00:00Z\"}"));
		long id = started.path("id").asLong();
		// Polled in the database, not by the API: every request's basic authentication (bcrypt) costs more CPU than
		// evaluating a dozen calls, and would be counted as the re-evaluation's.
		Eventually.await("re-evaluation", Duration.ofHours(2),
				() -> this.jdbc.sql("select finished_at is not null from automatic_reevaluation where id = :id")
					.param("id", id)
					.query(Boolean.class)
					.single(),
				(finished) -> finished);
		double seconds = (System.nanoTime() - began) / 1e9;
		CpuClock.Reading used = cpu.read().since(cpuBefore);
		JsonNode finished = Http.json(supervisor.get("/api/automatic-evaluations/reevaluations/" + id));
		int done = finished.path("done").asInt();
		System.out.printf(Locale.ROOT,
				"Re-evaluation of %d stored transcripts: %.1f s, %.0f calls/s; %s, %.0f calls per CPU second "
						+ "(%d cores; load average before %s, after %s)%n",
				done, seconds, done / seconds, used, done / used.total(), Runtime.getRuntime().availableProcessors(),
				loadBefore, Files.readString(Path.of("/proc/loadavg")).strip());
	}

	/** Copies of the template call, transcript and all, started {@code from}..{@code to} seconds after it. */
	private void copies(long template, int from, int to) {
		this.jdbc.sql("""
				with calls as (
				  insert into call (agent, queue, started_at, ended_at, duration_sec, outcome, caller_number)
				  select t.agent, t.queue, t.started_at + make_interval(secs => g), t.ended_at + make_interval(secs => g),
				         t.duration_sec, t.outcome, t.caller_number
				  from call t, generate_series(:from, :to) g where t.id = :template order by g
				  returning id),
				recordings as (
				  insert into recording (call_id, path, size_bytes, channel_map)
				  select id, 'autoscore-missing.wav', 0, 'agent,customer' from calls returning id, call_id),
				jobs as (
				  insert into transcription_job (call_id, recording_id, state, max_attempts)
				  select call_id, id, 'DONE', 3 from recordings returning id, call_id, recording_id),
				transcripts as (
				  insert into transcript (call_id, recording_id, job_id, model, audio_sec)
				  select j.call_id, j.recording_id, j.id, t.model, t.audio_sec
				  from jobs j, transcript t where t.call_id = :template)
				insert into utterance (call_id, seq, speaker, start_sec, end_sec, text, words)
				select j.call_id, u.seq, u.speaker, u.start_sec, u.end_sec, u.text, u.words
				from jobs j, utterance u where u.call_id = :template""")
			.param("template", template)
			.param("from", from)
			.param("to", to)
			.update();
	}

}
