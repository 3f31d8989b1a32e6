package io.callqa.qaconsole.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

/**
 * The agent state metrics over real HTTP: who may read them, the JSON per agent and day, the CSV (a column per pause
 * reason, names a spreadsheet would run defused) and bad periods as problems. Stretches are inserted as the floor
 * writes them.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentStatesApiIntegrationTests {

	private static final String PASSWORD = "states-pass-1";

	private static final String DAY = "2026-04-07";

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	private final String agent = "states-agent-" + this.run;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http admin;

	@BeforeAll
	void scriptTheDay() {
		this.admin = new Http(this.port);
		// 09:00-10:00 available, 10:00-10:01 ringing, 10:01-10:31 on call, 10:31-11:01 Lunch, 11:01-11:11 no reason,
		// 11:11-11:16 unavailable; login 8160, occupancy 1800 / 5460, utilization 1800 / 8160.
		stretch(this.agent, "AVAILABLE", null, "09:00", "10:00");
		stretch(this.agent, "RINGING", null, "10:00", "10:01");
		stretch(this.agent, "ON_CALL", null, "10:01", "10:31");
		stretch(this.agent, "PAUSED", "Lunch", "10:31", "11:01");
		stretch(this.agent, "PAUSED", null, "11:01", "11:11");
		stretch(this.agent, "UNAVAILABLE", null, "11:11", "11:16");
	}

	@Test
	void staffReadTheAgentDays() {
		for (String role : new String[] { "SUPERVISOR", "MANAGER" }) {
			Http staff = user(role);
			HttpResponse<String> response = staff.get(path("/api/dashboard/agent-states"));
			assertThat(response.statusCode()).as(role).isEqualTo(200);
		}
		JsonNode days = Http.json(this.admin.get(path("/api/dashboard/agent-states")));
		assertThat(days).hasSize(1);
		JsonNode day = days.get(0);
		assertThat(day.path("agent").asString()).isEqualTo(this.agent);
		assertThat(day.path("day").asString()).isEqualTo(DAY);
		assertThat(day.path("loginSec").asLong()).isEqualTo(3600 + 60 + 1800 + 1800 + 600 + 300);
		assertThat(day.path("availableSec").asLong()).isEqualTo(3600);
		assertThat(day.path("ringingSec").asLong()).isEqualTo(60);
		assertThat(day.path("onCallSec").asLong()).isEqualTo(1800);
		assertThat(day.path("pausedSec").asLong()).isEqualTo(2400);
		assertThat(day.path("unavailableSec").asLong()).isEqualTo(300);
		assertThat(day.path("pausedByReason").path("Lunch").asLong()).isEqualTo(1800);
		assertThat(day.path("pausedByReason").path("").asLong()).isEqualTo(600);
		assertThat(day.path("occupancy").asDouble()).isCloseTo(1800.0 / 5460, within(1e-9));
		assertThat(day.path("utilization").asDouble()).isCloseTo(1800.0 / 8160, within(1e-9));
	}

	@Test
	void agentsAndStrangersMayNot() {
		assertThat(user("AGENT").get(path("/api/dashboard/agent-states")).statusCode()).isEqualTo(403);
		assertThat(user("AGENT").get(path("/api/dashboard/agent-states.csv")).statusCode()).isEqualTo(403);
		assertThat(Http.anonymous(this.port).get(path("/api/dashboard/agent-states")).statusCode()).isEqualTo(401);
		assertThat(Http.anonymous(this.port).get(path("/api/dashboard/agent-states.csv")).statusCode()).isEqualTo(401);
	}

	@Test
	void theCsvHasALinePerAgentAndDayAndAColumnPerPauseReason() {
		String formula = "=HYPERLINK(\"http://x\")-" + this.run;
		Instant day = Instant.parse("2026-04-09T00:00:00Z");
		stretch(formula, "PAUSED", "@Coffee, black", day.plusSeconds(36000), day.plusSeconds(36600));
		stretch(formula, "AVAILABLE", null, day.plusSeconds(36600), day.plusSeconds(37200));

		HttpResponse<String> csv = this.admin.get("/api/dashboard/agent-states.csv?from=2026-04-09&to=2026-04-09&agent="
				+ java.net.URLEncoder.encode(formula, java.nio.charset.StandardCharsets.UTF_8));

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type)
			.startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition")).hasValue(
				"attachment; filename=\"callqa-agent-states-2026-04-09-2026-04-09.csv\"");
		assertThat(csv.body().split("\r\n")).containsExactly(
				"agent,day,login_sec,available_sec,ringing_sec,on_call_sec,paused_sec,unavailable_sec,occupancy_pct,"
						+ "utilization_pct,\"paused_sec:@Coffee, black\"",
				"\"'" + formula.replace("\"", "\"\"") + "\",2026-04-09,1200,600,0,0,600,0,0.00,0.00,600");

		HttpResponse<String> day1 = this.admin.get(path("/api/dashboard/agent-states.csv"));
		assertThat(day1.body().split("\r\n")).containsExactly(
				"agent,day,login_sec,available_sec,ringing_sec,on_call_sec,paused_sec,unavailable_sec,occupancy_pct,"
						+ "utilization_pct,\"paused_sec:\",\"paused_sec:Lunch\"",
				"\"" + this.agent + "\"," + DAY + ",8160,3600,60,1800,2400,300,32.97,22.06,600,1800");
	}

	@Test
	void badPeriodsAreProblems() {
		assertProblem(this.admin.get("/api/dashboard/agent-states?from=2026-04-08&to=2026-04-07"), "before");
		assertProblem(this.admin.get("/api/dashboard/agent-states?from=2024-01-01&to=2026-04-07"), "days at a time");
		assertProblem(this.admin.get("/api/dashboard/agent-states?from=2026-04-07&to=2026-04-07&zone=Mars/Olympus"),
				"zone");
		assertProblem(this.admin.get("/api/dashboard/agent-states?from=yesterday&to=2026-04-07"), "from");
		assertProblem(this.admin.get("/api/dashboard/agent-states?to=2026-04-07"), "from");
		assertProblem(this.admin.get("/api/dashboard/agent-states.csv?from=1900-01-01&to=1900-01-02"), "1970");
	}

	private static void assertProblem(HttpResponse<String> response, String mentioning) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).containsIgnoringCase(mentioning);
	}

	private String path(String endpoint) {
		return endpoint + "?from=" + DAY + "&to=" + DAY + "&zone=UTC&agent=" + this.agent;
	}

	private Http user(String role) {
		String name = role.toLowerCase() + "-" + this.run;
		if (this.jdbc.sql("select count(*) from app_user where username = ?").param(name).query(Long.class).single() == 0) {
			HttpResponse<String> created = this.admin.post("/api/users", """
					{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(name, PASSWORD, role,
					role.equals("AGENT") ? "\"" + this.agent + "\"" : "null"));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		return new Http(this.port, name, PASSWORD);
	}

	private void stretch(String agent, String state, @Nullable String reason, String from, String to) {
		stretch(agent, state, reason, Instant.parse(DAY + "T" + from + ":00Z"), Instant.parse(DAY + "T" + to + ":00Z"));
	}

	private void stretch(String agent, String state, @Nullable String reason, Instant from, Instant to) {
		this.jdbc.sql("""
				insert into agent_state_interval (agent, state, pause_reason, started_at, ended_at, seen_at)
				values (:agent, :state, :reason, :from, :to, :to)""")
			.param("agent", agent)
			.param("state", state)
			.param("reason", reason)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.update();
	}

}
