package io.callqa.qaconsole.retention;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.OwnDataDirectoryTests;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policies and the daily run over real HTTP and the real database: policies are validated (a 400 problem saves
 * nothing); only admins see or change retention; the scheduled run runs once a day, kept in the database, not while
 * another server holds the run's lock, and a run cut short by a stop is recorded as interrupted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionScheduleIntegrationTests extends OwnDataDirectoryTests {

	private static final String PASSWORD = "retention-test-pw-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	RetentionSchedule schedule;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	Http admin;

	List<Http> others;

	@BeforeAll
	void users() {
		this.admin = new Http(this.port);
		this.others = List.of(user("ret-sup-", "SUPERVISOR", null), user("ret-man-", "MANAGER", null),
				user("ret-agent-", "AGENT", "ret-agent-" + this.suffix), user("ret-wall-", "WALLBOARD", null));
	}

	@Test
	void policiesShouldBeValidatedAndKeptPerQueueBesideTheDefault() {
		String queue = "ret-policy-" + this.suffix;
		JsonNode overview = Http.json(this.admin.get("/api/retention/policies"));
		JsonNode fallback = overview.path("policies").get(0);
		assertThat(fallback.path("queue").isNull()).isTrue();

		HttpResponse<String> saved = this.admin.put("/api/retention/policies",
				"{\"queue\":\"" + queue + "\",\"audioDays\":30,\"transcriptDays\":90,\"metadataDays\":365}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(Http.json(saved).path("transcriptDays").asInt()).isEqualTo(90);
		assertThat(Http.json(saved).path("updatedBy").asString()).isEqualTo("admin");
		HttpResponse<String> audioOnly = this.admin.put("/api/retention/policies",
				"{\"queue\":\"" + queue + "\",\"audioDays\":7}");
		assertThat(audioOnly.statusCode()).as(audioOnly.body()).isEqualTo(200);
		assertThat(Http.json(audioOnly).path("metadataDays").isNull()).isTrue();

		int before = count();
		for (String bad : List.of("{\"queue\":\"%s\",\"audioDays\":91,\"transcriptDays\":90}",
				"{\"queue\":\"%s\",\"transcriptDays\":30}",
				"{\"queue\":\"%s\",\"audioDays\":10,\"transcriptDays\":400,\"metadataDays\":365}",
				"{\"queue\":\"%s\",\"audioDays\":10,\"metadataDays\":365}",
				"{\"queue\":\"%s\",\"audioDays\":0}", "{\"queue\":\"%s\",\"audioDays\":-5}",
				"{\"queue\":\"%s\",\"audioDays\":36501}", "{\"queue\":\"%s\",\"audioDays\":\"thirty\"}",
				"{\"queue\":\"   \",\"audioDays\":30}", "{\"queue\":\"" + "q".repeat(101) + "\",\"audioDays\":30}",
				"{\"queue\":\"%s\",\"audioDays\":30", "[1,2]")) {
			HttpResponse<String> refused = this.admin.put("/api/retention/policies", bad.formatted(queue + "-bad"));
			assertProblem(refused, 400);
		}
		assertThat(count()).isEqualTo(before);
		assertThat(Http.json(this.admin.put("/api/retention/policies", "{\"queue\":\"" + queue
				+ "\",\"audioDays\":91,\"transcriptDays\":90}"))
			.path("detail").asString()).contains("audioDays");

		assertProblem(this.admin.delete("/api/retention/policies?queue=no-such-" + this.suffix), 404);
		assertProblem(this.admin.delete("/api/retention/policies"), 400);
		assertThat(this.admin.delete("/api/retention/policies?queue=" + queue).statusCode()).isEqualTo(204);
		assertThat(count()).isEqualTo(before - 1);
	}

	@Test
	void onlyAdminsShouldSeeOrChangeRetention() {
		for (Http other : this.others) {
			assertThat(other.get("/api/retention/policies").statusCode()).isEqualTo(403);
			assertThat(other.put("/api/retention/policies", "{\"queue\":\"x\",\"audioDays\":1}").statusCode())
				.isEqualTo(403);
			assertThat(other.delete("/api/retention/policies?queue=x").statusCode()).isEqualTo(403);
			assertThat(other.get("/api/retention/runs").statusCode()).isEqualTo(403);
			assertThat(other.get("/api/retention/runs/1").statusCode()).isEqualTo(403);
			assertThat(other.post("/api/retention/runs", "").statusCode()).isEqualTo(403);
		}
		Http anonymous = Http.anonymous(this.port);
		assertThat(anonymous.get("/api/retention/policies").statusCode()).isEqualTo(401);
		// Refused before the controller: no login (401), or no CSRF token for a session-less POST (403).
		assertThat(anonymous.post("/api/retention/runs", "").statusCode()).isIn(401, 403);
		assertThat(this.admin.get("/api/retention/runs?limit=0").statusCode()).isEqualTo(400);
		assertProblem(this.admin.get("/api/retention/runs/999999999"), 404);
	}

	@Test
	void scheduledRunShouldRunOnceADayAndNeverBesideAnotherServersRun() throws Exception {
		// Tomorrow at 10:00 UTC, after the test profile's run time (02:30 UTC): a day no other test has run, and five
		// hours later is still that day whatever the hour the test runs.
		Instant now = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
		LocalDate day = this.schedule.dueDay(now);
		// Another server on the same database holds the run's lock: nothing runs here, the day stays due.
		try (Connection otherServer = this.dataSource.getConnection()) {
			advisory(otherServer, "select pg_advisory_lock(?)");
			assertThat(this.schedule.runIfDue(now)).isEmpty();
			HttpResponse<String> refused = this.admin.post("/api/retention/runs", "");
			assertProblem(refused, 409);
			assertThat(lastDoneDay()).isNotEqualTo(day);
			advisory(otherServer, "select pg_advisory_unlock(?)");
		}
		// A run cut short by a stop of its server: its row says RUNNING.
		long cutShort = this.jdbc.sql("insert into retention_run (trigger) values ('SCHEDULE') returning id")
			.query(Long.class)
			.single();

		long run = this.schedule.runIfDue(now).orElseThrow();
		JsonNode finished = awaitRun(run);
		assertThat(finished.path("state").asString()).isEqualTo("DONE");
		assertThat(finished.path("trigger").asString()).isEqualTo("SCHEDULE");
		assertThat(lastDoneDay()).isEqualTo(day);
		JsonNode interrupted = Http.json(this.admin.get("/api/retention/runs/" + cutShort));
		assertThat(interrupted.path("state").asString()).isEqualTo("FAILED");
		assertThat(interrupted.path("lastError").asString()).contains("interrupted");

		// The same day again, later, or from "another server": done already.
		assertThat(this.schedule.runIfDue(now)).isEmpty();
		assertThat(this.schedule.runIfDue(now.plus(Duration.ofHours(5)))).isEmpty();
		// The next day runs again.
		long next = this.schedule.runIfDue(now.plus(Duration.ofDays(1))).orElseThrow();
		assertThat(next).isGreaterThan(run);
		awaitRun(next);

		HttpResponse<String> onDemand = this.admin.post("/api/retention/runs", "");
		assertThat(onDemand.statusCode()).as(onDemand.body()).isEqualTo(202);
		long byAdmin = Http.json(onDemand).path("id").asLong();
		assertThat(onDemand.headers().firstValue("Location")).hasValue("/api/retention/runs/" + byAdmin);
		assertThat(awaitRun(byAdmin).path("startedBy").asString()).isEqualTo("admin");
		JsonNode runs = Http.json(this.admin.get("/api/retention/runs?limit=5"));
		assertThat(runs.get(0).path("id").asLong()).isEqualTo(byAdmin);
	}

	@Test
	void dueDayShouldBeYesterdayUntilTheRunTime() {
		// The test profile's schedule: 02:30 UTC.
		assertThat(this.schedule.dueDay(Instant.parse("2026-12-01T02:29:00Z"))).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(this.schedule.dueDay(Instant.parse("2026-12-01T02:30:00Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
	}

	private JsonNode awaitRun(long id) {
		return Eventually.await("retention run " + id + " finished", Duration.ofSeconds(60),
				() -> Http.json(this.admin.get("/api/retention/runs/" + id)),
				(run) -> !run.path("state").asString().equals("RUNNING"));
	}

	private @Nullable LocalDate lastDoneDay() {
		return this.jdbc.sql("select last_done_day from retention_schedule where last_done_day is not null")
			.query((rs, row) -> rs.getObject(1, LocalDate.class))
			.optional()
			.orElse(null);
	}

	private static void advisory(Connection connection, String sql) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, RetentionJob.LOCK);
			statement.execute();
		}
	}

	private int count() {
		return this.jdbc.sql("select count(*) from retention_policy").query(Integer.class).single();
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception");
	}

	private Http user(String prefix, String role, @Nullable String agentName) {
		String username = prefix + this.suffix;
		String agentJson = (agentName != null) ? "\"" + agentName + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return new Http(this.port, username, PASSWORD);
	}

}
