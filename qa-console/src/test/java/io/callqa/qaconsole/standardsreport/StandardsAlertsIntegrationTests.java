package io.callqa.qaconsole.standardsreport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standards alerts with the clock given (days of April 2026 no other test uses; each test its own agents): a
 * failed critical item once per call whatever re-evaluations follow, with the item, its evidence and whether it is a
 * mystery-shopper call; a day under the pass mark once per agent and day, only once the day is over, caught up after
 * a restart, with the pass mark of the versions that scored the day's calls.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StandardsAlertsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StandardsAlerts alerts;

	private String run;

	private ReportCalls calls;

	@BeforeEach
	void calls() {
		this.run = UUID.randomUUID().toString().substring(0, 6);
		this.calls = new ReportCalls(this.jdbc);
	}

	@Test
	void aFailedCriticalItemShouldBeAlertedOncePerCall() {
		String agent = "crit-" + this.run;
		long call = this.calls.scored(agent, "support", at("2026-04-01T09:00"), 0.0,
				criticalFail("forbidden", "No forbidden phrases", "shut up"), fail("closing", "Closing"),
				new ReportCalls.Item("name", "Agent's name", true, "FAIL", null));
		long mystery = this.calls.scored(agent, "support", at("2026-04-01T10:00"), 0.0,
				criticalFail("forbidden", "No forbidden phrases", "whatever"));
		this.calls.mystery(mystery);
		long passed = this.calls.scored(agent, "support", at("2026-04-01T11:00"), 90.0, fail("closing", "Closing"));

		// Before the evaluations were made nothing is alerted; after them, the two calls once each.
		this.alerts.raiseCriticalFailures(at("2026-04-01T09:30"));
		assertThat(alertsOf(agent, "AUTOMATIC_FAILED_CRITICAL")).isEmpty();
		this.alerts.raiseCriticalFailures(at("2026-04-01T12:30"));
		this.alerts.raiseCriticalFailures(at("2026-04-01T12:31"));
		List<JsonNode> raised = alertsOf(agent, "AUTOMATIC_FAILED_CRITICAL");
		assertThat(raised).extracting((a) -> a.get("callId").asLong()).containsExactlyInAnyOrder(call, mystery);
		JsonNode regular = raised.stream().filter((a) -> a.get("callId").asLong() == call).findFirst().orElseThrow();
		assertThat(regular.get("detail").asString()).isEqualTo(
				"Critical item failed on the automatic check: No forbidden phrases (\"shut up\" at 12.4 s, agent); "
						+ "Agent's name (not said)");
		assertThat(regular.get("queue").asString()).isEqualTo("support");
		JsonNode test = raised.stream().filter((a) -> a.get("callId").asLong() == mystery).findFirst().orElseThrow();
		assertThat(test.get("detail").asString()).endsWith(
				"(\"whatever\" at 12.4 s, agent). Mystery-shopper test call (left out of the agent's averages)");

		// Evaluated again (a new transcript, a standard changed), still failing: no second alert.
		this.calls.evaluation(call, this.calls.defaultVersion, 0.0, false, at("2026-04-01T13:00"),
				criticalFail("forbidden", "No forbidden phrases", "shut up"));
		this.calls.evaluation(passed, this.calls.defaultVersion, 0.0, false, at("2026-04-01T13:00"),
				criticalFail("rude", "Polite", "no"));
		this.alerts.raiseCriticalFailures(at("2026-04-01T13:30"));
		// The call that passed before and fails a critical item now is alerted, once.
		assertThat(alertsOf(agent, "AUTOMATIC_FAILED_CRITICAL")).extracting((a) -> a.get("callId").asLong())
			.containsExactlyInAnyOrder(call, mystery, passed);
	}

	@Test
	void aCriticalFailureOlderThanTheCatchUpPeriodShouldNotBeAlerted() {
		String agent = "old-" + this.run;
		this.calls.scored(agent, "support", at("2026-04-02T09:00"), 0.0,
				criticalFail("forbidden", "No forbidden phrases", "shut up"));
		// Evaluated at 10:00 on 04-02; eight days later is past the 7 days a restart catches up with.
		this.alerts.raiseCriticalFailures(at("2026-04-10T10:01"));
		assertThat(alertsOf(agent, "AUTOMATIC_FAILED_CRITICAL")).isEmpty();
		// Within them (a server down for six days), it is raised.
		this.alerts.raiseCriticalFailures(at("2026-04-08T10:00"));
		assertThat(alertsOf(agent, "AUTOMATIC_FAILED_CRITICAL")).hasSize(1);
	}

	@Test
	void aDayUnderThePassMarkShouldBeAlertedOnceWhenItIsOver() {
		String under = "under-" + this.run;
		String above = "above-" + this.run;
		// Under: 70 and 80 = 75 < 80. Above: 85 and 95 = 90, and a mystery call of 0 that would make it 60.
		this.calls.scored(under, "support", at("2026-04-14T09:00"), 70.0);
		this.calls.scored(under, "support", at("2026-04-14T22:00"), 80.0);
		this.calls.scored(above, "support", at("2026-04-14T09:00"), 85.0);
		this.calls.scored(above, "support", at("2026-04-14T10:00"), 95.0);
		this.calls.mystery(this.calls.scored(above, "support", at("2026-04-14T11:00"), 0.0));

		// The day is not over, then not over its hour of grace (the last calls are still being scored).
		this.alerts.raiseBelowPassMark(at("2026-04-14T23:30"));
		this.alerts.raiseBelowPassMark(at("2026-04-15T00:59"));
		assertThat(alertsOf(under, "BELOW_PASS_MARK")).isEmpty();
		assertThat(checked(under)).isZero();
		this.alerts.raiseBelowPassMark(at("2026-04-15T01:00"));
		this.alerts.raiseBelowPassMark(at("2026-04-15T01:01"));
		List<JsonNode> raised = alertsOf(under, "BELOW_PASS_MARK");
		assertThat(raised).hasSize(1);
		assertThat(raised.get(0).get("detail").asString())
			.isEqualTo("Automatic average 75% of 2 calls on 2026-04-14 (UTC) is under the pass mark 80%");
		assertThat(raised.get(0).get("callId").isNull()).isTrue();
		assertThat(alertsOf(above, "BELOW_PASS_MARK")).isEmpty();
		assertThat(checked(above)).isOne();

		// A call of the day scored later makes its average worse: the day was checked, no second alert.
		this.calls.scored(under, "support", at("2026-04-14T23:00"), 10.0);
		this.alerts.raiseBelowPassMark(at("2026-04-15T12:00"));
		assertThat(alertsOf(under, "BELOW_PASS_MARK")).hasSize(1);
	}

	@Test
	void theJobShouldCatchUpOnTheDaysItMissedWithTheClockItIsGiven() {
		String agent = "restart-" + this.run;
		this.calls.scored(agent, "support", at("2026-04-20T09:00"), 50.0);
		this.calls.scored(agent, "support", at("2026-04-21T09:00"), 60.0,
				criticalFail("forbidden", "No forbidden phrases", "shut up"));
		// The server was down from the 20th to the 24th: its first run raises both days and the critical item.
		new StandardsAlertJob(this.alerts, Clock.fixed(at("2026-04-24T08:00"), ZoneOffset.UTC)).run();
		assertThat(alertsOf(agent, "BELOW_PASS_MARK")).extracting((a) -> a.get("detail").asString())
			.containsExactlyInAnyOrder(
					"Automatic average 50% of 1 call on 2026-04-20 (UTC) is under the pass mark 80%",
					"Automatic average 60% of 1 call on 2026-04-21 (UTC) is under the pass mark 80%");
		assertThat(alertsOf(agent, "AUTOMATIC_FAILED_CRITICAL")).hasSize(1);
		new StandardsAlertJob(this.alerts, Clock.fixed(at("2026-04-24T08:01"), ZoneOffset.UTC)).run();
		assertThat(alertsOf(agent, "BELOW_PASS_MARK")).hasSize(2);
		assertThat(alertsOf(agent, "AUTOMATIC_FAILED_CRITICAL")).hasSize(1);
	}

	@Test
	void callsScoredByVersionsWithDifferentPassMarksShouldBeHeldToTheirMean() {
		// 65 by a version with pass mark 60 and 76 by the default (80): average 70.5, pass mark (60 + 80) / 2 = 70.
		String mixed = "mixed-" + this.run;
		long lenient = this.calls.version("Lenient " + this.run, 60);
		long call = this.calls.call(mixed, "sales", at("2026-04-16T09:00"));
		this.calls.evaluation(call, lenient, 65.0, true, at("2026-04-16T10:00"));
		this.calls.scored(mixed, "support", at("2026-04-16T11:00"), 76.0);
		// 58 (pass mark 60) and 78 (80): average 68 under the mean pass mark 70.
		String low = "mixedlow-" + this.run;
		long lowCall = this.calls.call(low, "sales", at("2026-04-16T09:00"));
		this.calls.evaluation(lowCall, lenient, 58.0, false, at("2026-04-16T10:00"));
		this.calls.scored(low, "support", at("2026-04-16T11:00"), 78.0);

		this.alerts.raiseBelowPassMark(at("2026-04-17T02:00"));
		assertThat(alertsOf(mixed, "BELOW_PASS_MARK")).isEmpty();
		assertThat(alertsOf(low, "BELOW_PASS_MARK")).extracting((a) -> a.get("detail").asString())
			.containsExactly("Automatic average 68% of 2 calls on 2026-04-16 (UTC) is under the pass mark 70%");
	}

	@Test
	void theNewKindsShouldBeListedForSupervisorsOnly() {
		String agent = "list-" + this.run;
		this.calls.scored(agent, "support", at("2026-04-22T09:00"), 0.0,
				criticalFail("forbidden", "No forbidden phrases", "shut up"));
		this.alerts.raiseCriticalFailures(at("2026-04-22T11:00"));
		assertThat(alertsOf(agent, "AUTOMATIC_FAILED_CRITICAL")).hasSize(1);
		Http admin = new Http(this.port);
		assertThat(admin.post("/api/users", """
				{"username":"alagent-%s","password":"alert-test-pw","role":"AGENT","agentName":"%s"}""".formatted(this.run,
				agent))
			.statusCode()).isEqualTo(201);
		assertThat(new Http(this.port, "alagent-" + this.run, "alert-test-pw")
			.get("/api/alerts?kind=AUTOMATIC_FAILED_CRITICAL&agent=" + agent)
			.statusCode()).isEqualTo(403);
	}

	private List<JsonNode> alertsOf(String agent, String kind) {
		JsonNode alerts = Http.json(new Http(this.port).get("/api/alerts?open=false&kind=" + kind + "&agent=" + agent));
		List<JsonNode> list = new java.util.ArrayList<>();
		alerts.forEach(list::add);
		return list;
	}

	private int checked(String agent) {
		return this.jdbc.sql("select count(*) from pass_mark_check where agent = :agent")
			.param("agent", agent)
			.query(Integer.class)
			.single();
	}

	private static Instant at(String localUtc) {
		return Instant.parse(localUtc + ":00Z");
	}

}
