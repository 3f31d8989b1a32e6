package io.callqa.qaconsole.standardsreport;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

import static io.callqa.qaconsole.standardsreport.ReportCalls.criticalFail;
import static io.callqa.qaconsole.standardsreport.ReportCalls.fail;
import static io.callqa.qaconsole.standardsreport.ReportCalls.pass;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily standards report over real HTTP, on days of March 2026 no other test uses and agents of each test's own:
 * figures computed by hand (in the comments), mystery-shopper calls left out, the CSV, the weekly trend, who sees
 * which lines, refused parameters; days cut in another zone.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StandardsReportIntegrationTests {

	private static final String PASSWORD = "report-test-pw";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StandardsReportRepository repository;

	private String run;

	private String alice;

	private String bob;

	private Http supervisor;

	private ReportCalls calls;

	@BeforeEach
	void users() {
		this.run = UUID.randomUUID().toString().substring(0, 6);
		this.alice = "alice-" + this.run;
		this.bob = "bob-" + this.run;
		Http admin = new Http(this.port);
		for (String role : List.of("SUPERVISOR", "MANAGER")) {
			assertThat(admin.post("/api/users", """
					{"username":"s%s-%s","password":"%s","role":"%s","agentName":null}""".formatted(role.toLowerCase(),
					this.run, PASSWORD, role))
				.statusCode()).isEqualTo(201);
		}
		assertThat(admin.post("/api/users", """
				{"username":"sagent-%s","password":"%s","role":"AGENT","agentName":"%s"}""".formatted(this.run, PASSWORD,
				this.alice))
			.statusCode()).isEqualTo(201);
		this.supervisor = new Http(this.port, "ssupervisor-" + this.run, PASSWORD);
		this.calls = new ReportCalls(this.jdbc);
	}

	/**
	 * Alice on 2026-03-02: four calls checked (90 passed; 60; 0 with a critical fail; one with no score), a mystery
	 * call (10) left out; Bob one call in sales; Alice 100 on 03-03, and a promise on 03-04 with no evaluation.
	 */
	private void march() {
		long c1 = this.calls.scored(this.alice, "support", at("2026-03-02T09:00"), 90.0, pass("greeting"),
				fail("closing", "Closing"));
		this.calls.scored(this.alice, "support", at("2026-03-02T10:00"), 60.0, fail("closing", "Closing"),
				fail("empathy", "Empathy after a complaint"));
		this.calls.scored(this.alice, "support", at("2026-03-02T11:00"), 0.0,
				criticalFail("forbidden", "No forbidden phrases", "shut up"), fail("closing", "Closing"),
				fail("empathy", "Empathy after a complaint"), fail("name", "Agent's name"));
		long c4 = this.calls.scored(this.alice, "support", at("2026-03-02T12:00"), null);
		long mystery = this.calls.scored(this.alice, "support", at("2026-03-02T13:00"), 10.0,
				fail("greeting", "Greeting"));
		this.calls.mystery(mystery);
		this.calls.promise(c1, "BROKEN", 5);
		this.calls.promise(c1, "KEPT", 30);
		this.calls.promise(c4, "LATE", 5);
		this.calls.promise(mystery, "BROKEN", 5);
		this.calls.scored(this.bob, "sales", at("2026-03-02T09:30"), 70.0, fail("name", "Agent's name"));
		this.calls.scored(this.alice, "support", at("2026-03-03T09:00"), 100.0, pass("greeting"));
		this.calls.promise(this.calls.call(this.alice, "support", at("2026-03-04T09:00")), "OPEN", 5);
	}

	@Test
	void theFiguresShouldBeTheHandComputedOnesWithMysteryCallsLeftOut() {
		march();
		JsonNode report = get(this.supervisor, "/api/standards-report/daily?from=2026-03-02&to=2026-03-04&agent="
				+ this.alice);
		assertThat(report.get("zone").asString()).isEqualTo("UTC");
		assertThat(report.get("from").asString()).isEqualTo("2026-03-02");
		JsonNode lines = report.get("lines");
		assertThat(lines).hasSize(3);
		JsonNode first = lines.get(0);
		assertThat(first.get("agent").asString()).isEqualTo(this.alice);
		assertThat(first.get("day").asString()).isEqualTo("2026-03-02");
		// 4 checked, 3 with a score: (90 + 60 + 0) / 3 = 50; 1 of 3 passed = 33.33 %; the mystery call's 10 left out.
		assertThat(first.get("calls").asInt()).isEqualTo(4);
		assertThat(first.get("scored").asInt()).isEqualTo(3);
		assertThat(first.get("average").asDouble()).isEqualTo(50.0);
		assertThat(first.get("passShare").asDouble()).isEqualTo(33.33);
		assertThat(first.get("passMark").asDouble()).isEqualTo(80.0);
		assertThat(first.get("criticalFails").asInt()).isEqualTo(1);
		// closing failed 3 times, empathy 2, forbidden and name once each (a tie: by key, so forbidden); the mystery
		// call's greeting is not counted.
		assertThat(first.get("mostFailed")).hasSize(3);
		assertThat(first.get("mostFailed").get(0).get("key").asString()).isEqualTo("closing");
		assertThat(first.get("mostFailed").get(0).get("count").asInt()).isEqualTo(3);
		assertThat(first.get("mostFailed").get(1).get("label").asString()).isEqualTo("Empathy after a complaint");
		assertThat(first.get("mostFailed").get(1).get("count").asInt()).isEqualTo(2);
		assertThat(first.get("mostFailed").get(2).get("key").asString()).isEqualTo("forbidden");
		// Promises: 3 made on the day's calls (the mystery call's left out), 1 broken, 1 kept late.
		assertThat(first.get("promisesMade").asInt()).isEqualTo(3);
		assertThat(first.get("promisesBroken").asInt()).isEqualTo(1);
		assertThat(first.get("promisesLate").asInt()).isEqualTo(1);

		JsonNode second = lines.get(1);
		assertThat(second.get("day").asString()).isEqualTo("2026-03-03");
		assertThat(second.get("average").asDouble()).isEqualTo(100.0);
		assertThat(second.get("passShare").asDouble()).isEqualTo(100.0);
		assertThat(second.get("mostFailed")).isEmpty();
		assertThat(second.get("promisesMade").asInt()).isZero();
		// A day with a promise and no call checked still has its line.
		JsonNode third = lines.get(2);
		assertThat(third.get("day").asString()).isEqualTo("2026-03-04");
		assertThat(third.get("calls").asInt()).isZero();
		assertThat(third.get("average").isNull()).isTrue();
		assertThat(third.get("passShare").isNull()).isTrue();
		assertThat(third.get("promisesMade").asInt()).isEqualTo(1);

		// Without an agent: both agents' lines, by agent then day; the queue filter keeps Bob's.
		JsonNode all = get(this.supervisor, "/api/standards-report/daily?from=2026-03-02&to=2026-03-02");
		assertThat(agents(all)).contains(this.alice, this.bob);
		JsonNode sales = get(this.supervisor, "/api/standards-report/daily?from=2026-03-02&to=2026-03-02&queue=sales&agent="
				+ this.bob);
		assertThat(sales.get("lines")).hasSize(1);
		assertThat(sales.get("lines").get(0).get("average").asDouble()).isEqualTo(70.0);
		assertThat(sales.get("lines").get(0).get("passShare").asDouble()).isEqualTo(0.0);
		assertThat(get(this.supervisor, "/api/standards-report/daily?from=2026-03-02&to=2026-03-02&queue=sales&agent="
				+ this.alice).get("lines")).isEmpty();
	}

	@Test
	void theCsvShouldHoldTheSameLinesAndNeverStartAFormula() {
		String formula = "=HYPERLINK(\"x\")-" + this.run;
		this.calls.scored(formula, "support", at("2026-03-06T09:00"), 75.0, fail("closing", "Closing, \"polite\""),
				fail("name", "@name"));
		this.calls.scored(formula, "support", at("2026-03-06T10:00"), 85.0, fail("closing", "Closing, \"polite\""));
		HttpResponse<String> csv = this.supervisor.get("/api/standards-report/daily.csv?from=2026-03-06&to=2026-03-06&agent="
				+ java.net.URLEncoder.encode(formula, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"standards-report-2026-03-06-2026-03-06.csv\"");
		assertThat(csv.headers().firstValue("Content-Security-Policy").orElseThrow()).isEqualTo("sandbox");
		assertThat(csv.body().split("\r\n")).containsExactly(
				"agent,day,calls,scored,average,pass_share_pct,pass_mark,critical_fails,promises_made,promises_broken,"
						+ "promises_late,failed_item_1,failed_item_1_count,failed_item_2,failed_item_2_count,"
						+ "failed_item_3,failed_item_3_count",
				"\"'=HYPERLINK(\"\"x\"\")-" + this.run + "\",2026-03-06,2,2,80.0,50.0,80.0,0,0,0,0,"
						+ "\"Closing, \"\"polite\"\"\",2,\"'@name\",1,,");
	}

	@Test
	void theWeeklyTrendShouldAverageEachIsoWeek() {
		// 2026-03-02 is the Monday of ISO week 10; week 9 has nothing, week 11 has 70 and 80.
		march();
		this.calls.scored(this.alice, "support", at("2026-03-09T09:00"), 70.0);
		this.calls.scored(this.alice, "support", at("2026-03-15T23:00"), 80.0);
		JsonNode weekly = get(this.supervisor, "/api/standards-report/weekly?weeks=3&to=2026-03-11&agent=" + this.alice);
		assertThat(weekly.get("weeks").toString()).isEqualTo("[\"2026-W09\",\"2026-W10\",\"2026-W11\"]");
		JsonNode points = weekly.get("agents").get(0).get("weeks");
		assertThat(weekly.get("agents").get(0).get("agent").asString()).isEqualTo(this.alice);
		assertThat(points.get(0).get("calls").asInt()).isZero();
		assertThat(points.get(0).get("average").isNull()).isTrue();
		// Week 10: 90, 60, 0 (02-03) and 100 (03-03): 250 / 4 = 62.5; the mystery call and the unscored one left out.
		assertThat(points.get(1).get("monday").asString()).isEqualTo("2026-03-02");
		assertThat(points.get(1).get("calls").asInt()).isEqualTo(4);
		assertThat(points.get(1).get("average").asDouble()).isEqualTo(62.5);
		assertThat(points.get(2).get("average").asDouble()).isEqualTo(75.0);
	}

	@Test
	void anAgentShouldSeeOnlyTheirOwnLines() {
		march();
		Http agent = new Http(this.port, "sagent-" + this.run, PASSWORD);
		JsonNode own = get(agent, "/api/standards-report/daily?from=2026-03-02&to=2026-03-02");
		assertThat(agents(own)).containsExactly(this.alice);
		assertThat(agent.get("/api/standards-report/daily?from=2026-03-02&to=2026-03-02&agent=" + this.bob).statusCode())
			.isEqualTo(403);
		assertThat(agent.get("/api/standards-report/daily.csv?from=2026-03-02&to=2026-03-02&agent=" + this.bob)
			.statusCode()).isEqualTo(403);
		assertThat(agent.get("/api/standards-report/daily.csv?from=2026-03-02&to=2026-03-02").body())
			.contains(this.alice)
			.doesNotContain(this.bob);
		JsonNode weekly = get(agent, "/api/standards-report/weekly?weeks=2&to=2026-03-03");
		assertThat(weekly.get("agents")).hasSize(1);
		assertThat(weekly.get("agents").get(0).get("agent").asString()).isEqualTo(this.alice);

		Http manager = new Http(this.port, "smanager-" + this.run, PASSWORD);
		assertThat(agents(get(manager, "/api/standards-report/daily?from=2026-03-02&to=2026-03-02")))
			.contains(this.alice, this.bob);
		assertThat(Http.anonymous(this.port).get("/api/standards-report/daily").statusCode()).isEqualTo(401);
	}

	@Test
	void refusedParametersShouldBeProblems() {
		for (String query : List.of("daily?from=2026-03-05&to=2026-03-04", "daily?from=2025-01-01&to=2026-03-04",
				"daily?from=yesterday", "daily.csv?to=2026-13-01", "weekly?weeks=0", "weekly?weeks=105",
				"daily?from=0001-01-01&to=0001-01-02")) {
			HttpResponse<String> response = this.supervisor.get("/api/standards-report/" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(query)
				.startsWith("application/problem+json");
		}
	}

	@Test
	void daysShouldBeCutInTheConfiguredZone() {
		// 23:30 UTC on 03-07 is 00:30 on 03-08 in Berlin (UTC+1 in March before the 29th).
		this.calls.scored(this.alice, "support", at("2026-03-07T23:30"), 40.0);
		this.calls.scored(this.alice, "support", at("2026-03-07T12:00"), 60.0);
		StandardsReport berlin = new StandardsReport(this.repository,
				new StandardsReportProperties(ZoneId.of("Europe/Berlin"), 8, java.time.Duration.ofMinutes(1),
						java.time.Duration.ofHours(1), java.time.Duration.ofDays(7), false));
		List<StandardsReport.Line> lines = berlin
			.daily(LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-08"), this.alice, null)
			.lines();
		assertThat(lines).extracting(StandardsReport.Line::day)
			.containsExactly(LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-08"));
		assertThat(lines).extracting(StandardsReport.Line::average).containsExactly(60.0, 40.0);
		StandardsReport utc = new StandardsReport(this.repository,
				new StandardsReportProperties(ZoneId.of("UTC"), 8, java.time.Duration.ofMinutes(1),
						java.time.Duration.ofHours(1), java.time.Duration.ofDays(7), false));
		assertThat(utc.daily(LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-08"), this.alice, null).lines())
			.singleElement()
			.extracting(StandardsReport.Line::average)
			.isEqualTo(50.0);
	}

	private static List<String> agents(JsonNode report) {
		List<String> agents = new java.util.ArrayList<>();
		report.get("lines").forEach((line) -> agents.add(line.get("agent").asString()));
		return agents;
	}

	private static JsonNode get(Http http, String path) {
		HttpResponse<String> response = http.get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static Instant at(String localUtc) {
		return Instant.parse(localUtc + ":00Z");
	}

}
