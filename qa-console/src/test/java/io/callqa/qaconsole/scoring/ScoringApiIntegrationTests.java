package io.callqa.qaconsole.scoring;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.callqa.CallQaApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import io.callqa.qaconsole.users.Role;
import io.callqa.qaconsole.users.Users;

/**
 * The scoring API through the web layer and the security filter chain (users and CSRF tokens come from
 * spring-security-test), with the real database behind it.
 */
@SpringBootTest(classes = CallQaApplication.class)
@ActiveProfiles("test")
class ScoringApiIntegrationTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@Autowired
	Users users;

	@BeforeEach
	void mvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void supervisorScoresAndAgentDisputesOverHttp() throws Exception {
		String agent = TestCalls.agent();
		long call = new TestCalls(this.jdbc).recorded(agent, null, Instant.now());
		JsonNode scorecard = body(as("sup", get("/api/calls/" + call + "/scorecard")), 200);
		assertThat(scorecard.path("scorecard").path("sections").get(0).path("name").asString()).isEqualTo("Greeting");
		long id = body(as("sup", post("/api/calls/" + call + "/evaluations")), 201).path("id").asLong();
		StringBuilder items = new StringBuilder();
		for (JsonNode section : scorecard.path("scorecard").path("sections")) {
			section.path("items").forEach((item) -> items.append(items.isEmpty() ? "" : ",")
				.append("{\"key\":\"%s\",\"value\":1,\"evidenceSec\":12.5}".formatted(item.path("key").asString())));
		}
		JsonNode answered = body(as("sup", put("/api/evaluations/" + id + "/items"),
				"{\"items\":[" + items + "],\"comment\":\"Well done\"}"), 200);
		assertThat(answered.path("items").get(0).path("evidenceSec").asDouble()).isEqualTo(12.5);
		// The default standard weighs 28; value 1 is half of the two 0..2 items (weights 2 and 1): 26.5 / 28
		assertThat(body(as("sup", get("/api/evaluations/" + id)), 200).path("preview").path("score").asDouble())
			.isEqualTo(94.64);
		JsonNode submitted = body(as("sup", post("/api/evaluations/" + id + "/submit")), 200);
		assertThat(submitted.path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.path("evaluator").asString()).isEqualTo("sup");
		assertThat(submitted.path("agent").asString()).isEqualTo(agent);
		JsonNode disputed = body(as(agent, post("/api/evaluations/" + id + "/dispute"), "{\"comment\":\"Why?\"}"), 200);
		assertThat(disputed.path("state").asString()).isEqualTo("DISPUTED");
		JsonNode list = body(as("sup", get("/api/evaluations?state=DISPUTED&agent=" + agent)), 200);
		assertThat(list.get(0).path("id").asLong()).isEqualTo(id);
		JsonNode resolved = body(as("sup", post("/api/evaluations/" + id + "/resolve"), "{\"comment\":\"Stands\"}"), 200);
		assertThat(resolved.path("state").asString()).isEqualTo("RESOLVED");
		assertThat(body(as("sup", get("/api/evaluations/" + id)), 200).path("scorecard").path("id").asLong())
			.isEqualTo(scorecard.path("id").asLong());
	}

	@Test
	void errorsShouldBeProblemsWithTheRightStatus() throws Exception {
		long call = new TestCalls(this.jdbc).recorded(TestCalls.agent(), null, Instant.now());
		long id = body(as("sup", post("/api/calls/" + call + "/evaluations")), 201).path("id").asLong();
		JsonNode invalid = body(as("sup", put("/api/evaluations/" + id + "/items"),
				"{\"items\":[{\"key\":\"greeting.welcome\",\"value\":7}]}"), 400);
		assertThat(invalid.path("detail").asString()).contains("'greeting.welcome'", "1 (yes) or 0 (no)");
		assertThat(body(as("sup", post("/api/evaluations/" + id + "/submit")), 400).path("detail").asString())
			.startsWith("Not answered yet: greeting.welcome");
		assertThat(body(as("sup", get("/api/evaluations/987654")), 404).path("title").asString())
			.isEqualTo("Evaluation not found");
		body(as("sup", put("/api/standards/987654"), """
				{"scorecard":{"passThreshold":1,"sections":[{"name":"S","items":[
				 {"key":"a","label":"A","weight":1,"type":"YES_NO"}]}]}}"""), 404);
		assertThat(body(as("sup", get("/api/standards/987654")), 404).path("status").asInt()).isEqualTo(404);
		assertThat(body(as("sup", post("/api/calls/987654/evaluations")), 404).path("detail").asString())
			.isEqualTo("No call with id 987654");
		// Only the agent of the call acknowledges; a supervisor is refused by role.
		body(as("sup", post("/api/evaluations/" + id + "/acknowledge")), 403);
	}

	@Test
	void draftsBelongToTheirEvaluatorAgentsSeeOnlyTheirOwnAndACriticalFailAlertsSupervisors() throws Exception {
		String agent = TestCalls.agent();
		String other = TestCalls.agent();
		long call = new TestCalls(this.jdbc).recorded(agent, null, Instant.now());
		JsonNode scorecard = body(as("sup", get("/api/calls/" + call + "/scorecard")), 200);
		long id = body(as("sup", post("/api/calls/" + call + "/evaluations")), 201).path("id").asLong();
		assertThat(body(as(agent, get("/api/calls/" + call + "/evaluations")), 200)).as("drafts are not shown").isEmpty();
		// Every item answered 1 except "forbidden" items at 0: a critical fail.
		StringBuilder items = new StringBuilder();
		for (JsonNode section : scorecard.path("scorecard").path("sections")) {
			section.path("items").forEach((item) -> items.append(items.isEmpty() ? "" : ",")
				.append("{\"key\":\"%s\",\"value\":%d}".formatted(item.path("key").asString(),
						item.path("critical").asBoolean() ? 0 : 1)));
		}
		body(as("sup-2", put("/api/evaluations/" + id + "/items"), "{\"items\":[" + items + "]}"), 403);
		body(as("sup", put("/api/evaluations/" + id + "/items"), "{\"items\":[" + items + "]}"), 200);
		JsonNode submitted = body(as("sup", post("/api/evaluations/" + id + "/submit")), 200);
		assertThat(submitted.path("criticalFailed").asBoolean()).isTrue();
		assertThat(submitted.path("score").asDouble()).isZero();
		assertThat(this.jdbc.sql("select count(*) from supervisor_alert where kind = 'FAILED_CRITICAL' and call_id = :c")
			.param("c", call).query(Long.class).single()).isEqualTo(1);

		assertThat(body(as(agent, get("/api/evaluations/" + id)), 200).path("evaluation").path("id").asLong())
			.isEqualTo(id);
		body(as(other, get("/api/evaluations/" + id)), 403);
		body(as(other, post("/api/evaluations/" + id + "/dispute"), "{\"comment\":\"Not mine\"}"), 403);
		body(as(other, get("/api/calls/" + call + "/evaluations")), 403);
		assertThat(body(as(other, get("/api/evaluations?agent=" + agent)), 200)).isEmpty();
		body(as(agent, post("/api/calls/" + call + "/evaluations")), 403);
	}

	@Test
	void standardsCanBeCreatedEditedAndAssignedOverHttp() throws Exception {
		String name = "Sales " + UUID.randomUUID();
		String card = """
				{"passThreshold":75,"sections":[{"name":"Offer","items":[
				 {"key":"offer","label":"Offers","weight":2,"type":"POINTS","maxPoints":3,"naAllowed":true,
				  "guidance":"Where the queue asks for it"}]}]}""";
		JsonNode created = body(as("admin", post("/api/standards"),
				"{\"name\":\"%s\",\"description\":\"d\",\"scorecard\":%s}".formatted(name, card)), 201);
		long id = created.path("standard").path("id").asLong();
		assertThat(created.path("current").path("scorecard").path("sections").get(0).path("items").get(0)
			.path("maxPoints").asInt()).isEqualTo(3);
		assertThat(body(as("admin", put("/api/standards/" + id), "{\"scorecard\":%s}".formatted(card)), 200)
			.path("version").asInt()).isEqualTo(2);
		assertThat(body(as("admin", get("/api/standards/" + id)), 200).path("versions").size()).isEqualTo(2);
		body(as("admin", put("/api/queues/sales-" + id + "/standard"), "{\"standardId\":%d}".formatted(id)), 200);
		assertThat(body(as("admin", get("/api/standards")), 200).toString()).contains("sales-" + id);
		body(as("admin", post("/api/standards"), "{\"name\":\"%s\",\"scorecard\":%s}".formatted(name, card)), 409);
		body(as("admin", put("/api/standards/" + id), "{\"scorecard\":{\"passThreshold\":75,\"sections\":[]}}"), 400);
	}

	@Test
	void samplingShouldAnswerCallsOverHttp() throws Exception {
		String agent = TestCalls.agent();
		long call = new TestCalls(this.jdbc).recorded(agent, null, Instant.parse("2026-11-17T09:00:00Z"));
		JsonNode sample = body(as("sup", get("/api/sampling?agent=" + agent
				+ "&from=2026-11-16T00:00:00Z&to=2026-11-23T00:00:00Z&count=3")), 200);
		assertThat(sample.size()).isEqualTo(1);
		assertThat(sample.get(0).path("id").asLong()).isEqualTo(call);
		assertThat(sample.get(0).path("agent").asString()).isEqualTo(agent);
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(principal(username))).with(csrf());
	}

	/** A real console user (agents are named agent-..., everyone else is a supervisor unless it exists already). */
	private UserDetails principal(String username) {
		try {
			return this.users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			Role role = username.startsWith("agent") ? Role.AGENT : Role.SUPERVISOR;
			this.users.create(new Users.NewUser(username, "password-123", role,
					(role == Role.AGENT) ? username : null, null));
			return this.users.loadUserByUsername(username);
		}
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request, String body) {
		return as(username, request).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private JsonNode body(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String content = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(content).isEqualTo(status);
		return json.readTree(content);
	}

}
