package io.callqa.qaconsole.review;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review queue over real HTTP on a day no other test uses: what is in it and why, its order, pages and filters,
 * what drops out once reviewed, who may read it, and refused parameters.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewQueueIntegrationTests {

	private static final String PASSWORD = "review-test-pw";

	/** Each test gets its own day of this month, far from any other test's calls. */
	private static int nextDay = 1;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String run;

	private String day;

	private Http supervisor;

	@BeforeEach
	void users() {
		this.run = UUID.randomUUID().toString().substring(0, 6);
		this.day = "2026-07-%02d".formatted(nextDay++);
		Http admin = new Http(this.port);
		for (String role : List.of("SUPERVISOR", "MANAGER")) {
			assertThat(admin.post("/api/users", """
					{"username":"r%s-%s","password":"%s","role":"%s","agentName":null}""".formatted(role.toLowerCase(),
					this.run, PASSWORD, role))
				.statusCode()).isEqualTo(201);
		}
		assertThat(admin.post("/api/users", """
				{"username":"ragent-%s","password":"%s","role":"AGENT","agentName":"ragent-%s"}""".formatted(this.run,
				PASSWORD, this.run))
			.statusCode()).isEqualTo(201);
		this.supervisor = new Http(this.port, "rsupervisor-" + this.run, PASSWORD);
	}

	@Test
	void eachReasonShouldPlaceItsCallsInTheDocumentedOrder() {
		String alice = "alice-" + this.run;
		String bob = "bob-" + this.run;
		ReviewCalls calls = new ReviewCalls(this.jdbc);
		long critical = calls.call(alice, "support", at("09:00"));
		calls.automatic(critical, alice, 0, true, at("09:05"));
		long disputed = calls.call(bob, "sales", at("08:00"));
		calls.disputed(disputed, bob, 65, "I did say my name", at("10:00"));
		long broken = calls.call(alice, "support", at("07:00"));
		calls.brokenPromise(broken, alice, "support", at("08:00"));
		long lowSurvey = calls.call(bob, "support", at("06:00"));
		calls.lowSurvey(lowSurvey, bob, "support", 2, at("06:10"));
		long lowest = calls.call(bob, "support", at("11:00"));
		calls.automatic(lowest, bob, 40, false, at("11:05"));
		long low = calls.call(alice, "support", at("12:00"));
		calls.automatic(low, alice, 70, false, at("12:05"));
		// Not in the queue: a passing score, a critical fail already confirmed, a low score from another period.
		calls.automatic(calls.call(alice, "support", at("13:00")), alice, 95, false, at("13:05"));
		long seen = calls.call(alice, "support", at("14:00"));
		calls.confirmed(calls.automatic(seen, alice, 0, true, at("14:05")), "forbidden");
		calls.automatic(calls.call(alice, "support", at("15:00")), alice, 10, false,
				Instant.parse(this.day + "T15:05:00Z").minusSeconds(3 * 86400));

		JsonNode page = get(period());
		assertThat(callIds(page)).containsExactly(critical, disputed, broken, lowSurvey, lowest, low);
		assertThat(page.get("total").asInt()).isEqualTo(6);
		assertThat(reasons(page)).containsExactly("CRITICAL_FAILED", "DISPUTED", "BROKEN_PROMISE", "LOW_SURVEY",
				"LOW_AUTOMATIC_SCORE", "LOW_AUTOMATIC_SCORE");
		JsonNode first = page.get("items").get(0);
		assertThat(first.get("priority").asInt()).isEqualTo(1);
		assertThat(first.get("link").asString()).isEqualTo("/call.html?id=" + critical);
		assertThat(first.get("detail").asString()).isEqualTo("Critical item failed: No forbidden phrases");
		assertThat(first.get("agent").asString()).isEqualTo(alice);
		assertThat(first.get("queue").asString()).isEqualTo("support");
		assertThat(first.get("reasons").get(1).get("kind").asString()).isEqualTo("LOW_AUTOMATIC_SCORE");
		assertThat(page.get("items").get(1).get("detail").asString())
			.isEqualTo("Evaluation (65%) disputed: I did say my name");
		assertThat(page.get("items").get(3).get("reasons").get(0).get("score").asDouble()).isEqualTo(2.0);
		assertThat(page.get("items").get(4).get("detail").asString())
			.isEqualTo("Automatic score 40% under the pass mark 80%");
		assertThat(page.get("counts").get("LOW_AUTOMATIC_SCORE").asInt()).isEqualTo(3);
		assertThat(page.get("counts").get("CRITICAL_FAILED").asInt()).isEqualTo(1);

		assertThat(callIds(get(period() + "&limit=2&offset=2"))).containsExactly(broken, lowSurvey);
		assertThat(callIds(get(period() + "&reason=LOW_AUTOMATIC_SCORE"))).containsExactly(critical, lowest, low);
		assertThat(callIds(get(period() + "&reason=DISPUTED&reason=LOW_SURVEY"))).containsExactly(disputed, lowSurvey);
		assertThat(callIds(get(period() + "&agent=" + bob))).containsExactly(disputed, lowSurvey, lowest);
		assertThat(callIds(get(period() + "&queue=sales"))).containsExactly(disputed);

		// Reviewed: the critical item confirmed, the call leaves the queue (its low score was looked at too).
		calls.confirmed(this.jdbc.sql("select id from automatic_evaluation where call_id = :c and current")
			.param("c", critical)
			.query(Long.class)
			.single(), "forbidden");
		assertThat(callIds(get(period()))).containsExactly(disputed, broken, lowSurvey, lowest, low);
	}

	@Test
	void withinAReasonTheCallsShouldBeOrderedAsDocumented() {
		String agent = "carol-" + this.run;
		ReviewCalls calls = new ReviewCalls(this.jdbc);
		long olderCritical = calls.call(agent, "support", at("08:00"));
		calls.automatic(olderCritical, agent, 0, true, at("08:05"));
		long newerCritical = calls.call(agent, "support", at("07:00"));
		calls.automatic(newerCritical, agent, 0, true, at("09:05"));
		long newerDispute = calls.call(agent, "support", at("06:00"));
		calls.disputed(newerDispute, agent, 70, null, at("11:00"));
		long olderDispute = calls.call(agent, "support", at("06:30"));
		calls.disputed(olderDispute, agent, 70, null, at("10:00"));
		long laterBroken = calls.call(agent, "support", at("05:00"));
		calls.brokenPromise(laterBroken, agent, "support", at("12:00"));
		long earlierBroken = calls.call(agent, "support", at("05:30"));
		calls.brokenPromise(earlierBroken, agent, "support", at("11:30"));
		long fourOfTen = calls.call(agent, "support", at("04:00"));
		calls.lowSurvey(fourOfTen, agent, "support", 4, at("04:30"));
		long zeroOfTen = calls.call(agent, "support", at("03:00"));
		calls.lowSurvey(zeroOfTen, agent, "support", 0, at("03:30"));

		assertThat(callIds(get(period()))).containsExactly(newerCritical, olderCritical, olderDispute, newerDispute,
				earlierBroken, laterBroken, zeroOfTen, fourOfTen);
	}

	@Test
	void managersShouldReadTheQueueAndAgentsShouldNot() {
		ReviewCalls calls = new ReviewCalls(this.jdbc);
		long call = calls.call("ragent-" + this.run, "support", at("09:00"));
		calls.automatic(call, "ragent-" + this.run, 0, true, at("09:05"));

		assertThat(callIds(Http.json(new Http(this.port, "rmanager-" + this.run, PASSWORD)
			.get("/api/review-queue" + period())))).containsExactly(call);
		assertThat(callIds(Http.json(new Http(this.port).get("/api/review-queue" + period())))).containsExactly(call);
		HttpResponse<String> agent = new Http(this.port, "ragent-" + this.run, PASSWORD)
			.get("/api/review-queue" + period());
		assertThat(agent.statusCode()).isEqualTo(403);
		// Not the bare id: call 40 is in "403".
		assertThat(agent.body()).doesNotContain("callId", "items");
		assertThat(Http.anonymous(this.port).get("/api/review-queue" + period()).statusCode()).isEqualTo(401);
	}

	@Test
	void badParametersShouldBeRefusedWithAProblem() {
		for (String bad : List.of("?from=2026-07-02T00:00:00Z&to=2026-07-01T00:00:00Z",
				"?from=2025-01-01T00:00:00Z&to=2026-07-01T00:00:00Z", "?from=yesterday", "?limit=0", "?limit=201",
				"?offset=-1", "?reason=LOUD")) {
			HttpResponse<String> response = this.supervisor.get("/api/review-queue" + bad);
			assertThat(response.statusCode()).as(bad).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(bad)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).as(bad).doesNotContain("Exception");
		}
		// Without a period: the last 7 days.
		JsonNode page = get("");
		assertThat(Instant.parse(page.get("to").asString())).isBetween(Instant.now().minusSeconds(60), Instant.now());
		assertThat(Instant.parse(page.get("from").asString()))
			.isEqualTo(Instant.parse(page.get("to").asString()).minusSeconds(7 * 86400));
	}

	private String period() {
		return "?from=" + this.day + "T00:00:00Z&to=" + this.day + "T23:59:59Z";
	}

	private Instant at(String time) {
		return Instant.parse(this.day + "T" + time + ":00Z");
	}

	private JsonNode get(String query) {
		HttpResponse<String> response = this.supervisor.get("/api/review-queue" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static List<Long> callIds(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("callId").asLong()));
		return ids;
	}

	private static List<String> reasons(JsonNode page) {
		List<String> kinds = new ArrayList<>();
		page.get("items").forEach((item) -> kinds.add(item.get("reason").asString()));
		return kinds;
	}

}
