package io.callqa.qaconsole.trends;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Categories, re-tagging, trends and customer phrases over real HTTP, on calls with known words written to the
 * database and indexed by the real indexer: a category tags calls indexed after it, a re-tagging tags the calls of a
 * period indexed before it, and the numbers of the trends and phrases are the ones the calls give.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoriesApiIntegrationTests {

	private static final String PASSWORD = "trends-test-pw-1";

	/** The period [10 March, 12 March) and the one before it, [8 March, 10 March). */
	private static final String PERIOD = "from=2031-03-10T00:00:00Z&to=2031-03-12T00:00:00Z&queue=" + TrendCalls.QUEUE;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http admin;

	Http supervisor;

	Http manager;

	Http agent;

	final List<Long> calls = new ArrayList<>();

	@BeforeAll
	void categoryThenCalls() {
		this.admin = new Http(this.port);
		user("trends-supervisor", "SUPERVISOR", null);
		user("trends-manager", "MANAGER", null);
		user("trends-agent", "AGENT", "trends-agent");
		this.supervisor = new Http(this.port, "trends-supervisor", PASSWORD);
		this.manager = new Http(this.port, "trends-manager", PASSWORD);
		this.agent = new Http(this.port, "trends-agent", PASSWORD);
		HttpResponse<String> created = this.supervisor.post("/api/categories", """
				{"name":"Trend refund","query":"refund","speaker":"CUSTOMER"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		TrendCalls add = new TrendCalls(this.jdbc);
		this.calls.add(add.add("2031-03-10T09:00:00Z", "how can i help", "i want a refund for the broken router"));
		this.calls.add(add.add("2031-03-10T10:00:00Z", "how can i help", "my internet is down again"));
		this.calls.add(add.add("2031-03-11T09:00:00Z", "hello", "i want a refund now"));
		this.calls.add(add.add("2031-03-11T10:00:00Z", "a refund is possible", "the broken router again"));
		this.calls.add(add.add("2031-03-08T09:00:00Z", "hello", "my internet is down"));
		this.calls.add(add.add("2031-03-09T09:00:00Z", "hello", "broken router"));
		Eventually.await("the calls indexed", Duration.ofSeconds(30),
				() -> search("queue:" + TrendCalls.QUEUE).path("total").asLong(), (total) -> total == 6);
	}

	@Test
	void categoryShouldTagCallsIndexedAfterItByWhatTheCustomerSaid() {
		assertThat(hits("category:\"Trend refund\"")).containsExactlyInAnyOrder(this.calls.get(0), this.calls.get(2));
	}

	@Test
	void trendsShouldCountCallsAndSharePerDayAndTheRise() {
		JsonNode trends = json(this.manager.get("/api/trends?" + PERIOD));
		assertThat(trends.path("buckets").toString()).isEqualTo("[\"2031-03-10\",\"2031-03-11\"]");
		assertThat(trends.path("calls").toString()).isEqualTo("[2,2]");
		assertThat(trends.path("totalCalls").asLong()).isEqualTo(4);
		assertThat(trends.path("previousCalls").asLong()).isEqualTo(2);
		JsonNode refund = series(trends, "Trend refund");
		assertThat(refund.path("calls").toString()).isEqualTo("[1,1]");
		assertThat(refund.path("share").toString()).isEqualTo("[50.0,50.0]");
		JsonNode rise = named(trends.path("rising"), "Trend refund");
		assertThat(rise.path("calls").asLong()).isEqualTo(2);
		assertThat(rise.path("previousCalls").asLong()).isEqualTo(0);
		assertThat(rise.path("change").asDouble()).isEqualTo(50.0);
		JsonNode weeks = json(this.manager.get("/api/trends?interval=WEEK&" + PERIOD));
		assertThat(weeks.path("buckets").toString()).isEqualTo("[\"2031-03-10\"]");
		assertThat(series(weeks, "Trend refund").path("calls").toString()).isEqualTo("[2]");
	}

	@Test
	void phrasesShouldCountCustomerPhrasesPerCallAgainstThePreviousPeriod() {
		JsonNode phrases = json(this.supervisor.get("/api/trends/phrases?" + PERIOD));
		assertThat(phrases.path("calls").asLong()).isEqualTo(4);
		JsonNode router = named(phrases.path("frequent"), "broken router");
		assertThat(router.path("calls").asLong()).isEqualTo(2);
		assertThat(router.path("previousCalls").asLong()).isEqualTo(1);
		JsonNode refund = named(phrases.path("frequent"), "want a refund");
		assertThat(refund.path("calls").asLong()).isEqualTo(2);
		assertThat(phrases.path("rising").size()).isEqualTo(1);
		assertThat(phrases.path("rising").get(0).path("name").asString()).isEqualTo("want a refund");
		assertThat(phrases.path("rising").get(0).path("change").asDouble()).isEqualTo(50.0);
		assertThat(phrases.toString()).doesNotContain("how can").doesNotContain("\"name\":\"i want\"");
	}

	@Test
	void retagShouldTagCallsIndexedBeforeTheCategoryWithProgress() {
		HttpResponse<String> created = this.supervisor.post("/api/categories", """
				{"name":"Trend router","query":"router","speaker":"CUSTOMER","retag":false}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json(created).path("retag").isNull()).as("retag false: no re-tagging").isTrue();
		assertThat(hits("category:\"Trend router\"")).as("calls indexed before the category").isEmpty();
		HttpResponse<String> started = this.supervisor.post("/api/categories/retag", """
				{"from":"2031-03-08T00:00:00Z","to":"2031-03-12T00:00:00Z"}""");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		JsonNode job = json(started);
		assertThat(job.path("total").asLong()).isEqualTo(6);
		JsonNode done = Eventually.await("the re-tagging done", Duration.ofSeconds(30),
				() -> json(this.manager.get("/api/categories/retag/" + job.path("id").asLong())),
				(progress) -> progress.path("finished").asBoolean());
		assertThat(done.path("done").asLong()).isEqualTo(6);
		assertThat(hits("category:\"Trend router\"")).containsExactlyInAnyOrder(this.calls.get(0), this.calls.get(3),
				this.calls.get(5));
		JsonNode router = series(json(this.manager.get("/api/trends?" + PERIOD)), "Trend router");
		assertThat(router.path("calls").toString()).isEqualTo("[1,1]");
	}

	/**
	 * Saved through the API alone, with no period: the category tags the calls indexed before it, every transcribed
	 * call of the index being re-tagged in the background with the progress as for a period; a change re-tags again.
	 */
	@Test
	void categorySavedThroughTheApiShouldRetagOldCallsByItself() {
		HttpResponse<String> created = this.supervisor.post("/api/categories", """
				{"name":"Trend internet","query":"internet","speaker":"CUSTOMER"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode job = json(created).path("retag");
		assertThat(job.path("total").asLong()).as("every transcribed call of the index").isGreaterThanOrEqualTo(6);
		assertThat(Instant.parse(job.path("from").asString())).isBeforeOrEqualTo(Instant.parse("2031-03-08T09:00:00Z"));
		assertThat(Instant.parse(job.path("to").asString())).isAfter(Instant.parse("2031-03-11T10:00:00Z"));
		awaitRetag(job);
		assertThat(hits("category:\"Trend internet\"")).containsExactlyInAnyOrder(this.calls.get(1), this.calls.get(4));

		long id = json(created).path("category").path("id").asLong();
		HttpResponse<String> changed = this.admin.put("/api/categories/" + id, """
				{"name":"Trend internet down","query":"\\"internet is down again\\"","speaker":"CUSTOMER"}""");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		awaitRetag(json(changed).path("retag"));
		assertThat(hits("category:\"Trend internet down\"")).containsExactly(this.calls.get(1));
		assertThat(hits("category:\"Trend internet\"")).as("the old name is gone from the calls").isEmpty();
	}

	@Test
	void retagOnSaveShouldRefuseContradictionsBeforeSaving() {
		assertProblem(this.supervisor.post("/api/categories", """
				{"name":"Trend contradiction","query":"x","retag":false,"retagFrom":"2031-03-08T00:00:00Z",\
				"retagTo":"2031-03-09T00:00:00Z"}"""), 400);
		assertProblem(this.supervisor.post("/api/categories", """
				{"name":"Trend contradiction","query":"x","retagFrom":"2031-03-08T00:00:00Z"}"""), 400);
		assertProblem(this.supervisor.post("/api/categories", """
				{"name":"Trend contradiction","query":"x","retagFrom":"2031-03-09T00:00:00Z",\
				"retagTo":"2031-03-08T00:00:00Z"}"""), 400);
		assertThat(json(this.manager.get("/api/categories")).findValuesAsString("name"))
			.doesNotContain("Trend contradiction");
	}

	/**
	 * Two queues over the same days side by side: each queue's calls, category counts and shares per day and its rise
	 * against the previous period, over the same categories; with no queue asked, the busiest.
	 */
	@Test
	void queuesSideBySideShouldGiveEachQueuesFigures() {
		TrendCalls a = new TrendCalls(this.jdbc, "trends-side-a");
		TrendCalls b = new TrendCalls(this.jdbc, "trends-side-b");
		a.add("2031-06-10T09:00:00Z", "hello", "i want a refund");
		a.add("2031-06-10T10:00:00Z", "hello", "my internet is down");
		a.add("2031-06-11T09:00:00Z", "hello", "refund please");
		a.add("2031-06-08T09:00:00Z", "hello", "internet down");
		b.add("2031-06-10T09:00:00Z", "hello", "the internet is down");
		b.add("2031-06-11T09:00:00Z", "hello", "the internet again");
		b.add("2031-06-11T10:00:00Z", "hello", "i want a refund");
		Eventually.await("the side by side calls indexed", Duration.ofSeconds(30),
				() -> search("queue:trends-side-a OR queue:trends-side-b").path("total").asLong(), (n) -> n == 7);
		String period = "from=2031-06-10T00:00:00Z&to=2031-06-12T00:00:00Z";
		JsonNode side = json(this.manager.get("/api/trends/queues?" + period + "&queue=trends-side-a&queue=trends-side-b"));
		assertThat(side.path("buckets").toString()).isEqualTo("[\"2031-06-10\",\"2031-06-11\"]");
		assertThat(side.path("queues").findValuesAsString("queue")).containsExactly("trends-side-a", "trends-side-b");
		JsonNode first = side.path("queues").get(0).path("trends");
		assertThat(first.path("calls").toString()).isEqualTo("[2,1]");
		assertThat(first.path("previousCalls").asLong()).isEqualTo(1);
		assertThat(series(first, "Trend refund").path("calls").toString()).isEqualTo("[1,1]");
		assertThat(series(first, "Trend refund").path("share").toString()).isEqualTo("[50.0,100.0]");
		assertThat(named(first.path("rising"), "Trend refund").path("change").asDouble()).isEqualTo(66.67);
		JsonNode second = side.path("queues").get(1).path("trends");
		assertThat(second.path("calls").toString()).isEqualTo("[1,2]");
		assertThat(series(second, "Trend refund").path("calls").toString()).isEqualTo("[0,1]");
		assertThat(series(second, "Trend refund").path("share").toString()).isEqualTo("[0.0,50.0]");
		assertThat(named(second.path("rising"), "Trend refund").path("change").asDouble()).isEqualTo(33.33);
		assertThat(first.path("categories").findValuesAsString("category"))
			.as("the same categories for every queue")
			.containsExactlyInAnyOrderElementsOf(second.path("categories").findValuesAsString("category"));

		JsonNode busiest = json(this.supervisor.get("/api/trends/queues?" + period + "&interval=WEEK"));
		assertThat(busiest.path("queues").findValuesAsString("queue")).containsExactly("trends-side-a",
				"trends-side-b");
		assertThat(busiest.path("queues").get(0).path("trends").path("calls").toString()).isEqualTo("[3]");

		// A supervisor's queues limit their floor actions, not what they read: they compare every queue.
		HttpResponse<String> limitedUser = this.admin.post("/api/users", """
				{"username":"trends-side-sup","password":"%s","role":"SUPERVISOR","queues":["trends-side-a"]}"""
			.formatted(PASSWORD));
		assertThat(limitedUser.statusCode()).as(limitedUser.body()).isEqualTo(201);
		assertThat(json(limitedUser).path("queues").toString()).isEqualTo("[\"trends-side-a\"]");
		Http limited = new Http(this.port, "trends-side-sup", PASSWORD);
		assertThat(json(limited.get("/api/trends/queues?" + period + "&queue=trends-side-b")).path("queues")
			.findValuesAsString("queue")).containsExactly("trends-side-b");
		assertThat(this.agent.get("/api/trends/queues?" + period).statusCode()).isEqualTo(403);
		assertThat(Http.anonymous(this.port).get("/api/trends/queues?" + period).statusCode()).isEqualTo(401);
		assertProblem(this.manager.get("/api/trends/queues?" + period + "&queue=q1&queue=q2&queue=q3&queue=q4"
				+ "&queue=q5&queue=q6&queue=q7"), 400);
		assertProblem(this.manager.get("/api/trends/queues?from=2031-06-12T00:00:00Z&to=2031-06-10T00:00:00Z"), 400);
	}

	@Test
	void onlySupervisorsAndAdminsChangeCategoriesAgentsSeeNothing() {
		String body = """
				{"name":"Trend manager asked","query":"\\"speak to a manager\\"","retag":false}""";
		assertThat(this.manager.post("/api/categories", body).statusCode()).isEqualTo(403);
		assertThat(this.agent.post("/api/categories", body).statusCode()).isEqualTo(403);
		assertThat(this.agent.get("/api/categories").statusCode()).isEqualTo(403);
		assertThat(this.agent.get("/api/trends?" + PERIOD).statusCode()).isEqualTo(403);
		assertThat(this.agent.get("/api/trends/phrases?" + PERIOD).statusCode()).isEqualTo(403);
		assertThat(this.agent.get("/api/categories/retag").statusCode()).isEqualTo(403);
		assertThat(this.manager.post("/api/categories/retag", "{\"from\":\"2031-03-08T00:00:00Z\","
				+ "\"to\":\"2031-03-09T00:00:00Z\"}").statusCode()).isEqualTo(403);
		assertThat(Http.anonymous(this.port).get("/api/categories").statusCode()).isEqualTo(401);
		assertThat(this.manager.get("/api/categories").statusCode()).isEqualTo(200);
		assertThat(this.manager.get("/api/trends?" + PERIOD).statusCode()).isEqualTo(200);
		HttpResponse<String> created = this.supervisor.post("/api/categories", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).path("category").path("id").asLong();
		assertThat(this.manager.put("/api/categories/" + id, body).statusCode()).isEqualTo(403);
		HttpResponse<String> renamed = this.admin.put("/api/categories/" + id, """
				{"name":"Trend manager wanted","query":"manager","speaker":"CUSTOMER","matching":"TOLERANT"}""");
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		assertThat(json(renamed).path("category").path("matching").asString()).isEqualTo("TOLERANT");
		assertThat(this.manager.delete("/api/categories/" + id).statusCode()).isEqualTo(403);
		assertThat(this.agent.delete("/api/categories/" + id).statusCode()).isEqualTo(403);
		// Without a session there is no CSRF token either: refused before authentication.
		assertThat(Http.anonymous(this.port).delete("/api/categories/" + id).statusCode()).isIn(401, 403);
		assertThat(this.supervisor.get("/api/categories/" + id).statusCode()).as("still there").isEqualTo(200);
		HttpResponse<String> deleted = this.supervisor.delete("/api/categories/" + id);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
		assertThat(json(deleted).path("category").path("name").asString()).isEqualTo("Trend manager wanted");
		assertThat(this.supervisor.get("/api/categories/" + id).statusCode()).isEqualTo(404);
		assertProblem(this.supervisor.delete("/api/categories/" + id), 404);

		HttpResponse<String> byAdmin = this.supervisor.post("/api/categories", """
				{"name":"Trend admin deletes","query":"router","retag":false}""");
		assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(201);
		long adminDeletes = json(byAdmin).path("category").path("id").asLong();
		assertThat(this.admin.delete("/api/categories/" + adminDeletes).statusCode()).isEqualTo(200);
	}

	/**
	 * Deleting a category re-tags exactly the calls tagged with it, which lose its name; meanwhile trends, facets and
	 * the category filter ignore the name.
	 */
	@Test
	void deleteShouldTakeTheNameOffTheCallsTaggedWithIt() {
		HttpResponse<String> created = this.supervisor.post("/api/categories", """
				{"name":"Trend broken","query":"broken","speaker":"CUSTOMER"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		awaitRetag(json(created).path("retag"));
		assertThat(hits("category:\"Trend broken\"")).containsExactlyInAnyOrder(this.calls.get(0), this.calls.get(3),
				this.calls.get(5));
		long everywhere = search("category:\"Trend broken\"").path("total").asLong();
		long id = json(created).path("category").path("id").asLong();

		HttpResponse<String> deleted = this.supervisor.delete("/api/categories/" + id);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
		JsonNode body = json(deleted);
		assertThat(body.path("category").path("id").asLong()).isEqualTo(id);
		assertThat(body.path("category").path("name").asString()).isEqualTo("Trend broken");
		JsonNode job = body.path("retag");
		assertThat(job.path("total").asLong()).as("the calls tagged with it (and a batch being indexed, if any)")
			.isGreaterThanOrEqualTo(everywhere);
		assertThat(job.path("queued").asLong()).isBetween(0L, job.path("total").asLong());
		assertThat(Instant.parse(job.path("from").asString())).isBeforeOrEqualTo(Instant.parse("2031-03-09T09:00:00Z"));
		assertThat(json(this.manager.get("/api/trends?" + PERIOD)).path("categories").findValuesAsString("category"))
			.doesNotContain("Trend broken");
		assertThat(json(this.supervisor.get("/api/search?facets=true&q=queue:" + TrendCalls.QUEUE)).path("facets")
			.path("category")
			.findValuesAsString("value")).doesNotContain("Trend broken");
		assertThat(json(this.supervisor.get("/api/search?category=Trend%20broken&q=queue:" + TrendCalls.QUEUE))
			.path("total")
			.asLong()).isZero();

		awaitRetag(job);
		JsonNode done = json(this.manager.get("/api/categories/retag/" + job.path("id").asLong()));
		assertThat(done.path("done").asLong()).isEqualTo(done.path("total").asLong());
		assertThat(search("category:\"Trend broken\"").path("total").asLong()).isZero();
	}

	/**
	 * Renamed with a period, the calls tagged with the old name outside it are re-tagged too: the old name leaves
	 * every call.
	 */
	@Test
	void renameShouldMoveTheTagAlsoOutsideThePeriod() {
		HttpResponse<String> created = this.supervisor.post("/api/categories", """
				{"name":"Trend down","query":"down","speaker":"CUSTOMER"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		awaitRetag(json(created).path("retag"));
		assertThat(hits("category:\"Trend down\"")).containsExactlyInAnyOrder(this.calls.get(1), this.calls.get(4));

		long id = json(created).path("category").path("id").asLong();
		HttpResponse<String> renamed = this.supervisor.put("/api/categories/" + id, """
				{"name":"Trend outage","query":"down","speaker":"CUSTOMER","retagFrom":"2031-03-10T00:00:00Z",\
				"retagTo":"2031-03-11T00:00:00Z"}""");
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		JsonNode job = json(renamed).path("retag");
		assertThat(Instant.parse(job.path("from").asString()))
			.as("widened to the old name's call of 8 March")
			.isBeforeOrEqualTo(Instant.parse("2031-03-08T09:00:00Z"));
		awaitRetag(job);
		assertThat(hits("category:\"Trend outage\"")).containsExactlyInAnyOrder(this.calls.get(1), this.calls.get(4));
		assertThat(search("category:\"Trend down\"").path("total").asLong()).as("on no call of any queue").isZero();
	}

	/**
	 * Two saves in a row: each call is queued at most once per save, the second relying on the first's rows the
	 * indexer has not picked up yet (how many depends on the indexer's timing: CategoryRetagTests drives it), and
	 * both categories end up on their calls.
	 */
	@Test
	void twoSavesInARowShouldTagBoth() {
		HttpResponse<String> first = this.supervisor.post("/api/categories", """
				{"name":"Trend helped","query":"help","speaker":"AGENT"}""");
		HttpResponse<String> second = this.supervisor.post("/api/categories", """
				{"name":"Trend greeted","query":"hello","speaker":"AGENT"}""");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
		for (HttpResponse<String> saved : List.of(first, second)) {
			JsonNode job = json(saved).path("retag");
			assertThat(job.path("queued").asLong()).isBetween(0L, job.path("total").asLong());
			awaitRetag(job);
		}
		assertThat(hits("category:\"Trend helped\"")).containsExactlyInAnyOrder(this.calls.get(0), this.calls.get(1));
		assertThat(hits("category:\"Trend greeted\"")).containsExactlyInAnyOrder(this.calls.get(2),
				this.calls.get(4), this.calls.get(5));
	}

	@Test
	void badCategoriesAndPeriodsShouldBeClearProblems() {
		assertProblem(this.supervisor.post("/api/categories", "{\"name\":\"Trend broken\",\"query\":\"\\\"unclosed\"}"),
				400);
		assertProblem(this.supervisor.post("/api/categories", "{\"name\":\" \",\"query\":\"refund\"}"), 400);
		assertProblem(this.supervisor.post("/api/categories", "{\"name\":\"trend REFUND\",\"query\":\"refund\"}"),
				409);
		assertProblem(this.supervisor.post("/api/categories",
				"{\"name\":\"Trend speaker\",\"query\":\"refund\",\"speaker\":\"NOBODY\"}"), 400);
		assertProblem(this.supervisor.put("/api/categories/999999", "{\"name\":\"Trend x\",\"query\":\"x\"}"), 404);
		assertProblem(this.manager.get("/api/trends?from=2031-03-12T00:00:00Z&to=2031-03-10T00:00:00Z"), 400);
		assertProblem(this.manager.get("/api/trends?" + PERIOD + "&interval=MONTH"), 400);
		assertProblem(this.manager.get("/api/trends?" + PERIOD + "&zone=Mars/Olympus"), 400);
		assertProblem(this.manager.get("/api/trends/phrases?" + PERIOD + "&limit=0"), 400);
		assertProblem(this.manager.get("/api/categories/retag/999999"), 404);
	}

	@Test
	void starterCategoriesShouldExist() {
		assertThat(json(this.manager.get("/api/categories")).findValuesAsString("name")).contains("Refund request",
				"Cancellation", "Asked for a manager");
	}

	private void awaitRetag(JsonNode job) {
		assertThat(job.path("id").isMissingNode()).as("a re-tagging: " + job).isFalse();
		Eventually.await("the re-tagging done", Duration.ofSeconds(60),
				() -> json(this.manager.get("/api/categories/retag/" + job.path("id").asLong())),
				(progress) -> progress.path("finished").asBoolean());
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("at org.");
	}

	private JsonNode search(String query) {
		return json(this.supervisor.get("/api/search?size=100&q="
				+ java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)));
	}

	private List<Long> hits(String query) {
		List<Long> ids = new ArrayList<>();
		search(query + " AND queue:" + TrendCalls.QUEUE).path("hits").forEach((hit) -> ids.add(hit.path("callId")
			.asLong()));
		return ids;
	}

	private static JsonNode series(JsonNode trends, String category) {
		for (JsonNode series : trends.path("categories")) {
			if (series.path("category").asString().equals(category)) {
				return series;
			}
		}
		throw new AssertionError("no series " + category + " in " + trends);
	}

	private static JsonNode named(JsonNode list, String name) {
		for (JsonNode item : list) {
			if (item.path("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("no " + name + " in " + list);
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		return Http.json(response);
	}

	private void user(String username, String role, String agentName) {
		String agentJson = (agentName != null) ? "\"" + agentName + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isIn(201, 400);
	}

}
