package io.callqa.qaconsole.retention;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.OwnDataDirectoryTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Legal holds over real HTTP and the real database: a hold on a call or on a number (written any way) holds exactly
 * those calls; supervisors and admins place and list, only admins release, and a released hold holds nothing; bad
 * input is a 400 problem; managers, agents and wallboards get nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalHoldsIntegrationTests extends OwnDataDirectoryTests {

	private static final String PASSWORD = "holds-test-pw-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LegalHolds legalHolds;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	Http admin;

	Http supervisor;

	Http manager;

	Http agent;

	Http wallboard;

	@BeforeAll
	void users() {
		this.admin = new Http(this.port);
		this.supervisor = user("holds-sup-", "SUPERVISOR", null);
		this.manager = user("holds-man-", "MANAGER", null);
		this.agent = user("holds-agent-", "AGENT", "holds-agent-" + this.suffix);
		this.wallboard = user("holds-wall-", "WALLBOARD", null);
	}

	@Test
	void holdOnACallShouldHoldThatCallUntilAnAdminReleasesIt() {
		long held = call("+15550100");
		long other = call("+15550100");

		HttpResponse<String> placed = this.supervisor.post("/api/legal-holds",
				"{\"callId\":" + held + ",\"reason\":\"Dispute 2026-17\"}");
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		JsonNode hold = Http.json(placed);
		long id = hold.path("id").asLong();
		assertThat(placed.headers().firstValue("Location")).hasValue("/api/legal-holds/" + id);
		assertThat(hold.path("callId").asLong()).isEqualTo(held);
		assertThat(hold.path("placedBy").asString()).isEqualTo("holds-sup-" + this.suffix);
		assertThat(hold.path("releasedAt").isNull()).isTrue();
		assertThat(this.legalHolds.held(List.of(held, other))).containsExactly(held);

		HttpResponse<String> bySupervisor = this.supervisor.post("/api/legal-holds/" + id + "/release", "{}");
		assertThat(bySupervisor.statusCode()).isEqualTo(403);
		assertThat(this.legalHolds.held(List.of(held))).containsExactly(held);

		HttpResponse<String> released = this.admin.post("/api/legal-holds/" + id + "/release",
				"{\"note\":\"settled\"}");
		assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
		assertThat(Http.json(released).path("releasedBy").asString()).isEqualTo("admin");
		assertThat(Http.json(released).path("releaseNote").asString()).isEqualTo("settled");
		assertThat(this.legalHolds.held(List.of(held, other))).isEmpty();

		HttpResponse<String> again = this.admin.post("/api/legal-holds/" + id + "/release", "{}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));

		JsonNode active = Http.json(this.admin.get("/api/legal-holds?callId=" + held));
		assertThat(active.size()).isZero();
		JsonNode all = Http.json(this.supervisor.get("/api/legal-holds?released=true&callId=" + held));
		assertThat(all.size()).isEqualTo(1);
		assertThat(all.get(0).path("releasedBy").asString()).isEqualTo("admin");
	}

	@Test
	void holdOnANumberShouldHoldEveryCallOfThatNumberHoweverItIsWritten() {
		String digits = "1559" + ThreadLocalRandom.current().nextLong(1_000_000L, 10_000_000L);
		long plus = call("+" + digits);
		long bare = call(digits);
		long dashed = call(digits.substring(0, 1) + "-" + digits.substring(1, 4) + "-" + digits.substring(4));
		long otherNumber = call(digits + "9");
		long noNumber = call(null);

		HttpResponse<String> placed = this.admin.post("/api/legal-holds", "{\"number\":\"+" + digits.charAt(0) + " ("
				+ digits.substring(1, 4) + ") " + digits.substring(4, 7) + " " + digits.substring(7) + "\","
				+ "\"reason\":\"Litigation hold, matter 42\"}");
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		assertThat(Http.json(placed).path("number").asString()).isEqualTo(digits);
		assertThat(this.legalHolds.held(List.of(plus, bare, dashed, otherNumber, noNumber)))
			.containsExactlyInAnyOrder(plus, bare, dashed);
		// Found by the number written another way.
		JsonNode listed = Http.json(this.supervisor.get("/api/legal-holds?number=%2B" + digits));
		assertThat(listed.size()).isEqualTo(1);

		long id = Http.json(placed).path("id").asLong();
		assertThat(this.admin.post("/api/legal-holds/" + id + "/release", "").statusCode()).isEqualTo(200);
		assertThat(this.legalHolds.held(List.of(plus, bare, dashed))).isEmpty();
	}

	@Test
	void twoHoldsOnOneCallShouldHoldItUntilBothAreReleased() {
		long call = call(null);
		long first = Http.json(this.admin.post("/api/legal-holds", "{\"callId\":" + call + ",\"reason\":\"A\"}"))
			.path("id").asLong();
		long second = Http.json(this.supervisor.post("/api/legal-holds", "{\"callId\":" + call + ",\"reason\":\"B\"}"))
			.path("id").asLong();
		this.admin.post("/api/legal-holds/" + first + "/release", "{}");
		assertThat(this.legalHolds.held(Set.of(call))).containsExactly(call);
		this.admin.post("/api/legal-holds/" + second + "/release", "{}");
		assertThat(this.legalHolds.held(Set.of(call))).isEmpty();
	}

	@Test
	void badInputShouldBeAProblemAndPlaceNothing() {
		long call = call(null);
		int before = count();
		assertProblem(this.admin.post("/api/legal-holds", "{\"number\":\"call me maybe\",\"reason\":\"x\"}"), 400);
		assertProblem(this.admin.post("/api/legal-holds", "{\"number\":\"+-- \",\"reason\":\"x\"}"), 400);
		assertProblem(this.admin.post("/api/legal-holds", "{\"number\":\"" + "1".repeat(41) + "\",\"reason\":\"x\"}"),
				400);
		assertProblem(this.admin.post("/api/legal-holds", "{\"callId\":" + call + "}"), 400);
		assertProblem(this.admin.post("/api/legal-holds", "{\"callId\":" + call + ",\"reason\":\"  \"}"), 400);
		assertProblem(this.admin.post("/api/legal-holds",
				"{\"callId\":" + call + ",\"reason\":\"" + "x".repeat(2001) + "\"}"), 400);
		assertProblem(this.admin.post("/api/legal-holds",
				"{\"callId\":" + call + ",\"number\":\"5550100\",\"reason\":\"x\"}"), 400);
		assertProblem(this.admin.post("/api/legal-holds", "{\"reason\":\"x\"}"), 400);
		assertProblem(this.admin.post("/api/legal-holds", "{\"callId\":\"twelve\",\"reason\":\"x\"}"), 400);
		assertProblem(this.admin.post("/api/legal-holds", "{\"callId\":999999999,\"reason\":\"x\"}"), 404);
		assertProblem(this.admin.post("/api/legal-holds/999999999/release", "{}"), 404);
		assertProblem(this.admin.get("/api/legal-holds/999999999"), 404);
		assertProblem(this.admin.get("/api/legal-holds?number=abc"), 400);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void onlySupervisorsAndAdminsShouldSeeOrPlaceHolds() {
		long call = call("+15550100");
		long id = Http.json(this.admin.post("/api/legal-holds", "{\"callId\":" + call + ",\"reason\":\"Audit\"}"))
			.path("id").asLong();
		for (Http other : List.of(this.manager, this.agent, this.wallboard)) {
			assertThat(other.get("/api/legal-holds").statusCode()).isEqualTo(403);
			assertThat(other.get("/api/legal-holds/" + id).statusCode()).isEqualTo(403);
			assertThat(other.post("/api/legal-holds", "{\"callId\":" + call + ",\"reason\":\"x\"}").statusCode())
				.isEqualTo(403);
			assertThat(other.post("/api/legal-holds/" + id + "/release", "{}").statusCode()).isEqualTo(403);
		}
		assertThat(Http.anonymous(this.port).get("/api/legal-holds").statusCode()).isEqualTo(401);
		assertThat(this.legalHolds.held(List.of(call))).containsExactly(call);
		JsonNode bySupervisor = Http.json(this.supervisor.get("/api/legal-holds/" + id));
		assertThat(bySupervisor.path("reason").asString()).isEqualTo("Audit");
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception");
	}

	private int count() {
		return this.jdbc.sql("select count(*) from legal_hold").query(Integer.class).single();
	}

	private long call(@Nullable String callerNumber) {
		Instant started = Instant.now().minusSeconds(3600);
		return this.jdbc.sql("""
				insert into call (queue, caller_number, started_at, ended_at, duration_sec, outcome)
				values (:queue, :caller, :started, :ended, 60, 'ANSWERED') returning id""")
			.param("queue", "holds-q-" + this.suffix)
			.param("caller", callerNumber)
			.param("started", Timestamp.from(started))
			.param("ended", Timestamp.from(started.plusSeconds(60)))
			.query(Long.class)
			.single();
	}

	private Http user(String prefix, String role, @Nullable String agentName) {
		String username = prefix + this.suffix;
		String agentJson = (agentName != null) ? "\"" + agentName + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return new Http(this.port, username, PASSWORD);
	}

}
