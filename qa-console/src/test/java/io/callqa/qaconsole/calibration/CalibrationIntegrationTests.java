package io.callqa.qaconsole.calibration;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Calibration over real HTTP and the real database, checked against figures computed by hand: the agreement of the
 * automatic rules with submitted human evaluations (per item and version, N/A pairs left out and counted, the mean
 * score difference), and a blind session of three supervisors (nobody reads the others' answers before submitting or
 * before the session closes; the spread per item; the owner's agreed answer). Roles and isolation of each.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalibrationIntegrationTests {

	private static final String PASSWORD = "calibration-test-pw-1";

	/** Two items with rules (one may be N/A), one manual POINTS item; equal weights. */
	private static final String SCORECARD = """
			{"passThreshold":80,"sections":[{"name":"Call","items":[
			 {"key":"greeting","label":"Greets with the company phrase","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"thank you for calling\\"","speaker":"AGENT","window":{"kind":"FIRST","seconds":15}}},
			 {"key":"closing","label":"Asks if there is anything else","weight":1,"type":"YES_NO","naAllowed":true,
			  "rule":{"kind":"SAID","query":"\\"anything else\\"","speaker":"AGENT","window":{"kind":"LAST","seconds":60}}},
			 {"key":"courtesy","label":"Courtesy","weight":1,"type":"POINTS","maxPoints":5,"naAllowed":true}]}]}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final String queue = "calibration-q-" + this.suffix;

	final String agentName = "cal-agent-" + this.suffix;

	Http admin;

	Http sup1;

	Http sup2;

	Http sup3;

	Http outsider;

	Http manager;

	Http agent;

	long standardId;

	long versionId;

	@BeforeAll
	void usersAndAStandard() {
		this.admin = new Http(this.port);
		this.sup1 = user("cal-sup1-", "SUPERVISOR");
		this.sup2 = user("cal-sup2-", "SUPERVISOR");
		this.sup3 = user("cal-sup3-", "SUPERVISOR");
		this.outsider = user("cal-sup4-", "SUPERVISOR");
		this.manager = user("cal-man-", "MANAGER");
		this.agent = user("cal-agent-", "AGENT");
		HttpResponse<String> created = this.sup1.post("/api/standards",
				"{\"name\":\"Calibration " + this.suffix + "\",\"scorecard\":" + SCORECARD + "}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.standardId = Http.json(created).path("standard").path("id").asLong();
		assertThat(this.sup1.put("/api/queues/" + this.queue + "/standard", "{\"standardId\":" + this.standardId + "}")
			.statusCode()).isEqualTo(200);
		this.versionId = this.jdbc.sql("select id from scorecard_version where standard_id = :s order by version desc limit 1")
			.param("s", this.standardId).query(Long.class).single();
	}

	@Test
	void automaticVsHumanShouldGiveTheHandComputedAgreementPerItemAndTheMeanScoreDifference() {
		// Call 1: rules PASS greeting, PASS closing (score 100); sup1 answered yes, no, 5/5 (66.67).
		long call1 = call("2033-02-01T09:00:00Z");
		automatic(call1, 100.0, "PASS", "PASS");
		human(this.sup1, call1, "1", "0", "5");
		// Call 2: rules FAIL greeting, N/A closing (score 0); sup2: no, N/A, 3/5 (30); sup1: yes, yes, 4/5 (93.33).
		long call2 = call("2033-02-02T09:00:00Z");
		automatic(call2, 0.0, "FAIL", "NA");
		human(this.sup2, call2, "0", null, "3");
		human(this.sup1, call2, "1", "1", "4");
		// Call 3: only a draft: left out. Call 4: outside the period: left out.
		long call3 = call("2033-02-03T09:00:00Z");
		automatic(call3, 50.0, "PASS", "FAIL");
		assertThat(this.sup1.post("/api/calls/" + call3 + "/evaluations", "").statusCode()).isEqualTo(201);
		long call4 = call("2033-03-01T09:00:00Z");
		automatic(call4, 100.0, "PASS", "PASS");
		human(this.sup1, call4, "0", "0", "0");

		String path = "/api/calibration/automatic?standardId=" + this.standardId
				+ "&from=2033-02-01T00:00:00Z&to=2033-03-01T00:00:00Z";
		HttpResponse<String> response = this.manager.get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode version = Http.json(response).path("versions").get(0);
		assertThat(Http.json(response).path("versions")).hasSize(1);
		assertThat(version.path("scorecardVersionId").asLong()).isEqualTo(this.versionId);
		assertThat(version.path("calls").asInt()).isEqualTo(2);
		assertThat(version.path("pairs").asInt()).isEqualTo(3);
		// greeting: agree, agree, disagree; closing: disagree, 2 N/A pairs. 2 of 4.
		assertThat(version.path("compared").asInt()).isEqualTo(4);
		assertThat(version.path("agreed").asInt()).isEqualTo(2);
		assertThat(version.path("agreement").asDouble()).isEqualTo(0.5);
		// (100 - 66.67) + (0 - 30) + (0 - 93.33) = -90 over 3 pairs; |..| 156.66 / 3.
		assertThat(version.path("meanScoreDifference").asDouble()).isCloseTo(-30.0, within(0.0001));
		assertThat(version.path("meanAbsoluteScoreDifference").asDouble()).isCloseTo(52.22, within(0.0001));
		JsonNode greeting = version.path("items").get(0);
		assertThat(greeting.path("key").asString()).isEqualTo("greeting");
		assertThat(greeting.path("compared").asInt()).isEqualTo(3);
		assertThat(greeting.path("agreed").asInt()).isEqualTo(2);
		assertThat(greeting.path("agreement").asDouble()).isEqualTo(0.6667);
		assertThat(greeting.path("naPairs").asInt()).isZero();
		assertThat(greeting.path("automaticFailHumanPass").asInt()).isEqualTo(1);
		assertThat(greeting.path("automaticPassHumanFail").asInt()).isZero();
		JsonNode closing = version.path("items").get(1);
		assertThat(closing.path("key").asString()).isEqualTo("closing");
		assertThat(closing.path("compared").asInt()).isEqualTo(1);
		assertThat(closing.path("agreed").asInt()).isZero();
		assertThat(closing.path("agreement").asDouble()).isEqualTo(0.0);
		assertThat(closing.path("naPairs").asInt()).isEqualTo(2);
		assertThat(closing.path("automaticPassHumanFail").asInt()).isEqualTo(1);
		// The manual item has no rule: not part of the comparison.
		assertThat(version.path("items")).hasSize(2);

		assertThat(this.sup1.get(path).statusCode()).isEqualTo(200);
		HttpResponse<String> byAgent = this.agent.get(path);
		assertThat(byAgent.statusCode()).isEqualTo(403);
		assertThat(byAgent.body()).doesNotContain("greeting");
		assertThat(Http.anonymous(this.port).get(path).statusCode()).isEqualTo(401);
		HttpResponse<String> backwards = this.manager.get("/api/calibration/automatic?standardId=" + this.standardId
				+ "&from=2033-03-01T00:00:00Z&to=2033-02-01T00:00:00Z");
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.manager.get("/api/calibration/automatic?standardId=987654321").statusCode()).isEqualTo(404);
	}

	@Test
	void blindSessionShouldHideTheOthersAnswersUntilSubmittedOrClosedThenGiveTheHandComputedSpread() {
		long call1 = call("2033-04-01T09:00:00Z");
		long call2 = call("2033-04-02T09:00:00Z");
		String body = """
				{"title":"April calibration","standardId":%d,"callIds":[%d,%d],"participants":["%s","%s"]}"""
			.formatted(this.standardId, call1, call2, "cal-sup2-" + this.suffix, "cal-sup3-" + this.suffix);
		assertThat(this.agent.post("/api/calibration/sessions", body).statusCode()).isEqualTo(403);
		assertThat(this.manager.post("/api/calibration/sessions", body).statusCode()).isEqualTo(403);
		HttpResponse<String> withAnAgent = this.sup1.post("/api/calibration/sessions", """
				{"title":"x","standardId":%d,"callIds":[%d],"participants":["%s"]}"""
			.formatted(this.standardId, call1, "cal-agent-" + this.suffix));
		assertThat(withAnAgent.statusCode()).isEqualTo(400);
		assertThat(Http.json(withAnAgent).path("detail").asString()).contains("not a supervisor");
		HttpResponse<String> created = this.sup1.post("/api/calibration/sessions", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Http.json(created).path("id").asLong();
		assertThat(Http.json(created).path("participants")).hasSize(3);
		assertThat(Http.json(created).path("items")).hasSize(3);
		String session = "/api/calibration/sessions/" + id;

		answer(this.sup1, session, call1, "1", "1", "5");
		answer(this.sup1, session, call2, "0", null, "2");
		assertThat(this.sup1.post(session + "/submit", "").statusCode()).isEqualTo(200);

		answer(this.sup2, session, call1, "1", "0", "3");
		// Blind: sup2 has not submitted, so neither the spread nor sup1's answers are readable.
		HttpResponse<String> early = this.sup2.get(session + "/spread");
		assertThat(early.statusCode()).isEqualTo(403);
		assertThat(early.body()).doesNotContain("cal-sup1");
		JsonNode own = Http.json(this.sup2.get(session));
		assertThat(own.path("myAnswers")).hasSize(3);
		assertThat(own.path("myAnswers").valueStream().map((a) -> a.path("callId").asLong())).containsOnly(call1);
		HttpResponse<String> incomplete = this.sup2.post(session + "/submit", "");
		assertThat(incomplete.statusCode()).isEqualTo(400);
		assertThat(Http.json(incomplete).path("detail").asString()).contains("Not answered yet").contains("call " + call2);
		answer(this.sup2, session, call2, "0", null, "2");
		assertThat(this.sup2.post(session + "/submit", "").statusCode()).isEqualTo(200);
		assertThat(this.sup2.put(session + "/calls/" + call1 + "/answers",
				"{\"items\":[{\"key\":\"greeting\",\"value\":0}]}").statusCode()).isEqualTo(409);

		// sup3 saves answers but does not submit: hidden from the others' spread, and sup3 reads none.
		answer(this.sup3, session, call1, "0", "1", "4");
		answer(this.sup3, session, call2, "0", "1", "2");
		assertThat(this.sup3.get(session + "/spread").statusCode()).isEqualTo(403);
		HttpResponse<String> badValue = this.sup3.put(session + "/calls/" + call1 + "/answers",
				"{\"items\":[{\"key\":\"courtesy\",\"value\":7}]}");
		assertThat(badValue.statusCode()).isEqualTo(400);
		assertThat(this.sup3.put(session + "/calls/987654321/answers",
				"{\"items\":[{\"key\":\"courtesy\",\"value\":1}]}").statusCode()).isEqualTo(400);

		JsonNode twoOfThree = Http.json(this.sup1.get(session + "/spread"));
		assertThat(twoOfThree.path("answeredBy").valueStream().map(JsonNode::asString))
			.containsExactly("cal-sup1-" + this.suffix, "cal-sup2-" + this.suffix);
		assertThat(line(twoOfThree, call1, "greeting").path("agreement").asDouble()).isEqualTo(1.0);
		assertThat(line(twoOfThree, call1, "greeting").path("answers")).hasSize(2);

		// Isolation: a supervisor outside the session, managers and agents see nothing of it.
		assertThat(this.outsider.get(session).statusCode()).isEqualTo(404);
		assertThat(this.outsider.get(session + "/spread").statusCode()).isEqualTo(404);
		assertThat(Http.json(this.outsider.get("/api/calibration/sessions")).valueStream()
			.map((s) -> s.path("id").asLong())).doesNotContain(id);
		assertThat(this.manager.get(session).statusCode()).isEqualTo(403);
		assertThat(this.agent.get(session + "/spread").statusCode()).isEqualTo(403);
		assertThat(Http.json(this.sup3.get("/api/calibration/sessions")).valueStream()
			.map((s) -> s.path("id").asLong())).contains(id);

		assertThat(this.sup2.post(session + "/close", "").statusCode()).isEqualTo(403);
		assertThat(this.sup1.post(session + "/close", "").statusCode()).isEqualTo(200);
		assertThat(this.sup3.put(session + "/calls/" + call1 + "/answers",
				"{\"items\":[{\"key\":\"greeting\",\"value\":1}]}").statusCode()).isEqualTo(409);

		HttpResponse<String> closed = this.sup3.get(session + "/spread");
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		JsonNode spread = Http.json(closed);
		assertThat(spread.path("answeredBy")).hasSize(3);
		// Call 1: greeting 1,1,0 and closing 1,0,1: 2/3 agree, sd of {1,1,0} = sqrt(2/9) = 0.4714.
		assertLine(line(spread, call1, "greeting"), 0.6667, "1", 0.6667, 0.4714);
		assertLine(line(spread, call1, "closing"), 0.6667, "1", 0.6667, 0.4714);
		// courtesy 5,3,4: each answer once (the tie goes to the lowest), mean 4, sd sqrt(2/3) = 0.8165.
		assertLine(line(spread, call1, "courtesy"), 0.3333, "3", 4.0, 0.8165);
		// Call 2: greeting 0,0,0; closing N/A, N/A, 1 (N/A is the common answer; the sd is over the one value).
		assertLine(line(spread, call2, "greeting"), 1.0, "0", 0.0, 0.0);
		assertLine(line(spread, call2, "closing"), 0.6667, "NA", 1.0, 0.0);
		assertLine(line(spread, call2, "courtesy"), 1.0, "2", 2.0, 0.0);
		JsonNode courtesy = spread.path("items").get(2);
		assertThat(courtesy.path("key").asString()).isEqualTo("courtesy");
		assertThat(courtesy.path("answers").asInt()).isEqualTo(6);
		assertThat(courtesy.path("meanAgreement").asDouble()).isCloseTo(0.6667, within(0.0001));
		assertThat(courtesy.path("meanStandardDeviation").asDouble()).isCloseTo(0.4083, within(0.0001));

		// The agreed answer: the owner's alone, checked like any answer.
		String agreed = session + "/calls/" + call1 + "/agreed";
		assertThat(this.sup2.put(agreed, "{\"key\":\"greeting\",\"value\":1}").statusCode()).isEqualTo(403);
		assertThat(this.sup1.put(agreed, "{\"key\":\"greeting\",\"value\":3}").statusCode()).isEqualTo(400);
		HttpResponse<String> decided = this.sup1.put(agreed,
				"{\"key\":\"greeting\",\"value\":1,\"comment\":\"'thanks for calling' counts\"}");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		JsonNode recorded = line(Http.json(this.sup2.get(session + "/spread")), call1, "greeting").path("agreed");
		assertThat(recorded.path("value").asDouble()).isEqualTo(1.0);
		assertThat(recorded.path("decidedBy").asString()).isEqualTo("cal-sup1-" + this.suffix);
		assertThat(recorded.path("comment").asString()).contains("counts");
	}

	private static void assertLine(JsonNode line, double agreement, String common, double mean, double deviation) {
		assertThat(line.path("agreement").asDouble()).as(line.toString()).isEqualTo(agreement);
		assertThat(line.path("commonAnswer").asString()).as(line.toString()).isEqualTo(common);
		assertThat(line.path("meanPoints").asDouble()).as(line.toString()).isEqualTo(mean);
		assertThat(line.path("standardDeviation").asDouble()).as(line.toString()).isEqualTo(deviation);
	}

	private static JsonNode line(JsonNode spread, long call, String key) {
		JsonNode items = spread.path("calls").valueStream().filter((c) -> c.path("callId").asLong() == call)
			.findFirst().orElseThrow().path("items");
		return items.valueStream().filter((i) -> i.path("key").asString().equals(key)).findFirst().orElseThrow();
	}

	private void answer(Http who, String session, long call, String greeting, String closing, String courtesy) {
		HttpResponse<String> saved = who.put(session + "/calls/" + call + "/answers",
				"{\"items\":" + items(greeting, closing, courtesy) + "}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
	}

	/** A human evaluation through the API: started, answered, submitted. A null answer is N/A. */
	private void human(Http who, long call, String greeting, String closing, String courtesy) {
		HttpResponse<String> started = who.post("/api/calls/" + call + "/evaluations", "");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		long id = Http.json(started).path("id").asLong();
		HttpResponse<String> answered = who.put("/api/evaluations/" + id + "/items",
				"{\"items\":" + items(greeting, closing, courtesy) + "}");
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		HttpResponse<String> submitted = who.post("/api/evaluations/" + id + "/submit", "{}");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
	}

	private static String items(String greeting, String closing, String courtesy) {
		return "[" + String.join(",", item("greeting", greeting), item("closing", closing), item("courtesy", courtesy))
				+ "]";
	}

	private static String item(String key, String value) {
		return (value != null) ? "{\"key\":\"" + key + "\",\"value\":" + value + "}"
				: "{\"key\":\"" + key + "\",\"na\":true}";
	}

	/** The engine's result stored as autoscore stores it (the rules' outcomes are what is calibrated here). */
	private void automatic(long call, double score, String greeting, String closing) {
		long id = this.jdbc.sql("""
				insert into automatic_evaluation (call_id, scorecard_version_id, agent, score, passed, critical_failed)
				values (:call, :version, :agent, :score, :score >= 80, false) returning id""")
			.param("call", call).param("version", this.versionId).param("agent", this.agentName).param("score", score)
			.query(Long.class).single();
		int seq = 0;
		for (List<String> item : List.of(List.of("greeting", greeting), List.of("closing", closing))) {
			String outcome = item.get(1);
			this.jdbc.sql("""
					insert into automatic_evaluation_item (evaluation_id, seq, item_key, label, critical, outcome, points,
					    max_points, weight) values (:id, :seq, :key, :key, false, :outcome, :points, 1, 1)""")
				.param("id", id).param("seq", seq++).param("key", item.get(0)).param("outcome", outcome)
				.param("points", "NA".equals(outcome) ? null : ("PASS".equals(outcome) ? 1.0 : 0.0), java.sql.Types.DOUBLE)
				.update();
		}
	}

	private long call(String startedAt) {
		return this.jdbc.sql("""
				insert into call (agent, queue, started_at, duration_sec) values (:agent, :queue, :at, 60) returning id""")
			.param("agent", this.agentName).param("queue", this.queue)
			.param("at", Timestamp.from(Instant.parse(startedAt)))
			.query(Long.class).single();
	}

	private Http user(String prefix, String role) {
		String username = prefix + this.suffix;
		String agentJson = "AGENT".equals(role) ? "\"" + this.agentName + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return new Http(this.port, username, PASSWORD);
	}

}
