package io.callqa.qaconsole.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;

/**
 * Whose callback requests each role sees and may cancel: an agent only their own (requested by or kept for them) and
 * the unassigned ones of the queues they take; another agent's is a 404. {@code requestedBy} is the login. Also the
 * call scorecard follows the call's access rule.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackAccessTests {

	private static final String PASSWORD = "callback-test-pw";

	@LocalServerPort
	int port;

	Http admin;

	Http agentA;

	Http agentB;

	Http agentC;

	Http supervisor;

	Http manager;

	long callOfA;

	long callOfB;

	/** A's "only me" in q1. */
	long onlyA;

	/** B's, unassigned, in q1 (A and B take q1). */
	long openInQ1;

	/** B's "only me" in q1. */
	long onlyB;

	/** The supervisor's, unassigned, in q2 (only C takes q2). */
	long openInQ2;

	@BeforeAll
	void usersCallsAndRequests() {
		this.admin = new Http(this.port);
		user("cb-agent-a", "AGENT", "cb-agent-a");
		user("cb-agent-b", "AGENT", "cb-agent-b");
		user("cb-agent-c", "AGENT", "cb-agent-c");
		user("cb-supervisor", "SUPERVISOR", null);
		user("cb-manager", "MANAGER", null);
		this.agentA = new Http(this.port, "cb-agent-a", PASSWORD);
		this.agentB = new Http(this.port, "cb-agent-b", PASSWORD);
		this.agentC = new Http(this.port, "cb-agent-c", PASSWORD);
		this.supervisor = new Http(this.port, "cb-supervisor", PASSWORD);
		this.manager = new Http(this.port, "cb-manager", PASSWORD);
		// The queues an agent takes: those they answer calls in.
		this.callOfA = call("cb-agent-a", "cb-q1");
		this.callOfB = call("cb-agent-b", "cb-q1");
		call("cb-agent-c", "cb-q2");
		this.onlyA = schedule(this.agentA, "cb-q1", true);
		this.openInQ1 = schedule(this.agentB, "cb-q1", false);
		this.onlyB = schedule(this.agentB, "cb-q1", true);
		this.openInQ2 = schedule(this.supervisor, "cb-q2", false);
	}

	@Test
	void eachRoleListsWhatItMaySee() {
		List<Long> all = List.of(this.onlyA, this.openInQ1, this.onlyB, this.openInQ2);
		assertThat(listed(this.agentA)).contains(this.onlyA, this.openInQ1).doesNotContain(this.onlyB, this.openInQ2);
		assertThat(listed(this.agentB)).contains(this.openInQ1, this.onlyB).doesNotContain(this.onlyA, this.openInQ2);
		assertThat(listed(this.agentC)).contains(this.openInQ2).doesNotContain(this.onlyA, this.openInQ1, this.onlyB);
		assertThat(listed(this.supervisor)).containsAll(all);
		assertThat(listed(this.manager)).containsAll(all);
		assertThat(listed(this.admin)).containsAll(all);
		assertThat(listed(this.agentA, "?queue=cb-q1&state=OPEN")).contains(this.onlyA, this.openInQ1)
			.doesNotContain(this.onlyB);
	}

	@Test
	void anAgentReadsOnlyRequestsTheyMaySee() {
		assertThat(this.agentA.get("/api/callbacks/" + this.onlyA).statusCode()).isEqualTo(200);
		assertThat(this.agentA.get("/api/callbacks/" + this.openInQ1).statusCode()).isEqualTo(200);
		for (long hidden : new long[] { this.onlyB, this.openInQ2 }) {
			HttpResponse<String> refused = this.agentA.get("/api/callbacks/" + hidden);
			assertThat(refused.statusCode()).isEqualTo(404);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		for (Http staff : List.of(this.supervisor, this.manager, this.admin)) {
			assertThat(staff.get("/api/callbacks/" + this.onlyB).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void anAgentCannotCancelAnotherAgentsRequest() {
		long kept = schedule(this.agentB, "cb-q1", true);
		HttpResponse<String> refused = this.agentA.post("/api/callbacks/" + kept + "/cancel", "{}");
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.agentC.post("/api/callbacks/" + kept + "/cancel", "{}").statusCode()).isEqualTo(404);
		assertThat(state(kept)).isEqualTo("OPEN");

		HttpResponse<String> own = this.agentB.post("/api/callbacks/" + kept + "/cancel", "{}");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(state(kept)).isEqualTo("CANCELLED");

		long unassigned = schedule(this.supervisor, "cb-q1", false);
		assertThat(this.agentA.post("/api/callbacks/" + unassigned + "/cancel", "{}").statusCode())
			.as("an unassigned request of a queue A takes").isEqualTo(200);
		long other = schedule(this.agentA, "cb-q1", true);
		assertThat(this.supervisor.post("/api/callbacks/" + other + "/cancel", "{}").statusCode()).isEqualTo(200);
	}

	@Test
	void requestedByIsTheLogin() {
		HttpResponse<String> spoofed = this.agentA.post("/api/callbacks", body("cb-q1", true, "\"cb-agent-b\""));
		assertThat(spoofed.statusCode()).as(spoofed.body()).isEqualTo(400);
		assertThat(spoofed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(spoofed).path("detail").asString()).contains("agent");

		HttpResponse<String> ignored = this.agentA.post("/api/callbacks",
				body("cb-q1", true, null).replace("{", "{\"requestedBy\":\"cb-agent-b\","));
		assertThat(ignored.statusCode()).as(ignored.body()).isEqualTo(201);
		JsonNode request = Http.json(ignored);
		assertThat(request.path("requestedBy").asString()).isEqualTo("cb-agent-a");
		assertThat(request.path("assignedAgent").asString()).isEqualTo("cb-agent-a");

		HttpResponse<String> own = this.agentA.post("/api/callbacks", body("cb-q1", false, "\"cb-agent-a\""));
		assertThat(own.statusCode()).as("naming oneself is fine").isEqualTo(201);
		assertThat(Http.json(own).path("requestedBy").asString()).isEqualTo("cb-agent-a");

		HttpResponse<String> bySupervisor = this.supervisor.post("/api/callbacks", body("cb-q2", false, null));
		assertThat(bySupervisor.statusCode()).isEqualTo(201);
		assertThat(Http.json(bySupervisor).path("requestedBy").asString()).isEqualTo("cb-supervisor");
		assertThat(Http.json(bySupervisor).path("assignedAgent").isNull()).isTrue();
		HttpResponse<String> onlyMeSupervisor = this.supervisor.post("/api/callbacks", body("cb-q2", true, null));
		assertThat(onlyMeSupervisor.statusCode()).as("a supervisor takes no calls: 'only me' means nobody")
			.isEqualTo(400);
	}

	@Test
	void theScorecardOfACallFollowsTheCallsAccessRule() {
		assertThat(this.agentA.get("/api/calls/" + this.callOfA + "/scorecard").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = this.agentA.get("/api/calls/" + this.callOfB + "/scorecard");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.agentA.get("/api/calls/987654321/scorecard").statusCode()).isEqualTo(404);
		for (Http staff : List.of(this.supervisor, this.manager, this.admin)) {
			assertThat(staff.get("/api/calls/" + this.callOfB + "/scorecard").statusCode()).isEqualTo(200);
		}
	}

	private List<Long> listed(Http http) {
		return listed(http, "");
	}

	private List<Long> listed(Http http, String query) {
		HttpResponse<String> response = http.get("/api/callbacks" + query + (query.isEmpty() ? "?" : "&")
				+ "limit=1000");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response).valueStream().map((request) -> request.path("id").asLong()).toList();
	}

	private String state(long id) {
		return Http.json(this.admin.get("/api/callbacks/" + id)).path("request").path("state").asString();
	}

	private long schedule(Http http, String queue, boolean onlyMe) {
		HttpResponse<String> response = http.post("/api/callbacks", body(queue, onlyMe, null));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Http.json(response).path("id").asLong();
	}

	private static String body(String queue, boolean onlyMe, String agentJson) {
		String number = "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		return """
				{"queue":"%s","number":"%s","name":"Mrs Smith","at":"%s","onlyMe":%s%s}""".formatted(queue, number,
				Instant.now().plus(2, ChronoUnit.DAYS), onlyMe, (agentJson != null) ? ",\"agent\":" + agentJson : "");
	}

	private void user(String username, String role, String agent) {
		String agentJson = (agent != null) ? "\"" + agent + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isIn(201, 400);
	}

	private long call(String agent, String queue) {
		HttpResponse<String> response = this.admin.upload("/api/recordings", Fixtures.audio("tiny-8k.wav"),
				Map.of("agent", agent, "queue", queue));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return Http.json(response).path("callId").asLong();
	}

}
