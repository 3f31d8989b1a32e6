package io.callqa.qaconsole.search;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.CallScript;
import io.callqa.simulator.RenderedCall;
import io.callqa.telephony.Calls;
import io.callqa.telephony.SurveyAnswered;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index follows what changes about a call after it ended, through the outbox, on the real application: calls
 * played on a simulated Asterisk (not recorded, so without transcripts) are found by outcome, recording and callback
 * filters as soon as they end; a survey answer and an evaluation (submitted, then corrected) re-index the call. Also
 * who may search and whose calls they get, and the 400s for bad filter values.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callqa.telephony.callbacks.abandoned-callbacks=true",
				"callqa.telephony.callbacks.abandoned-min-wait=1s", "callqa.telephony.callbacks.poll-interval=10m" })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Closed after the class: no other class has this configuration (its simulator's port), and left in the context cache
// it would keep a database, workers and a connector retrying its stopped simulator for the rest of the test JVM.
@DirtiesContext
class SearchIndexUpdatesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PASSWORD = "upd-password-1";

	private static final AmiSimulator simulator = AmiSimulator.start("callqa", "s3cret");

	@LocalServerPort
	int port;

	@Autowired
	Calls calls;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationEventPublisher events;

	Http admin;

	long answered;

	long abandoned;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		registry.add("callqa.telephony.ami.servers[0].name", () -> "pbx1");
		registry.add("callqa.telephony.ami.servers[0].port", simulator::port);
		registry.add("callqa.telephony.ami.servers[0].username", () -> "callqa");
		registry.add("callqa.telephony.ami.servers[0].secret", () -> "s3cret");
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeAll
	void playTwoCalls() throws InterruptedException {
		this.admin = new Http(this.port);
		assertThat(simulator.awaitLoggedInClients(1, TIMEOUT)).isTrue();
		this.answered = callId(simulator.play(CallScript.answered().queue("upd-support").caller("5550201", "Ann")
			.agents("agent1").talkFor(Duration.ofSeconds(3))));
		this.abandoned = callId(simulator.play(CallScript.abandoned().queue("upd-sales").caller("5550202", "Ben")
			.waitFor(Duration.ofSeconds(3))));
	}

	@Test
	void callEndShouldIndexTheCallWithItsOutcomeWithoutRecordingOrTranscript() {
		assertThat(awaitIds("q=*:*&queue=upd-sales&outcome=ABANDONED&hasRecording=false&callbackRequested=true"))
			.containsExactly(this.abandoned);
		assertThat(awaitIds("q=*:*&queue=upd-support&outcome=ANSWERED&hasRecording=false&callbackRequested=false"))
			.containsExactly(this.answered);
		assertThat(ids(search(this.admin, "q=*:*&queue=upd-sales&outcome=ANSWERED"))).isEmpty();
		assertThat(outboxRows(this.abandoned)).as("the end and the callback request").isGreaterThanOrEqualTo(2);
		JsonNode hit = search(this.admin, "q=*:*&queue=upd-sales").path("hits").get(0);
		assertThat(hit.path("snippets")).isEmpty();
		assertThat(hit.path("outcome").asString()).isEqualTo("ABANDONED");
	}

	@Test
	void surveyAnswerShouldReindexTheCall() {
		awaitIds("q=*:*&queue=upd-support");
		long before = outboxRows(this.answered);
		// What SurveyRecorder does once the caller keyed a score (its event is tested in telephony's survey tests).
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					insert into survey_response (call_id, agent, queue, score, answered_at)
					values (:id, 'agent1', 'upd-support', 8, :at)""")
				.param("id", this.answered)
				.param("at", Timestamp.from(Instant.now()))
				.update();
			this.events.publishEvent(new SurveyAnswered(this.answered));
		});
		assertThat(outboxRows(this.answered)).isEqualTo(before + 1);
		assertThat(awaitIds("q=*:*&queue=upd-support&minSurvey=8&maxSurvey=9")).containsExactly(this.answered);
		assertThat(search(this.admin, "q=*:*&queue=upd-support").path("hits").get(0).path("surveyScore").asInt())
			.isEqualTo(8);
		assertThat(ids(search(this.admin, "q=*:*&queue=upd-support&maxSurvey=7"))).isEmpty();
	}

	@Test
	void submittedAndCorrectedEvaluationsShouldReindexTheCall() {
		long call = callId(simulator.play(CallScript.answered().queue("upd-scored").caller("5550203", "Cid")
			.agents("agent2").talkFor(Duration.ofSeconds(2))));
		assertThat(awaitIds("q=*:*&queue=upd-scored&evaluated=false")).containsExactly(call);
		long evaluation = Http.json(this.admin.post("/api/calls/" + call + "/evaluations", "")).path("id").asLong();
		JsonNode scorecard = Http.json(this.admin.get("/api/calls/" + call + "/scorecard"));
		StringBuilder items = new StringBuilder();
		for (JsonNode section : scorecard.path("scorecard").path("sections")) {
			section.path("items").forEach((item) -> items.append(items.isEmpty() ? "" : ",")
				.append("{\"key\":\"%s\",\"value\":%d}".formatted(item.path("key").asString(),
						1)));
		}
		assertThat(this.admin.put("/api/evaluations/" + evaluation + "/items", "{\"items\":[" + items + "]}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> submitted = this.admin.post("/api/evaluations/" + evaluation + "/submit", "");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		double score = Http.json(submitted).path("score").asDouble();

		assertThat(awaitIds("q=*:*&queue=upd-scored&evaluated=true&minScore=" + score + "&maxScore=" + score))
			.containsExactly(call);
		assertThat(search(this.admin, "q=*:*&queue=upd-scored").path("hits").get(0).path("qaScore").asDouble())
			.isEqualTo(score);

		HttpResponse<String> corrected = this.admin.post("/api/evaluations/" + evaluation + "/revisions", "{}");
		assertThat(corrected.statusCode()).as(corrected.body()).isIn(200, 201);
		assertThat(awaitIds("q=*:*&queue=upd-scored&evaluated=false")).as("a correction is a draft: no current score")
			.containsExactly(call);
		assertThat(ids(search(this.admin, "q=*:*&queue=upd-scored&minScore=0"))).isEmpty();
	}

	@Test
	void anAgentSearchesOnlyTheirOwnCallsAndAnonymousNobody() {
		awaitIds("q=*:*&queue=upd-support");
		String agent = search(this.admin, "q=*:*&queue=upd-support").path("hits").get(0).path("agent").asString();
		createUser("upd-agent", "AGENT", agent);
		createUser("upd-manager", "MANAGER", null);
		Http own = new Http(this.port, "upd-agent", PASSWORD);
		JsonNode mine = search(own, "q=*:*&agent=someone-else&facets=true&size=100");
		assertThat(mine.path("total").asLong()).isPositive();
		mine.path("hits").forEach((hit) -> assertThat(hit.path("agent").asString()).isEqualTo(agent));
		assertThat(mine.path("facets").path("agent")).singleElement()
			.satisfies((count) -> assertThat(count.path("value").asString()).isEqualTo(agent));
		assertThat(ids(search(own, "q=*:*&queue=upd-sales"))).as("nobody answered the abandoned call").isEmpty();
		assertThat(ids(search(new Http(this.port, "upd-manager", PASSWORD), "q=*:*&queue=upd-sales")))
			.containsExactly(this.abandoned);
		assertThat(Http.anonymous(this.port).get("/api/search?q=*:*").statusCode()).isEqualTo(401);
	}

	@Test
	void facetsShouldCountEveryMatchingCall() {
		awaitIds("q=*:*&queue=upd-sales");
		JsonNode results = search(this.admin, "q=*:*&queue=upd-sales&facets=true");
		assertThat(results.path("facets").path("queue")).singleElement().satisfies((count) -> {
			assertThat(count.path("value").asString()).isEqualTo("upd-sales");
			assertThat(count.path("count").asLong()).isEqualTo(results.path("total").asLong());
		});
		assertThat(results.path("facets").path("outcome").get(0).path("value").asString()).isEqualTo("ABANDONED");
		assertThat(results.path("facets").has("category")).isTrue();
		assertThat(search(this.admin, "q=*:*&queue=upd-sales").path("facets").isEmpty()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "outcome=MAYBE", "direction=SIDEWAYS", "hasRecording=perhaps", "evaluated=2",
			"minScore=101", "maxScore=-1", "minScore=60&maxScore=50", "minSurvey=11", "minSurvey=5&maxSurvey=2",
			"maxSurvey=x", "callbackRequested=often", "minDuration=-5", "facets=lots", "minScore=NaN" })
	void badFilterValuesShouldAnswer400Problems(String filter) {
		HttpResponse<String> response = this.admin.get("/api/search?q=*:*&" + filter);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("at org.", "at io.");
	}

	private long callId(RenderedCall call) {
		return Eventually.await("call " + call.linkedid() + " stored", TIMEOUT,
				() -> this.calls.findByUniqueid(call.linkedid()), (id) -> id.isPresent())
			.orElseThrow();
	}

	private List<Long> awaitIds(String query) {
		return Eventually.await(query, TIMEOUT, () -> ids(search(this.admin, query)), (ids) -> !ids.isEmpty());
	}

	private long outboxRows(long callId) {
		return this.jdbc.sql("select count(*) from index_outbox where call_id = :id")
			.param("id", callId)
			.query(Long.class)
			.single();
	}

	private void createUser(String username, String role, String agent) {
		String agentJson = (agent != null) ? "\"" + agent + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isIn(201, 400);
	}

	private static JsonNode search(Http http, String query) {
		HttpResponse<String> response = http.get("/api/search?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static List<Long> ids(JsonNode results) {
		return results.path("hits").valueStream().map((hit) -> hit.path("callId").asLong()).toList();
	}

}
