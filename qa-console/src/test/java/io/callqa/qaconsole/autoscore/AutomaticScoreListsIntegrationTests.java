package io.callqa.qaconsole.autoscore;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import static org.assertj.core.api.Assertions.entry;

/**
 * The automatic score where calls are listed, over real HTTP with the real rules, index and database: the search
 * filters ({@code autoEvaluated}, {@code minAutoScore}/{@code maxAutoScore}, {@code autoCriticalFailed}) and the band
 * facet on calls whose scores are known, an agent's search and call list holding only their own calls, the call list's
 * column, a supervisor's review reaching the index (the effective score), and the leaderboard's automatic and human
 * averages without the mystery-shopper call.
 *
 * <p>The standard (weights: greeting 2, critical forbidden phrase 1, "anything else" 1, silence 1) scores the calls
 * in {@link #scoredCalls()}: a model call 100, one without greeting nor "anything else" 2 of 5 = 40, a forbidden phrase
 * 0 (critical), one without "anything else" 4 of 5 = 80; a call nobody answered gets no score.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "callqa.autoscore.sweep-interval=1s")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutomaticScoreListsIntegrationTests {

	private static final String PASSWORD = "autolists-test-pw-1";

	private static final Duration WAIT = Duration.ofSeconds(60);

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

	/** The calls start on this day, far from other tests' calls. */
	private static final Instant DAY = Instant.parse("2033-03-01T08:00:00Z");

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

	final String queue = "autolists-q-" + this.suffix;

	/** The review test's queue, with the same rules: its call stays out of the other tests' figures. */
	final String reviewQueue = "autolists-r-" + this.suffix;

	final String nameA = "autolists-a-" + this.suffix;

	final String nameB = "autolists-b-" + this.suffix;

	final String nameC = "autolists-c-" + this.suffix;

	ScriptedCalls calls;

	/** agentA: 100, 40, 0 (critical); agentB: 100, 80, and 100 on the mystery shopper's call; nobody: no score. */
	long modelA;

	long poorA;

	long criticalA;

	long modelB;

	long goodB;

	long mysteryB;

	long unanswered;

	@BeforeAll
	void usersAStandardAndScoredCalls() {
		this.admin = new Http(this.port);
		user("autolists-sup-" + this.suffix, "SUPERVISOR", null);
		user("autolists-man-" + this.suffix, "MANAGER", null);
		user(this.nameA, "AGENT", this.nameA);
		user(this.nameB, "AGENT", this.nameB);
		this.supervisor = new Http(this.port, "autolists-sup-" + this.suffix, PASSWORD);
		this.manager = new Http(this.port, "autolists-man-" + this.suffix, PASSWORD);
		this.agentA = new Http(this.port, this.nameA, PASSWORD);
		this.agentB = new Http(this.port, this.nameB, PASSWORD);
		standardFor(this.queue, "Autolists " + this.suffix);
		standardFor(this.reviewQueue, "Autolists review " + this.suffix);
		this.calls = new ScriptedCalls(this.jdbc);
		scoredCalls();
	}

	private void scoredCalls() {
		this.modelA = model(this.nameA, 0);
		this.poorA = this.calls.add(this.nameA, this.queue, DAY.plusSeconds(60), agent(0.5, "hello"),
				customer(2, "hi i have a question"), agent(5, "it ships tomorrow"), customer(8, "okay bye"));
		this.criticalA = this.calls.add(this.nameA, this.queue, DAY.plusSeconds(120),
				agent(0.5, "thank you for calling acme"), customer(3, "my router is broken again"),
				agent(6, "that is not my problem"), customer(9, "okay"), agent(11, "anything else"));
		this.modelB = model(this.nameB, 180);
		this.goodB = this.calls.add(this.nameB, this.queue, DAY.plusSeconds(240),
				agent(0.5, "thank you for calling acme my name is kim"), customer(4, "where is my order"),
				agent(7, "it ships tomorrow goodbye"));
		this.mysteryB = model(this.nameB, 300);
		this.jdbc.sql("insert into mystery_shopper_call (call_id, source, marked_by) values (:id, 'API', 'test')")
			.param("id", this.mysteryB)
			.update();
		this.unanswered = this.calls.add(null, this.queue, DAY.plusSeconds(360), customer(0.5, "hello is anybody there"));
		for (long call : List.of(this.modelA, this.poorA, this.criticalA, this.modelB, this.goodB, this.mysteryB,
				this.unanswered)) {
			this.events.publishEvent(new TranscriptReady(call));
		}
		// Indexed once evaluated: the evaluation queues the call for the index (the scripted transcripts did not).
		Eventually.await("the calls evaluated and indexed", WAIT,
				() -> search(this.admin, "facets=true"),
				(results) -> results.path("total").asLong() == 7 && count(results, "none") == 1);
	}

	private long model(String agentName, long second) {
		return this.calls.add(agentName, this.queue, DAY.plusSeconds(second),
				agent(0.5, "thank you for calling acme my name is anna"), customer(4, "hi i would like to check my order"),
				agent(7, "of course it ships tomorrow"), customer(10, "great thanks"),
				agent(12, "is there anything else i can help you with"), customer(15.5, "no that is all"));
	}

	@Test
	void searchFiltersShouldSelectCallsByTheirAutomaticScore() {
		JsonNode all = search(this.supervisor, "size=20");
		assertThat(scores(all)).containsOnly(entry(this.modelA, 100.0), entry(this.poorA, 40.0),
				entry(this.criticalA, 0.0), entry(this.modelB, 100.0), entry(this.goodB, 80.0),
				entry(this.mysteryB, 100.0), entry(this.unanswered, null));
		assertThat(ids(search(this.supervisor, "minAutoScore=50"))).containsExactlyInAnyOrder(this.modelA,
				this.modelB, this.goodB, this.mysteryB);
		assertThat(ids(search(this.supervisor, "maxAutoScore=49.99"))).containsExactlyInAnyOrder(this.poorA,
				this.criticalA);
		assertThat(ids(search(this.supervisor, "minAutoScore=80&maxAutoScore=80"))).containsExactly(this.goodB);
		assertThat(ids(search(this.supervisor, "autoCriticalFailed=true"))).containsExactly(this.criticalA);
		assertThat(ids(search(this.supervisor, "autoCriticalFailed=false"))).as("only calls with a score")
			.containsExactlyInAnyOrder(this.modelA, this.poorA, this.modelB, this.goodB, this.mysteryB);
		assertThat(ids(search(this.supervisor, "autoEvaluated=false"))).containsExactly(this.unanswered);
		assertThat(ids(search(this.supervisor, "q=tomorrow&minAutoScore=50&autoCriticalFailed=false")))
			.containsExactlyInAnyOrder(this.modelA, this.modelB, this.goodB, this.mysteryB);
		JsonNode critical = search(this.supervisor, "autoCriticalFailed=true").path("hits").get(0);
		assertThat(critical.path("autoCriticalFailed").asBoolean()).isTrue();
		assertThat(critical.path("autoScore").asDouble()).isZero();
	}

	@Test
	void facetShouldCountTheMatchingCallsPerScoreBandInOrder() {
		JsonNode results = search(this.supervisor, "facets=true");
		assertThat(results.path("facets").path("autoScore").valueStream()
			.map((band) -> band.path("value").asString() + "=" + band.path("count").asLong()))
			.containsExactly("<50=2", "70-84=1", "85-100=3", "none=1");
		JsonNode withoutCritical = search(this.supervisor, "facets=true&autoCriticalFailed=false");
		assertThat(count(withoutCritical, "<50")).isEqualTo(1);
		assertThat(count(withoutCritical, "none")).isZero();
	}

	@Test
	void anAgentShouldFindAndListOnlyTheirOwnCallsAndScores() {
		JsonNode own = search(this.agentA, "facets=true&agent=" + this.nameB);
		assertThat(ids(own)).containsExactlyInAnyOrder(this.modelA, this.poorA, this.criticalA);
		assertThat(own.path("facets").path("autoScore").valueStream()
			.map((band) -> band.path("value").asString() + "=" + band.path("count").asLong()))
			.containsExactly("<50=2", "85-100=1");
		assertThat(ids(search(this.agentB, "autoCriticalFailed=true"))).isEmpty();

		JsonNode list = Http.json(this.agentA.get("/api/calls?limit=200&queue=" + this.queue));
		assertThat(list.valueStream().map((call) -> call.path("agent").asString())).containsOnly(this.nameA);
		Map<Long, JsonNode> byId = byId(list);
		assertThat(byId).containsOnlyKeys(this.modelA, this.poorA, this.criticalA);
		assertThat(byId.get(this.poorA).path("autoScore").asDouble()).isEqualTo(40.0);
		assertThat(byId.get(this.criticalA).path("autoCriticalFailed").asBoolean()).isTrue();
	}

	@Test
	void callListShouldShowEachCallsAutomaticScore() {
		Map<Long, JsonNode> byId = byId(Http.json(this.supervisor.get("/api/calls?limit=200&queue=" + this.queue)));
		assertThat(byId.get(this.modelA).path("autoScore").asDouble()).isEqualTo(100.0);
		assertThat(byId.get(this.goodB).path("autoScore").asDouble()).isEqualTo(80.0);
		assertThat(byId.get(this.goodB).path("autoCriticalFailed").asBoolean()).isFalse();
		assertThat(byId.get(this.criticalA).path("autoScore").asDouble()).isZero();
		assertThat(byId.get(this.criticalA).path("autoCriticalFailed").asBoolean()).isTrue();
		assertThat(byId.get(this.unanswered).path("autoScore").isNull()).isTrue();
	}

	/**
	 * agentA: automatic (100 + 40 + 0) / 3 = 46.67 over 3 calls. agentB: (100 + 80) / 2 = 90 over 2 calls, the
	 * mystery shopper's 100 left out; humanly 100 over 1 evaluation, the mystery call's 0 left out (it would make 50
	 * over 2).
	 */
	@Test
	void leaderboardShouldShowTheAutomaticAverageBesideTheHumanOneWithoutMysteryShopperCalls() {
		evaluate(this.modelB, 1);
		evaluate(this.mysteryB, 0);
		String period = "/api/dashboard?groupBy=QUEUE&from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
				+ DAY.plus(Duration.ofDays(1));
		JsonNode dashboard = Http.json(this.manager.get(period));
		JsonNode a = row(dashboard, this.nameA);
		assertThat(a.path("automaticAverage").asDouble()).isEqualTo(46.67);
		assertThat(a.path("automaticCalls").asLong()).isEqualTo(3);
		assertThat(a.path("averageScore").isNull()).isTrue();
		assertThat(a.path("evaluations").asLong()).isZero();
		JsonNode b = row(dashboard, this.nameB);
		assertThat(b.path("automaticAverage").asDouble()).isEqualTo(90.0);
		assertThat(b.path("automaticCalls").asLong()).isEqualTo(2);
		assertThat(b.path("averageScore").asDouble()).isEqualTo(100.0);
		assertThat(b.path("evaluations").asLong()).isEqualTo(1);
		assertThat(this.agentA.get(period).statusCode()).isEqualTo(403);
		JsonNode before = Http.json(this.manager.get("/api/dashboard?groupBy=QUEUE&from=2033-02-01T00:00:00Z&to="
				+ DAY));
		assertThat(before.path("leaderboard").valueStream().map((row) -> row.path("agent").asString()))
			.as("calls started before the period count not").doesNotContain(this.nameA);
	}

	/** Overrides change the effective score, which the index and call list show as the call page computes it. */
	@Test
	void reviewedItemsShouldReachTheIndexAsTheEffectiveScore() {
		user(this.nameC, "AGENT", this.nameC);
		long call = this.calls.add(this.nameC, this.reviewQueue, DAY.plusSeconds(600), agent(0.5, "hello acme"),
				customer(3, "hi i have a question"), agent(6, "anything else"));
		this.events.publishEvent(new TranscriptReady(call));
		String byAgent = "agent=" + this.nameC + "&queue=" + this.reviewQueue;
		Eventually.await("call " + call + " indexed with 60", WAIT, () -> ids(search(this.admin,
				byAgent + "&minAutoScore=60&maxAutoScore=60")), (found) -> found.contains(call));
		String reviews = "/api/calls/" + call + "/automatic-evaluation/reviews";
		assertThat(this.supervisor.post(reviews, """
				{"itemKey":"greeting","action":"OVERRIDE","outcome":"PASS","comment":"second approved greeting"}""")
			.statusCode()).isEqualTo(201);
		HttpResponse<String> second = this.supervisor.post(reviews, """
				{"itemKey":"forbidden","action":"OVERRIDE","outcome":"FAIL","comment":"rude tone"}""");
		assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
		JsonNode effective = Http.json(second).path("effective");
		assertThat(effective.path("score").asDouble()).isZero();
		assertThat(effective.path("criticalFailed").asBoolean()).isTrue();
		assertThat(Eventually.await("the review in the index", WAIT,
				() -> ids(search(this.admin, byAgent + "&autoCriticalFailed=true")), (found) -> found.contains(call)))
			.containsExactly(call);
		assertThat(this.supervisor.post(reviews, """
				{"itemKey":"forbidden","action":"OVERRIDE","outcome":"PASS","comment":"listened again"}""")
			.statusCode()).isEqualTo(201);
		// greeting overridden to PASS: 5 of 5, as the call page says
		double score = Http.json(this.supervisor.get("/api/calls/" + call + "/automatic-evaluation"))
			.path("effective")
			.path("score")
			.asDouble();
		assertThat(score).isEqualTo(100.0);
		Eventually.await("the effective score in the index", WAIT,
				() -> ids(search(this.admin, byAgent + "&minAutoScore=" + score + "&autoCriticalFailed=false")),
				(found) -> found.contains(call));
		JsonNode listed = byId(Http.json(this.supervisor.get("/api/calls?limit=10&agent=" + this.nameC))).get(call);
		assertThat(listed.path("autoScore").asDouble()).isEqualTo(score);
		assertThat(listed.path("autoCriticalFailed").asBoolean()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "minAutoScore=101", "maxAutoScore=-1", "minAutoScore=60&maxAutoScore=50",
			"minAutoScore=NaN", "autoCriticalFailed=maybe", "autoEvaluated=2" })
	void badAutomaticFiltersShouldBeA400Problem(String filter) {
		HttpResponse<String> response = this.supervisor.get("/api/search?q=*:*&" + filter);
		assertThat(response.statusCode()).as(filter).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private void evaluate(long call, int value) {
		long evaluation = Http.json(this.supervisor.post("/api/calls/" + call + "/evaluations", "")).path("id").asLong();
		JsonNode scorecard = Http.json(this.supervisor.get("/api/calls/" + call + "/scorecard"));
		List<String> items = new ArrayList<>();
		for (JsonNode section : scorecard.path("scorecard").path("sections")) {
			section.path("items")
				.forEach((item) -> items.add("{\"key\":\"%s\",\"value\":%d}".formatted(item.path("key").asString(),
						value)));
		}
		HttpResponse<String> saved = this.supervisor.put("/api/evaluations/" + evaluation + "/items",
				"{\"items\":[" + String.join(",", items) + "]}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		HttpResponse<String> submitted = this.supervisor.post("/api/evaluations/" + evaluation + "/submit", "");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
	}

	private static JsonNode row(JsonNode dashboard, String agentName) {
		return dashboard.path("leaderboard")
			.valueStream()
			.filter((row) -> row.path("agent").asString().equals(agentName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no leaderboard row of " + agentName + " in " + dashboard));
	}

	private JsonNode search(Http as, String parameters) {
		String q = parameters.startsWith("q=") ? "" : "q=*:*&";
		String queue = parameters.contains("queue=") ? "" : "queue=" + this.queue + "&";
		HttpResponse<String> response = as.get("/api/search?" + q + "size=50&" + queue + parameters);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static long count(JsonNode results, String band) {
		return results.path("facets")
			.path("autoScore")
			.valueStream()
			.filter((count) -> count.path("value").asString().equals(band))
			.mapToLong((count) -> count.path("count").asLong())
			.sum();
	}

	private static List<Long> ids(JsonNode results) {
		return results.path("hits").valueStream().map((hit) -> hit.path("callId").asLong()).toList();
	}

	private static Map<Long, Double> scores(JsonNode results) {
		Map<Long, Double> scores = new HashMap<>();
		results.path("hits")
			.forEach((hit) -> scores.put(hit.path("callId").asLong(),
					hit.path("autoScore").isNull() ? null : hit.path("autoScore").asDouble()));
		return scores;
	}

	private static Map<Long, JsonNode> byId(JsonNode list) {
		Map<Long, JsonNode> byId = new HashMap<>();
		list.forEach((call) -> byId.put(call.path("id").asLong(), call));
		return byId;
	}

	private void standardFor(String queue, String name) {
		HttpResponse<String> created = this.supervisor.post("/api/standards",
				"{\"name\":\"" + name + "\",\"scorecard\":" + SCORECARD + "}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Http.json(created).path("standard").path("id").asLong();
		HttpResponse<String> assigned = this.supervisor.put("/api/queues/" + queue + "/standard",
				"{\"standardId\":" + id + "}");
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
	}

	private void user(String username, String role, String agentName) {
		String agentJson = (agentName != null) ? "\"" + agentName + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

}
