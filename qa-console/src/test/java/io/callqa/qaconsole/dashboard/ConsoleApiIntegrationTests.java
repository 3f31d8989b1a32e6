package io.callqa.qaconsole.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

/**
 * The console's own API over real HTTP: call lists scoped to the agent, the agent's live call with the caller's
 * history, the dashboard's satisfaction and NPS for a scripted day, the CSV export and the search filters on outcome.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleApiIntegrationTests {

	private static final String PASSWORD = "console-pass-1";

	private static final Instant DAY = Instant.parse("2026-02-03T00:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http admin;

	Http agent;

	Http otherAgent;

	@BeforeAll
	void users() {
		this.admin = new Http(this.port);
		for (String name : new String[] { "con-agent", "con-other" }) {
			HttpResponse<String> created = this.admin.post("/api/users", """
					{"username":"%s","password":"%s","role":"AGENT","agentName":"%s"}""".formatted(name, PASSWORD, name));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		this.agent = new Http(this.port, "con-agent", PASSWORD);
		this.otherAgent = new Http(this.port, "con-other", PASSWORD);
	}

	@Test
	void anAgentOnACallSeesTheCallersHistoryAndNobodyElsesCallerIsOpenToThem() {
		long earlier = call("con-agent", "5550777", "ENDED", "ANSWERED", DAY.plusSeconds(3600));
		long live = call("con-agent", "5550777", "ACTIVE", null, Instant.now().minusSeconds(30));
		this.jdbc.sql("update call set answered_at = now() where id = :id").param("id", live).update();
		this.jdbc.sql("""
				insert into survey_response (call_id, agent, queue, score, answered_at)
				values (:id, 'con-agent', 'con-q', 4, :at)""").param("id", earlier)
			.param("at", Timestamp.from(DAY.plusSeconds(3700))).update();
		this.jdbc.sql("""
				insert into callback_request (queue, number, source, requested_at, promised_by, next_attempt_at, state,
				  max_attempts) values ('con-q', '5550777', 'AGENT', now(), now() + interval '1 hour', now(), 'OPEN', 3)""")
			.update();

		JsonNode liveCall = Http.json(this.agent.get("/api/me/live-call"));
		assertThat(liveCall.path("call").path("id").asLong()).isEqualTo(live);
		JsonNode history = liveCall.path("history");
		assertThat(history.path("calls")).extracting((c) -> c.path("id").asLong()).containsExactly(earlier);
		assertThat(history.path("openCallbacks")).hasSize(1);
		assertThat(history.path("lastSurvey").path("score").asInt()).isEqualTo(4);

		assertThat(this.otherAgent.get("/api/callers/5550777/history").statusCode()).isEqualTo(403);
		assertThat(this.admin.get("/api/callers/5550777/history").statusCode()).isEqualTo(200);
		assertThat(Http.json(this.otherAgent.get("/api/me/live-call")).path("call").isNull()).isTrue();
	}

	@Test
	void callListsOfAnAgentHoldOnlyTheirCalls() {
		call("con-agent", "5550101", "ENDED", "ANSWERED", DAY.plusSeconds(100));
		call("con-other", "5550102", "ENDED", "ANSWERED", DAY.plusSeconds(200));
		JsonNode mine = Http.json(this.agent.get("/api/calls?agent=con-other&limit=100"));
		assertThat(mine).isNotEmpty().allSatisfy((row) -> assertThat(row.path("agent").asString()).isEqualTo("con-agent"));
		JsonNode all = Http.json(this.admin.get("/api/calls?agent=con-other&limit=100"));
		assertThat(all).isNotEmpty().allSatisfy((row) -> assertThat(row.path("agent").asString()).isEqualTo("con-other"));
	}

	@Test
	void theDashboardReportsSatisfactionNpsAndExportsCsv() {
		Instant day = Instant.parse("2026-02-10T00:00:00Z");
		long call = call("con-agent", "5550200", "ENDED", "ANSWERED", day.plusSeconds(3600));
		// Scores 10, 9, 7, 3: average 29 / 4 = 7.25; promoters 2 (9-10), detractors 1 (0-6): NPS 100 * (2 - 1) / 4 = 25.
		for (int score : new int[] { 10, 9, 7, 3 }) {
			this.jdbc.sql("""
					insert into survey_response (call_id, agent, queue, score, answered_at)
					values (:id, 'con-agent', 'con-q', :s, :at)""").param("id", call).param("s", score)
				.param("at", Timestamp.from(day.plusSeconds(4000))).update();
		}
		String range = "from=" + day + "&to=" + day.plus(Duration.ofDays(1));
		JsonNode dashboard = Http.json(this.admin.get("/api/dashboard?groupBy=HOUR&" + range));
		JsonNode satisfaction = dashboard.path("satisfaction");
		assertThat(satisfaction.path("responses").asLong()).isEqualTo(4);
		assertThat(satisfaction.path("average").asDouble()).isCloseTo(7.25, within(0.001));
		assertThat(satisfaction.path("nps").asDouble()).isCloseTo(25.0, within(0.001));
		assertThat(dashboard.path("queues").get(0).path("key").asString()).isEqualTo("con-q");
		assertThat(dashboard.path("totalCalls").path("offered").asLong()).isEqualTo(1);
		assertThat(dashboard.path("totalCalls").path("key").asString()).isEqualTo("all");
		assertThat(dashboard.path("leaderboard")).anySatisfy((row) -> {
			assertThat(row.path("agent").asString()).isEqualTo("con-agent");
			assertThat(row.path("answered").asLong()).isEqualTo(1);
		});

		HttpResponse<String> csv = this.admin.get("/api/dashboard/export.csv?groupBy=QUEUE&" + range);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type)
			.startsWith("text/csv"));
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).startsWith("key,offered,answered");
		assertThat(csv.body()).contains("\"con-q\",1,1,");
		assertThat(this.agent.get("/api/dashboard?" + range).statusCode()).isEqualTo(403);
	}

	@Test
	void searchFiltersOnOutcome() {
		long answered = upload("con-filter-a");
		long abandoned = upload("con-filter-b");
		this.jdbc.sql("update call set outcome = 'ANSWERED' where id = :id").param("id", answered).update();
		this.jdbc.sql("update call set outcome = 'ABANDONED' where id = :id").param("id", abandoned).update();
		Eventually.await("both searchable", Duration.ofSeconds(90),
				() -> Http.json(this.admin.get("/api/search?q=*:*&queue=con-filter&size=100")).path("total").asLong(),
				(total) -> total >= 2);
		JsonNode hits = Http.json(this.admin.get("/api/search?q=*:*&queue=con-filter&outcome=ANSWERED")).path("hits");
		assertThat(hits).extracting((hit) -> hit.path("callId").asLong()).containsExactly(answered);
		assertThat(Http.json(this.admin.get("/api/search?q=*:*&queue=con-filter&minScore=50")).path("total").asLong())
			.as("no call is scored yet").isZero();
	}

	private long call(String agent, String number, String state, String outcome, Instant startedAt) {
		return this.jdbc.sql("""
				insert into call (source, server, linkedid, agent, queue, caller_number, direction, started_at,
				  entered_at, ended_at, state, outcome, wait_sec, talk_sec)
				values ('ASTERISK', 'pbx1', gen_random_uuid()::text, :agent, 'con-q', :number, 'INBOUND', :at, :at,
				  case when :state = 'ENDED' then cast(:at as timestamptz) + interval '60 seconds' end, :state, :outcome,
				  5, 55) returning id""")
			.param("agent", agent)
			.param("number", number)
			.param("at", Timestamp.from(startedAt))
			.param("state", state)
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

	private long upload(String agent) {
		HttpResponse<String> response = this.admin.upload("/api/recordings", Fixtures.audio("refund-8k.wav"),
				Map.of("agent", agent, "queue", "con-filter"));
		return Http.json(response).path("callId").asLong();
	}

}
