package io.callqa.qaconsole.autoscore;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.TranscriptReady;

import static io.callqa.qaconsole.autoscore.ScriptedCalls.agent;
import static io.callqa.qaconsole.autoscore.ScriptedCalls.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Automatic evaluation over real HTTP, with the real rules engine and database: a new transcript is evaluated with its
 * evidence, the sweep evaluates a call whose event never came, a supervisor's review changes the effective value and
 * never the automatic one (the audit), agents read only their own calls' results and review nothing, and a
 * re-evaluation of a period after a standard changed scores the period's calls with the new version.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "callqa.autoscore.sweep-interval=1s")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutomaticEvaluationIntegrationTests {

	private static final String PASSWORD = "autoscore-test-pw-1";

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** A standard whose rules the tests know: a greeting, a critical forbidden-phrase item, "anything else", silence. */
	private static final String SCORECARD = """
			{"passThreshold":80,"sections":[{"name":"Call","items":[
			 {"key":"greeting","label":"Greets with the company phrase","weight":2,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"thank you for calling\\"","speaker":"AGENT","window":{"kind":"FIRST","seconds":15}}},
			 {"key":"forbidden","label":"No forbidden phrases","weight":1,"type":"YES_NO","critical":true,
			  "rule":{"kind":"NOT_SAID","query":"stupid OR \\"not my problem\\"","speaker":"AGENT","window":{"kind":"ANYWHERE"}}},
			 {"key":"anything-else","label":"Asks if there is anything else","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"anything else\\"","speaker":"AGENT","window":{"kind":"LAST","seconds":60}}},
			 {"key":"silence","label":"No long dead air","weight":1,"type":"YES_NO","rule":{"kind":"SILENCE","maxSec":10}},
			 {"key":"manual","label":"Judged by a person","weight":1,"type":"YES_NO"}]}]}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	Http admin;

	Http supervisor;

	Http manager;

	Http agentA;

	Http agentB;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final String queue = "autoscore-q-" + this.suffix;

	final String nameA = "auto-a-" + this.suffix;

	final String nameB = "auto-b-" + this.suffix;

	ScriptedCalls calls;

	@BeforeAll
	void usersAndAStandardWithRules() {
		this.admin = new Http(this.port);
		user("auto-sup-" + this.suffix, "SUPERVISOR", null);
		user("auto-man-" + this.suffix, "MANAGER", null);
		user(this.nameA, "AGENT", this.nameA);
		user(this.nameB, "AGENT", this.nameB);
		this.supervisor = new Http(this.port, "auto-sup-" + this.suffix, PASSWORD);
		this.manager = new Http(this.port, "auto-man-" + this.suffix, PASSWORD);
		this.agentA = new Http(this.port, this.nameA, PASSWORD);
		this.agentB = new Http(this.port, this.nameB, PASSWORD);
		standardFor(this.queue, "Autoscore " + this.suffix);
		this.calls = new ScriptedCalls(this.jdbc);
	}

	@Test
	void newTranscriptShouldBeEvaluatedWithTheEvidenceThatDecidedEachItem() {
		long call = modelCall(Instant.parse("2032-01-05T09:00:00Z"));
		this.events.publishEvent(new TranscriptReady(call));
		JsonNode evaluation = awaitEvaluation(call, this.supervisor);
		assertThat(evaluation.path("callId").asLong()).isEqualTo(call);
		JsonNode greeting = item(evaluation, "greeting");
		assertThat(greeting.path("automatic").path("outcome").asString()).isEqualTo("PASS");
		JsonNode evidence = greeting.path("automatic").path("evidence").get(0);
		assertThat(evidence.path("startSec").asDouble()).isCloseTo(0.5, within(0.01));
		assertThat(evidence.path("speaker").asString()).isEqualTo("agent");
		assertThat(evidence.path("words").asString()).isEqualTo("thank you for calling");
		assertThat(item(evaluation, "forbidden").path("automatic").path("outcome").asString()).isEqualTo("PASS");
		assertThat(item(evaluation, "anything-else").path("automatic").path("outcome").asString()).isEqualTo("PASS");
		assertThat(item(evaluation, "silence").path("automatic").path("outcome").asString()).isEqualTo("PASS");
		// Items without a rule stay manual: they are not part of the automatic evaluation.
		assertThat(evaluation.path("items").valueStream().map((i) -> i.path("key").asString())).doesNotContain("manual");
		assertThat(evaluation.path("automatic").path("score").asDouble()).isEqualTo(100.0);
		assertThat(evaluation.path("automatic").path("passed").asBoolean()).isTrue();
		assertThat(evaluation.path("effective")).isEqualTo(evaluation.path("automatic"));
		assertThat(evaluation.path("reviewed").asBoolean()).isFalse();
	}

	@Test
	void forbiddenPhraseShouldFailTheCriticalItemWithTheWordsAndSecondAsEvidence() {
		long call = this.calls.add(this.nameA, this.queue, Instant.parse("2032-01-06T09:00:00Z"),
				agent(0.5, "thank you for calling acme"), customer(3, "my router is broken again"),
				agent(6, "that is not my problem"), customer(9, "okay"), agent(11, "anything else"));
		this.events.publishEvent(new TranscriptReady(call));
		JsonNode evaluation = awaitEvaluation(call, this.supervisor);
		JsonNode forbidden = item(evaluation, "forbidden");
		assertThat(forbidden.path("automatic").path("outcome").asString()).isEqualTo("FAIL");
		JsonNode evidence = forbidden.path("automatic").path("evidence").get(0);
		assertThat(evidence.path("words").asString()).isEqualTo("not my problem");
		assertThat(evidence.path("startSec").asDouble()).isCloseTo(6 + 2 * ScriptedCalls.WORD_SEC, within(0.01));
		assertThat(evaluation.path("automatic").path("criticalFailed").asBoolean()).isTrue();
		assertThat(evaluation.path("automatic").path("score").asDouble()).isEqualTo(0.0);
		assertThat(evaluation.path("automatic").path("passed").asBoolean()).isFalse();
	}

	@Test
	void sweepShouldEvaluateATranscribedCallWhoseEventNeverCame() {
		long call = modelCall(Instant.parse("2032-01-07T09:00:00Z"));
		// No TranscriptReady: as after a crash between the transcript's commit and the event.
		JsonNode evaluation = awaitEvaluation(call, this.supervisor);
		assertThat(item(evaluation, "greeting").path("automatic").path("outcome").asString()).isEqualTo("PASS");
	}

	@Test
	void reviewShouldChangeTheEffectiveValueAndKeepTheAutomaticOneAndWhoChangedItWhen() {
		long call = this.calls.add(this.nameA, this.queue, Instant.parse("2032-01-08T09:00:00Z"),
				agent(0.5, "hello acme"), customer(3, "hi i have a question"), agent(6, "anything else"));
		this.events.publishEvent(new TranscriptReady(call));
		JsonNode before = awaitEvaluation(call, this.supervisor);
		long evaluationId = before.path("evaluationId").asLong();
		assertThat(item(before, "greeting").path("automatic").path("outcome").asString()).isEqualTo("FAIL");
		// Weights: greeting 2 (failed), forbidden 1, anything-else 1, silence 1 (passed): 3 of 5.
		double automaticScore = before.path("automatic").path("score").asDouble();
		assertThat(automaticScore).isEqualTo(60.0);
		String reviews = "/api/calls/" + call + "/automatic-evaluation/reviews";

		HttpResponse<String> noComment = this.supervisor.post(reviews,
				"{\"itemKey\":\"greeting\",\"action\":\"OVERRIDE\",\"outcome\":\"PASS\"}");
		assertThat(noComment.statusCode()).isEqualTo(400);
		assertThat(noComment.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Http.json(noComment).path("detail").asString()).contains("comment");
		assertThat(this.supervisor.post(reviews, """
				{"itemKey":"greeting","action":"OVERRIDE","outcome":"PASS","points":7,"comment":"x"}""").statusCode())
			.isEqualTo(400);
		assertThat(this.supervisor.post(reviews, """
				{"itemKey":"no-such-item","action":"CONFIRM"}""").statusCode()).isEqualTo(400);
		assertThat(this.supervisor.post(reviews, """
				{"itemKey":"greeting","action":"SHRUG"}""").statusCode()).isEqualTo(400);

		HttpResponse<String> overridden = this.supervisor.post(reviews, """
				{"evaluationId":%d,"itemKey":"greeting","action":"OVERRIDE","outcome":"PASS",
				 "comment":"Greeted as 'hello acme': our second approved greeting"}""".formatted(evaluationId));
		assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
		JsonNode after = Http.json(overridden);
		JsonNode greeting = item(after, "greeting");
		assertThat(greeting.path("automatic").path("outcome").asString()).isEqualTo("FAIL");
		assertThat(greeting.path("effective").path("outcome").asString()).isEqualTo("PASS");
		assertThat(greeting.path("effective").path("source").asString()).isEqualTo("OVERRIDDEN");
		assertThat(greeting.path("effective").path("reviewer").asString()).isEqualTo("auto-sup-" + this.suffix);
		assertThat(greeting.path("effective").path("points").asDouble())
			.isEqualTo(greeting.path("maxPoints").asDouble());
		assertThat(after.path("reviewed").asBoolean()).isTrue();
		assertThat(after.path("automatic").path("score").asDouble()).isEqualTo(automaticScore);
		assertThat(after.path("effective").path("score").asDouble()).isEqualTo(100.0);
		assertThat(after.path("effective").path("passed").asBoolean()).isTrue();
		assertThat(after.path("automatic").path("passed").asBoolean()).isFalse();

		HttpResponse<String> confirmed = this.supervisor.post(reviews, """
				{"itemKey":"greeting","action":"CONFIRM","comment":"Listened again: no greeting after all"}""");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
		JsonNode audit = item(awaitEvaluation(call, this.manager), "greeting");
		assertThat(audit.path("effective").path("outcome").asString()).isEqualTo("FAIL");
		assertThat(audit.path("effective").path("source").asString()).isEqualTo("CONFIRMED");
		assertThat(audit.path("reviews")).hasSize(2);
		assertThat(audit.path("reviews").get(0).path("action").asString()).isEqualTo("OVERRIDE");
		assertThat(audit.path("reviews").get(0).path("outcome").asString()).isEqualTo("PASS");
		assertThat(audit.path("reviews").get(0).path("comment").asString()).contains("second approved greeting");
		assertThat(audit.path("reviews").get(0).path("reviewedAt").asString()).isNotBlank();
		assertThat(audit.path("reviews").get(1).path("action").asString()).isEqualTo("CONFIRM");
		assertThat(audit.path("automatic").path("outcome").asString()).isEqualTo("FAIL");
		assertThat(Http.json(this.manager.get("/api/calls/" + call + "/automatic-evaluation")).path("effective")
			.path("score").asDouble()).isEqualTo(60.0);

		HttpResponse<String> stale = this.supervisor.post(reviews, """
				{"evaluationId":%d,"itemKey":"greeting","action":"CONFIRM"}""".formatted(evaluationId + 1_000_000));
		assertThat(stale.statusCode()).isEqualTo(409);
	}

	@Test
	void agentsShouldReadOnlyTheirOwnCallsResultsAndReviewNothing() {
		long call = modelCall(Instant.parse("2032-01-09T09:00:00Z"));
		this.events.publishEvent(new TranscriptReady(call));
		awaitEvaluation(call, this.supervisor);
		String path = "/api/calls/" + call + "/automatic-evaluation";
		JsonNode own = Http.json(this.agentA.get(path));
		assertThat(own.path("callId").asLong()).isEqualTo(call);
		HttpResponse<String> other = this.agentB.get(path);
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.body()).doesNotContain("greeting");
		String review = """
				{"itemKey":"greeting","action":"OVERRIDE","outcome":"FAIL","comment":"I would like to fail myself"}""";
		assertThat(this.agentA.post(path + "/reviews", review).statusCode()).isEqualTo(403);
		assertThat(this.manager.post(path + "/reviews", review).statusCode()).isEqualTo(403);
		assertThat(this.manager.get(path).statusCode()).isEqualTo(200);
		assertThat(Http.anonymous(this.port).get(path).statusCode()).isEqualTo(401);
		assertThat(item(Http.json(this.admin.get(path)), "greeting").path("reviews")).isEmpty();
		assertThat(this.supervisor.get("/api/calls/987654321/automatic-evaluation").statusCode()).isEqualTo(404);
		assertThat(this.agentA.post("/api/automatic-evaluations/reevaluations",
				"{\"from\":\"2032-01-01T00:00:00Z\",\"to\":\"2032-01-02T00:00:00Z\"}").statusCode()).isEqualTo(403);
		assertThat(this.agentA.get("/api/automatic-evaluations/reevaluations").statusCode()).isEqualTo(403);
		// Averages: an agent sees only their own line, staff everyone's.
		JsonNode mine = Http.json(this.agentA.get("/api/automatic-evaluations/agents"));
		assertThat(mine.valueStream().map((line) -> line.path("agent").asString())).containsOnly(this.nameA);
		assertThat(Http.json(this.agentB.get("/api/automatic-evaluations/agents")).valueStream()
			.map((line) -> line.path("agent").asString())).doesNotContain(this.nameA);
		assertThat(Http.json(this.manager.get("/api/automatic-evaluations/agents")).valueStream()
			.map((line) -> line.path("agent").asString())).contains(this.nameA);
	}

	@Test
	void reevaluationShouldScoreThePeriodsCallsWithTheStandardsNewVersionAndKeepTheEarlierOne() {
		String queue = "autoscore-re-" + this.suffix;
		long standard = standardFor(queue, "Autoscore re " + this.suffix);
		long inPeriod = this.calls.add(this.nameA, queue, Instant.parse("2033-02-01T10:00:00Z"),
				agent(0.5, "good morning acme speaking"), customer(3, "hello"), agent(6, "anything else"));
		long outside = this.calls.add(this.nameA, queue, Instant.parse("2033-02-03T10:00:00Z"),
				agent(0.5, "good morning acme speaking"), customer(3, "hello"), agent(6, "anything else"));
		this.events.publishEvent(new TranscriptReady(inPeriod));
		this.events.publishEvent(new TranscriptReady(outside));
		JsonNode first = awaitEvaluation(inPeriod, this.supervisor);
		awaitEvaluation(outside, this.supervisor);
		assertThat(item(first, "greeting").path("automatic").path("outcome").asString()).isEqualTo("FAIL");
		assertThat(this.supervisor.post("/api/calls/" + inPeriod + "/automatic-evaluation/reviews",
				"{\"itemKey\":\"greeting\",\"action\":\"CONFIRM\"}").statusCode()).isEqualTo(201);

		HttpResponse<String> edited = this.supervisor.put("/api/standards/" + standard,
				"{\"scorecard\":" + SCORECARD.replace("\\\"thank you for calling\\\"", "\\\"good morning\\\"") + "}");
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		long newVersion = Http.json(edited).path("id").asLong();

		assertThat(this.supervisor.post("/api/automatic-evaluations/reevaluations",
				"{\"from\":\"2033-02-02T00:00:00Z\",\"to\":\"2033-02-01T00:00:00Z\"}").statusCode()).isEqualTo(400);
		HttpResponse<String> started = this.supervisor.post("/api/automatic-evaluations/reevaluations",
				"{\"from\":\"2033-02-01T00:00:00Z\",\"to\":\"2033-02-02T00:00:00Z\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long job = Http.json(started).path("id").asLong();
		JsonNode finished = Eventually.await("re-evaluation " + job, WAIT,
				() -> Http.json(this.manager.get("/api/automatic-evaluations/reevaluations/" + job)),
				(status) -> status.path("finished").asBoolean());
		assertThat(finished.path("total").asInt()).isEqualTo(1);
		assertThat(finished.path("done").asInt()).isEqualTo(1);
		assertThat(finished.path("percent").asInt()).isEqualTo(100);

		JsonNode again = awaitEvaluation(inPeriod, this.supervisor);
		assertThat(again.path("scorecardVersionId").asLong()).isEqualTo(newVersion);
		assertThat(item(again, "greeting").path("automatic").path("outcome").asString()).isEqualTo("PASS");
		assertThat(item(again, "greeting").path("reviews")).isEmpty();
		assertThat(again.path("earlier")).hasSize(1);
		assertThat(again.path("earlier").get(0).path("evaluationId").asLong())
			.isEqualTo(first.path("evaluationId").asLong());
		assertThat(again.path("earlier").get(0).path("reviews").asInt()).isEqualTo(1);
		JsonNode untouched = awaitEvaluation(outside, this.supervisor);
		assertThat(untouched.path("scorecardVersionId").asLong()).isEqualTo(first.path("scorecardVersionId").asLong());
		assertThat(this.supervisor.get("/api/automatic-evaluations/reevaluations/987654").statusCode()).isEqualTo(404);
	}

	@Test
	void healthAndMetricsShouldReportAutomaticScoring() {
		JsonNode health = Http.json(this.admin.get("/actuator/health"));
		assertThat(health.path("components").path("automaticScoring").path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("automaticScoring").path("details").has("reevaluating")).isTrue();
		JsonNode gauge = Http.json(this.admin.get("/actuator/metrics/callqa.autoscore.reevaluation.percent"));
		assertThat(gauge.path("measurements").get(0).path("value").asDouble()).isBetween(0.0, 100.0);
	}

	private long modelCall(Instant startedAt) {
		return this.calls.add(this.nameA, this.queue, startedAt, agent(0.5, "thank you for calling acme my name is anna"),
				customer(4, "hi i would like to check my order"), agent(7, "of course it ships tomorrow"),
				customer(10, "great thanks"), agent(12, "is there anything else i can help you with"),
				customer(15.5, "no that is all"));
	}

	private JsonNode awaitEvaluation(long call, Http as) {
		return Http.json(Eventually.await("automatic evaluation of call " + call, WAIT,
				() -> as.get("/api/calls/" + call + "/automatic-evaluation"), (response) -> response.statusCode() == 200));
	}

	private static JsonNode item(JsonNode evaluation, String key) {
		return evaluation.path("items").valueStream()
			.filter((item) -> item.path("key").asString().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no item " + key + " in " + evaluation));
	}

	private long standardFor(String queue, String name) {
		HttpResponse<String> created = this.supervisor.post("/api/standards",
				"{\"name\":\"" + name + "\",\"scorecard\":" + SCORECARD + "}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Http.json(created).path("standard").path("id").asLong();
		HttpResponse<String> assigned = this.supervisor.put("/api/queues/" + queue + "/standard",
				"{\"standardId\":" + id + "}");
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		return id;
	}

	private void user(String username, String role, String agentName) {
		String agentJson = (agentName != null) ? "\"" + agentName + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

}
