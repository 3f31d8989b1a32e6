package io.callqa.qaconsole.mystery;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.autoscore.ScriptedCalls;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.TranscriptReady;

import static io.callqa.qaconsole.autoscore.ScriptedCalls.agent;
import static io.callqa.qaconsole.autoscore.ScriptedCalls.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mystery-shopper calls over real HTTP with the real rules and database: a call from a listed number is marked before
 * it is scored and scored with the mystery-shopper standard; adding a number marks its recent calls and scores them
 * again; marking and unmarking by API score again (and an unmarked call stays unmarked); the report shows test calls
 * apart and the agents' automatic averages leave them out; agents get none of it.
 */
// The same configuration as autoscore's integration tests: one Spring context (and embedded PostgreSQL) for both.
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "callqa.autoscore.sweep-interval=1s")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MysteryShopperIntegrationTests {

	private static final String PASSWORD = "mystery-test-pw-1";

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** The queue's standard: the greeting and "anything else". */
	private static final String QUEUE_SCORECARD = """
			{"passThreshold":80,"sections":[{"name":"Call","items":[
			 {"key":"greeting","label":"Greets with the company phrase","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"thank you for calling\\"","speaker":"AGENT","window":{"kind":"FIRST","seconds":15}}},
			 {"key":"anything-else","label":"Asks if there is anything else","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"anything else\\"","speaker":"AGENT"}}]}]}""";

	/** The shoppers' own: the agent's name, and the return policy the shopper asks about. */
	private static final String MYSTERY_SCORECARD = """
			{"passThreshold":80,"sections":[{"name":"Test call","items":[
			 {"key":"name","label":"Says their name","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"my name is\\"","speaker":"AGENT","window":{"kind":"FIRST","seconds":15}}},
			 {"key":"returns","label":"Explains the thirty days return","weight":3,"type":"YES_NO","critical":true,
			  "rule":{"kind":"SAID","query":"\\"thirty days\\"","speaker":"AGENT"}}]}]}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	Http admin;

	Http supervisor;

	Http manager;

	Http agent;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final String queue = "mystery-q-" + this.suffix;

	final String agentName = "mystery-a-" + this.suffix;

	long queueVersion;

	long mysteryStandard;

	long mysteryVersion;

	ScriptedCalls calls;

	@BeforeAll
	void usersStandardsAndTheSetting() {
		this.admin = new Http(this.port);
		user("mystery-sup-" + this.suffix, "SUPERVISOR", null);
		user("mystery-man-" + this.suffix, "MANAGER", null);
		user(this.agentName, "AGENT", this.agentName);
		this.supervisor = new Http(this.port, "mystery-sup-" + this.suffix, PASSWORD);
		this.manager = new Http(this.port, "mystery-man-" + this.suffix, PASSWORD);
		this.agent = new Http(this.port, this.agentName, PASSWORD);
		JsonNode queueStandard = standard("Mystery queue " + this.suffix, QUEUE_SCORECARD);
		this.queueVersion = queueStandard.path("current").path("id").asLong();
		HttpResponse<String> assigned = this.supervisor.put("/api/queues/" + this.queue + "/standard",
				"{\"standardId\":" + queueStandard.path("standard").path("id").asLong() + "}");
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		JsonNode mystery = standard("Mystery shopper " + this.suffix, MYSTERY_SCORECARD);
		this.mysteryStandard = mystery.path("standard").path("id").asLong();
		this.mysteryVersion = mystery.path("current").path("id").asLong();
		HttpResponse<String> set = this.supervisor.put("/api/mystery-shopper/settings",
				"{\"standardId\":" + this.mysteryStandard + "}");
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		assertThat(Http.json(set).path("standardName").asString()).isEqualTo("Mystery shopper " + this.suffix);
		this.calls = new ScriptedCalls(this.jdbc);
	}

	@Test
	void callFromAListedNumberShouldBeMarkedBeforeItIsScoredWithTheMysteryShopperStandard() {
		String number = number();
		HttpResponse<String> added = this.supervisor.post("/api/mystery-shopper/numbers",
				"{\"number\":\" " + dashed(number) + " \",\"note\":\"the shopper's phone\",\"markDays\":0}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		assertThat(Http.json(added).path("number").path("number").asString()).isEqualTo(number);
		assertThat(Http.json(added).path("markedCalls").asInt()).isZero();
		assertThat(Http.json(this.supervisor.get("/api/mystery-shopper/numbers")).valueStream()
			.filter((n) -> n.path("number").asString().equals(number))
			.findFirst()
			.orElseThrow()
			.path("note")
			.asString()).isEqualTo("the shopper's phone");

		long test = shopperCall(number, Instant.now());
		long regular = shopperCall(number(), Instant.now());
		this.events.publishEvent(new TranscriptReady(test));
		this.events.publishEvent(new TranscriptReady(regular));

		JsonNode scored = awaitEvaluation(test);
		assertThat(scored.path("scorecardVersionId").asLong()).isEqualTo(this.mysteryVersion);
		assertThat(scored.path("automatic").path("score").asDouble()).isEqualTo(100.0);
		assertThat(awaitEvaluation(regular).path("scorecardVersionId").asLong()).isEqualTo(this.queueVersion);
		JsonNode mark = Http.json(this.supervisor.get("/api/calls/" + test + "/mystery-shopper"));
		assertThat(mark.path("marked").asBoolean()).isTrue();
		assertThat(mark.path("source").asString()).isEqualTo("NUMBER");
		assertThat(Http.json(this.manager.get("/api/calls/" + regular + "/mystery-shopper")).path("marked").asBoolean())
			.isFalse();
	}

	@Test
	void addingANumberShouldMarkItsCallsOfTheLastDaysAndScoreThemAgain() {
		String number = number();
		long recent = shopperCall(number, Instant.now().minus(Duration.ofDays(3)));
		long old = shopperCall(number, Instant.now().minus(Duration.ofDays(20)));
		this.events.publishEvent(new TranscriptReady(recent));
		this.events.publishEvent(new TranscriptReady(old));
		JsonNode before = awaitEvaluation(recent);
		assertThat(before.path("scorecardVersionId").asLong()).isEqualTo(this.queueVersion);
		assertThat(awaitEvaluation(old).path("scorecardVersionId").asLong()).isEqualTo(this.queueVersion);

		HttpResponse<String> added = this.supervisor.post("/api/mystery-shopper/numbers",
				"{\"number\":\"" + number + "\",\"markDays\":7}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		assertThat(Http.json(added).path("markedCalls").asInt()).isEqualTo(1);
		assertThat(Http.json(added).path("rescoredCalls").asInt()).isEqualTo(1);
		JsonNode after = evaluation(recent);
		assertThat(after.path("scorecardVersionId").asLong()).isEqualTo(this.mysteryVersion);
		assertThat(after.path("earlier").get(0).path("evaluationId").asLong())
			.isEqualTo(before.path("evaluationId").asLong());
		assertThat(evaluation(old).path("scorecardVersionId").asLong()).isEqualTo(this.queueVersion);
		assertThat(marked(old)).isFalse();

		// Refused: listed already, not a number, too many days; each a problem, nothing changed.
		assertProblem(this.supervisor.post("/api/mystery-shopper/numbers", "{\"number\":\"" + number + "\"}"), 409);
		assertProblem(this.supervisor.post("/api/mystery-shopper/numbers", "{\"number\":\"call me\"}"), 400);
		assertProblem(this.supervisor.post("/api/mystery-shopper/numbers", "{}"), 400);
		assertProblem(this.supervisor.post("/api/mystery-shopper/numbers",
				"{\"number\":\"" + number() + "\",\"markDays\":400}"), 400);

		// Off the list: later calls are regular ones, the calls marked so far stay test calls.
		assertThat(this.supervisor.delete("/api/mystery-shopper/numbers/" + number).statusCode()).isEqualTo(204);
		assertProblem(this.supervisor.delete("/api/mystery-shopper/numbers/" + number), 404);
		long later = shopperCall(number, Instant.now());
		this.events.publishEvent(new TranscriptReady(later));
		assertThat(awaitEvaluation(later).path("scorecardVersionId").asLong()).isEqualTo(this.queueVersion);
		assertThat(marked(later)).isFalse();
		assertThat(marked(recent)).isTrue();
	}

	@Test
	void markingAndUnmarkingByApiShouldScoreTheCallAgainAndAnUnmarkedCallShouldStayUnmarked() {
		String number = number();
		assertThat(this.supervisor.post("/api/mystery-shopper/numbers", "{\"number\":\"" + number + "\",\"markDays\":0}")
			.statusCode()).isEqualTo(201);
		long listed = shopperCall(number, Instant.now());
		this.events.publishEvent(new TranscriptReady(listed));
		assertThat(awaitEvaluation(listed).path("scorecardVersionId").asLong()).isEqualTo(this.mysteryVersion);

		HttpResponse<String> unmarked = this.supervisor.delete("/api/calls/" + listed + "/mystery-shopper");
		assertThat(unmarked.statusCode()).as(unmarked.body()).isEqualTo(200);
		assertThat(Http.json(unmarked).path("marked").asBoolean()).isFalse();
		JsonNode regular = evaluation(listed);
		assertThat(regular.path("scorecardVersionId").asLong()).isEqualTo(this.queueVersion);
		// Scored again later (a new transcript): the listed number does not mark it again.
		this.events.publishEvent(new TranscriptReady(listed));
		JsonNode again = Http.json(Eventually.await("call " + listed + " scored again", WAIT,
				() -> this.supervisor.get("/api/calls/" + listed + "/automatic-evaluation"),
				(response) -> Http.json(response).path("evaluationId").asLong() != regular.path("evaluationId")
					.asLong()));
		assertThat(again.path("scorecardVersionId").asLong()).isEqualTo(this.queueVersion);
		assertThat(marked(listed)).isFalse();

		long call = shopperCall(number(), Instant.now());
		this.events.publishEvent(new TranscriptReady(call));
		assertThat(awaitEvaluation(call).path("scorecardVersionId").asLong()).isEqualTo(this.queueVersion);
		HttpResponse<String> marked = this.supervisor.post("/api/calls/" + call + "/mystery-shopper", "");
		assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
		assertThat(Http.json(marked).path("source").asString()).isEqualTo("API");
		assertThat(Http.json(marked).path("markedBy").asString()).isEqualTo("mystery-sup-" + this.suffix);
		assertThat(evaluation(call).path("scorecardVersionId").asLong()).isEqualTo(this.mysteryVersion);
		// Marking again changes nothing; the listed call can be marked again by API.
		assertThat(this.supervisor.post("/api/calls/" + call + "/mystery-shopper", "").statusCode()).isEqualTo(200);
		assertThat(Http.json(this.admin.post("/api/calls/" + listed + "/mystery-shopper", "")).path("marked")
			.asBoolean()).isTrue();
		assertProblem(this.supervisor.post("/api/calls/987654321/mystery-shopper", ""), 404);
		assertProblem(this.supervisor.get("/api/calls/987654321/mystery-shopper"), 404);
	}

	@Test
	void reportShouldShowTestCallsApartAndTheAgentsAveragesShouldLeaveThemOut() {
		String agentOnly = "mystery-r-" + this.suffix;
		Instant day = Instant.parse("2035-04-02T10:00:00Z");
		long regular = this.calls.add(agentOnly, this.queue, number(), day,
				agent(0.5, "thank you for calling sunrise"), customer(3, "hello"),
				agent(5, "is there anything else"));
		long test = this.calls.add(agentOnly, this.queue, number(), day.plusSeconds(600),
				agent(0.5, "hello"), customer(2, "can i return a product"), agent(5, "no you cannot"));
		assertThat(this.supervisor.post("/api/calls/" + test + "/mystery-shopper", "").statusCode()).isEqualTo(200);
		this.events.publishEvent(new TranscriptReady(regular));
		assertThat(awaitEvaluation(regular).path("automatic").path("score").asDouble()).isEqualTo(100.0);
		JsonNode failed = awaitEvaluation(test);
		assertThat(failed.path("scorecardVersionId").asLong()).isEqualTo(this.mysteryVersion);
		assertThat(failed.path("automatic").path("score").asDouble()).isZero();

		// The agents' automatic averages (leaderboard line, agent page): the regular call only.
		JsonNode averages = Http.json(this.supervisor.get("/api/automatic-evaluations/agents"));
		JsonNode line = averages.valueStream()
			.filter((a) -> a.path("agent").asString().equals(agentOnly))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line for " + agentOnly + " in " + averages));
		assertThat(line.path("average").asDouble()).isEqualTo(100.0);
		assertThat(line.path("calls").asLong()).isEqualTo(1);

		// The review queue: a test call's automatic failures are read in the report below, not queued for review.
		JsonNode queued = Http.json(this.supervisor.get("/api/review-queue?agent=" + agentOnly));
		assertThat(queued.path("items").isArray()).isTrue();
		assertThat(queued.path("items").valueStream().map((i) -> i.path("callId").asLong())).doesNotContain(test);

		JsonNode report = Http.json(this.manager.get("/api/mystery-shopper/report?from=2035-04-02T00:00:00Z"
				+ "&to=2035-04-03T00:00:00Z"));
		assertThat(report.path("standardId").asLong()).isEqualTo(this.mysteryStandard);
		List<JsonNode> theirs = report.path("calls").valueStream()
			.filter((c) -> agentOnly.equals(c.path("agent").asString(null)))
			.toList();
		assertThat(theirs).hasSize(1);
		JsonNode reported = theirs.get(0);
		assertThat(reported.path("callId").asLong()).isEqualTo(test);
		assertThat(reported.path("source").asString()).isEqualTo("API");
		assertThat(reported.path("score").asDouble()).isZero();
		assertThat(reported.path("passed").asBoolean()).isFalse();
		assertThat(reported.path("criticalFailed").asBoolean()).isTrue();
		assertThat(reported.path("standard").asString()).isEqualTo("Mystery shopper " + this.suffix);
		assertThat(reported.path("failedItems").valueStream().map((i) -> i.path("key").asString()))
			.containsExactly("name", "returns");
		JsonNode agentLine = report.path("agents").valueStream()
			.filter((a) -> a.path("agent").asString().equals(agentOnly))
			.findFirst()
			.orElseThrow();
		assertThat(agentLine.path("calls").asInt()).isEqualTo(1);
		assertThat(agentLine.path("scored").asInt()).isEqualTo(1);
		assertThat(agentLine.path("average").asDouble()).isZero();
		assertThat(agentLine.path("passed").asInt()).isZero();
		assertThat(agentLine.path("passShare").asDouble()).isZero();
		assertThat(agentLine.path("criticalFailed").asInt()).isEqualTo(1);
		// Outside the period: not reported.
		assertThat(Http.json(this.supervisor.get("/api/mystery-shopper/report?from=2035-04-03T00:00:00Z"
				+ "&to=2035-04-04T00:00:00Z")).path("calls").valueStream()
			.filter((c) -> agentOnly.equals(c.path("agent").asString(null)))).isEmpty();
		assertProblem(this.supervisor.get("/api/mystery-shopper/report?from=2035-04-03T00:00:00Z"
				+ "&to=2035-04-02T00:00:00Z"), 400);
		assertProblem(this.supervisor.get("/api/mystery-shopper/report?from=yesterday"), 400);
	}

	@Test
	void agentsShouldGetNoneOfItAndManagersOnlyTheReport() {
		long call = shopperCall(number(), Instant.now());
		// Agents: not the report, not the numbers, not whether a call of theirs was a test, no marking.
		assertProblem(this.agent.get("/api/mystery-shopper/report"), 403);
		assertProblem(this.agent.get("/api/mystery-shopper/numbers"), 403);
		assertProblem(this.agent.post("/api/mystery-shopper/numbers", "{\"number\":\"" + number() + "\"}"), 403);
		assertProblem(this.agent.get("/api/calls/" + call + "/mystery-shopper"), 403);
		assertProblem(this.agent.post("/api/calls/" + call + "/mystery-shopper", ""), 403);
		assertProblem(this.agent.get("/api/mystery-shopper/settings"), 403);
		// Managers read the report and the setting, and change nothing.
		assertThat(this.manager.get("/api/mystery-shopper/report").statusCode()).isEqualTo(200);
		assertThat(this.manager.get("/api/mystery-shopper/settings").statusCode()).isEqualTo(200);
		assertProblem(this.manager.get("/api/mystery-shopper/numbers"), 403);
		assertProblem(this.manager.post("/api/mystery-shopper/numbers", "{\"number\":\"" + number() + "\"}"), 403);
		assertProblem(this.manager.post("/api/calls/" + call + "/mystery-shopper", ""), 403);
		assertProblem(this.manager.delete("/api/calls/" + call + "/mystery-shopper"), 403);
		assertProblem(this.manager.put("/api/mystery-shopper/settings", "{\"standardId\":null}"), 403);
		assertThat(Http.anonymous(this.port).get("/api/mystery-shopper/report").statusCode()).isEqualTo(401);
		assertThat(marked(call)).isFalse();
		// A standard that does not exist is refused, the setting unchanged.
		assertProblem(this.supervisor.put("/api/mystery-shopper/settings", "{\"standardId\":987654321}"), 400);
		assertThat(Http.json(this.supervisor.get("/api/mystery-shopper/settings")).path("standardId").asLong())
			.isEqualTo(this.mysteryStandard);
	}

	/** A shopper's call in the test queue: the agent greets, says their name and explains the return policy. */
	private long shopperCall(String callerNumber, Instant startedAt) {
		return this.calls.add(this.agentName, this.queue, callerNumber, startedAt,
				agent(0.5, "thank you for calling sunrise my name is kim"), customer(4, "can i return a product"),
				agent(7, "yes within thirty days"), agent(10, "is there anything else"));
	}

	/** A number no other test uses. */
	private static String number() {
		return "559" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
	}

	private static String dashed(String number) {
		return number.substring(0, 3) + "-" + number.substring(3, 7) + " " + number.substring(7);
	}

	private boolean marked(long call) {
		return Http.json(this.supervisor.get("/api/calls/" + call + "/mystery-shopper")).path("marked").asBoolean();
	}

	private JsonNode awaitEvaluation(long call) {
		return Http.json(Eventually.await("automatic evaluation of call " + call, WAIT,
				() -> this.supervisor.get("/api/calls/" + call + "/automatic-evaluation"),
				(response) -> response.statusCode() == 200));
	}

	private JsonNode evaluation(long call) {
		HttpResponse<String> response = this.supervisor.get("/api/calls/" + call + "/automatic-evaluation");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	private JsonNode standard(String name, String scorecard) {
		HttpResponse<String> created = this.supervisor.post("/api/standards",
				"{\"name\":\"" + name + "\",\"scorecard\":" + scorecard + "}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created);
	}

	private void user(String username, String role, String agentName) {
		String agentJson = (agentName != null) ? "\"" + agentName + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

}
