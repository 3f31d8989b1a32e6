package io.callqa.qaconsole.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.QueueCaller;
import io.callqa.simulator.ReceivedOriginate;
import io.callqa.simulator.SimulatedQueue;
import io.callqa.simulator.SimulatedQueue.Member;
import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.LiveFloor;
import io.callqa.transcription.Eventually;

/**
 * The live floor's actions end to end: real HTTP, the real telephony floor and the real Asterisk-Java client against
 * the AMI simulator. Per endpoint who may call it (an agent on themselves, another agent, the supervisor of the queue
 * and of another queue, a manager, a wallboard, an admin), that the action reaches the simulator as the right AMI
 * action (a QueuePause with its Reason comes back as the member's pause with that reason; QueueAdd and QueueRemove
 * change the membership; an Originate into ChanSpy with {@code qEwu} rings the supervisor's phone), and the audit.
 *
 * <p>Queues: {@code fa-sales} (fa1 on PJSIP/1101, fa2 on PJSIP/1102), {@code fa-support} (fa2, fa3 on PJSIP/1103).
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Closed after the class: no other class has this configuration (its simulator's port), and left in the context cache
// it would keep a database, workers and a connector retrying its stopped simulator for the rest of the test JVM.
@DirtiesContext
class FloorActionsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String PASSWORD = "floor-actions-pw";

	private static final Member FA1 = Member.pjsip("fa1", "1101");

	private static final Member FA2 = Member.pjsip("fa2", "1102");

	private static final Member FA3 = Member.pjsip("fa3", "1103");

	private static final AmiSimulator simulator = AmiSimulator.start("callqa", "s3cret")
		.queues(List.of(new SimulatedQueue("fa-sales", "ringall", 15, 5, List.of(FA1, FA2)),
				new SimulatedQueue("fa-support", "ringall", 15, 5, List.of(FA2, FA3))));

	@LocalServerPort
	int port;

	@Autowired
	LiveFloor floor;

	@Autowired
	JdbcClient jdbc;

	Http admin;

	Http salesSupervisor;

	Http supportSupervisor;

	Http phonelessSupervisor;

	Http manager;

	Http agent1;

	Http agent3;

	Http wallboard;

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
	void users() throws InterruptedException {
		this.admin = new Http(this.port);
		this.salesSupervisor = user("fa-sup-sales", "SUPERVISOR", null, "PJSIP/2001", "fa-sales");
		this.supportSupervisor = user("fa-sup-support", "SUPERVISOR", null, "PJSIP/2002", "fa-support");
		this.phonelessSupervisor = user("fa-sup-nophone", "SUPERVISOR", null, null, "fa-sales");
		this.manager = user("fa-manager", "MANAGER", null, null, null);
		this.agent1 = user("fa-agent1", "AGENT", "fa1", null, null);
		this.agent3 = user("fa-agent3", "AGENT", "fa3", null, null);
		this.wallboard = user("fa-tv", "WALLBOARD", null, null, null);
		assertThat(simulator.awaitLoggedInClients(1, TIMEOUT)).isTrue();
		Eventually.await("the members on the floor", TIMEOUT, () -> this.floor.agent("fa3"),
				(agent) -> agent.isPresent() && agent.get().state() != AgentState.LOGGED_OUT);
	}

	@Test
	void anAgentPausesAndUnpausesThemselvesWithAReasonFromTheList() {
		long since = lastActionId();
		HttpResponse<String> paused = this.agent1.post("/api/me/pause", "{\"reason\":\"Lunch\"}");
		assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
		assertThat(Http.json(paused).path("outcome").asString()).isEqualTo("DONE");
		AgentFloor fa1 = awaitAgent("fa1", (agent) -> agent.state() == AgentState.PAUSED);
		assertThat(fa1.pauseReason()).as("the QueuePause's Reason, as the simulator sent it back").isEqualTo("Lunch");
		JsonNode mine = Http.json(this.agent1.get("/api/me/floor"));
		assertThat(mine.path("state").asString()).isEqualTo("PAUSED");
		assertThat(mine.path("pauseReason").asString()).isEqualTo("Lunch");

		assertThat(this.agent1.post("/api/me/unpause", "{}").statusCode()).isEqualTo(200);
		awaitAgent("fa1", (agent) -> agent.state() != AgentState.PAUSED);

		for (String body : new String[] { "{\"reason\":\"Nap\"}", "{}", "{\"reason\":\"Lunch\\r\\nAction: Logoff\"}" }) {
			HttpResponse<String> refused = this.agent1.post("/api/me/pause", body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(Http.json(refused).path("detail").asString()).contains("Break", "Lunch");
		}
		assertThat(this.floor.agent("fa1").orElseThrow().state()).isNotEqualTo(AgentState.PAUSED);
		assertThat(outcomes(since, "fa-agent1", "PAUSE")).containsExactly("DONE", "INVALID", "INVALID", "INVALID");
		assertThat(audit("fa-agent1").get(0).path("queues").valueStream().map(JsonNode::asString))
			.containsExactly("fa-sales");
	}

	@Test
	void onlyAgentsPauseThemselvesAndOnlyThroughMe() {
		long since = lastActionId();
		assertThat(this.salesSupervisor.post("/api/me/pause", "{\"reason\":\"Break\"}").statusCode()).isEqualTo(403);
		assertThat(this.manager.post("/api/me/unpause", "{}").statusCode()).isEqualTo(403);
		assertThat(this.agent1.get("/api/me/floor").statusCode()).isEqualTo(200);
		assertThat(this.manager.get("/api/me/floor").statusCode()).isEqualTo(403);
		HttpResponse<String> other = this.agent3.post("/api/floor/agents/fa1/pause", "{\"reason\":\"Break\"}");
		assertThat(other.statusCode()).as("an agent on another agent").isEqualTo(403);
		assertThat(Http.json(other).path("reason").asString()).isEqualTo("FORBIDDEN");
		assertThat(outcomes(since, "fa-agent3", "PAUSE")).containsExactly("FORBIDDEN");
	}

	@Test
	void aSupervisorPausesAgentsOfTheirQueuesOnly() {
		long since = lastActionId();
		// fa3 is in fa-support only.
		HttpResponse<String> other = this.salesSupervisor.post("/api/floor/agents/fa3/pause", "{\"reason\":\"Coaching\"}");
		assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
		assertThat(this.manager.post("/api/floor/agents/fa3/pause", "{\"reason\":\"Coaching\"}").statusCode())
			.isEqualTo(403);
		assertThat(this.wallboard.post("/api/floor/agents/fa3/pause", "{\"reason\":\"Coaching\"}").statusCode())
			.isEqualTo(403);
		assertThat(this.floor.agent("fa3").orElseThrow().state()).isNotEqualTo(AgentState.PAUSED);

		HttpResponse<String> own = this.supportSupervisor.post("/api/floor/agents/fa3/pause",
				"{\"reason\":\"Coaching\"}");
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat(awaitAgent("fa3", (agent) -> agent.state() == AgentState.PAUSED).pauseReason())
			.isEqualTo("Coaching");
		HttpResponse<String> unpaused = this.supportSupervisor.post("/api/floor/agents/fa3/unpause", "{}");
		assertThat(unpaused.statusCode()).as(unpaused.body()).isEqualTo(200);
		awaitAgent("fa3", (agent) -> agent.state() != AgentState.PAUSED);

		// fa2 is in both queues: in every queue needs both; in the supervisor's own queue is fine.
		HttpResponse<String> everywhere = this.salesSupervisor.post("/api/floor/agents/fa2/pause", "{}");
		assertThat(everywhere.statusCode()).as(everywhere.body()).isEqualTo(403);
		assertThat(Http.json(everywhere).path("detail").asString()).contains("name a queue");
		HttpResponse<String> inSales = this.salesSupervisor.post("/api/floor/agents/fa2/pause",
				"{\"queue\":\"fa-sales\",\"reason\":\"Meeting\"}");
		assertThat(inSales.statusCode()).as(inSales.body()).isEqualTo(200);
		assertThat(this.salesSupervisor.post("/api/floor/agents/fa2/unpause", "{\"queue\":\"fa-sales\"}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> inSupport = this.salesSupervisor.post("/api/floor/agents/fa2/pause",
				"{\"queue\":\"fa-support\"}");
		assertThat(inSupport.statusCode()).isEqualTo(403);

		// Admins act anywhere; an unknown agent is a 404, a queue the agent is not in a 409.
		assertThat(this.admin.post("/api/floor/agents/fa2/pause", "{\"reason\":\"Admin\"}").statusCode())
			.isEqualTo(200);
		assertThat(awaitAgent("fa2", (agent) -> agent.state() == AgentState.PAUSED).pauseReason()).isEqualTo("Admin");
		assertThat(this.admin.post("/api/floor/agents/fa2/unpause", "{}").statusCode()).isEqualTo(200);
		awaitAgent("fa2", (agent) -> agent.state() != AgentState.PAUSED);
		HttpResponse<String> unknown = this.admin.post("/api/floor/agents/nobody/pause", "{}");
		assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
		assertThat(Http.json(unknown).path("reason").asString()).isEqualTo("UNKNOWN_AGENT");
		HttpResponse<String> notMember = this.admin.post("/api/floor/agents/fa1/pause", "{\"queue\":\"fa-support\"}");
		assertThat(notMember.statusCode()).as(notMember.body()).isEqualTo(409);
		assertThat(Http.json(notMember).path("reason").asString()).isEqualTo("NOT_A_MEMBER");

		assertThat(outcomes(since, "fa-sup-sales", "PAUSE")).containsExactly("FORBIDDEN", "FORBIDDEN", "DONE", "FORBIDDEN");
		assertThat(outcomes(since, "fa-manager", "PAUSE")).containsExactly("FORBIDDEN");
		assertThat(outcomes(since, "fa-tv", "PAUSE")).as("a wallboard never reaches the floor").isEmpty();
	}

	@Test
	void aSupervisorLogsAgentsIntoAndOutOfTheirQueues() {
		long since = lastActionId();
		HttpResponse<String> added = this.supportSupervisor.post("/api/floor/queues/fa-support/members",
				"{\"agent\":\"fa1\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		awaitAgent("fa1", (agent) -> agent.queues().equals(List.of("fa-sales", "fa-support")));
		HttpResponse<String> again = this.supportSupervisor.post("/api/floor/queues/fa-support/members",
				"{\"agent\":\"fa1\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(Http.json(again).path("reason").asString()).isEqualTo("ALREADY_A_MEMBER");

		assertThat(this.salesSupervisor.delete("/api/floor/queues/fa-support/members/fa1").statusCode())
			.isEqualTo(403);
		assertThat(this.manager.delete("/api/floor/queues/fa-support/members/fa1").statusCode()).isEqualTo(403);
		assertThat(this.agent1.delete("/api/floor/queues/fa-support/members/fa1").statusCode()).isEqualTo(403);
		HttpResponse<String> removed = this.supportSupervisor.delete("/api/floor/queues/fa-support/members/fa1");
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		awaitAgent("fa1", (agent) -> agent.queues().equals(List.of("fa-sales")));
		HttpResponse<String> gone = this.supportSupervisor.delete("/api/floor/queues/fa-support/members/fa1");
		assertThat(gone.statusCode()).isEqualTo(409);
		assertThat(Http.json(gone).path("reason").asString()).isEqualTo("NOT_A_MEMBER");
		assertThat(this.supportSupervisor.post("/api/floor/queues/fa-support/members", "{}").statusCode())
			.isEqualTo(400);
		HttpResponse<String> noQueue = this.admin.post("/api/floor/queues/fa-nowhere/members", "{\"agent\":\"fa1\"}");
		assertThat(noQueue.statusCode()).as(noQueue.body()).isEqualTo(503);
		assertThat(Http.json(noQueue).path("reason").asString()).isEqualTo("REFUSED");
		assertThat(noQueue.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		assertThat(outcomes(since, "fa-sup-support", "QUEUE_ADD")).containsExactly("DONE", "ALREADY_A_MEMBER");
		assertThat(outcomes(since, "fa-sup-support", "QUEUE_REMOVE")).containsExactly("DONE", "NOT_A_MEMBER");
		assertThat(outcomes(since, "fa-sup-sales", "QUEUE_REMOVE")).containsExactly("FORBIDDEN");
	}

	@Test
	void aSupervisorWhispersToAnAgentOnACallOfTheirQueueFromTheirOwnPhone() {
		QueueCaller caller = simulator.callerJoins("fa-support", "5550133", "Coached Caller");
		String agentChannel = simulator.answer(caller, "fa3");
		try {
			awaitAgent("fa3", (agent) -> agent.call() != null && agentChannel.equals(agent.call().agentChannel()));

			assertThat(this.salesSupervisor.post("/api/floor/agents/fa3/spy", "{\"mode\":\"WHISPER\"}").statusCode())
				.as("a call of another queue").isEqualTo(403);
			assertThat(this.manager.post("/api/floor/agents/fa3/spy", "{\"mode\":\"LISTEN\"}").statusCode())
				.isEqualTo(403);
			assertThat(this.agent3.post("/api/floor/agents/fa3/spy", "{\"mode\":\"LISTEN\"}").statusCode())
				.isEqualTo(403);
			assertThat(this.supportSupervisor.post("/api/floor/agents/fa3/spy", "{\"mode\":\"SHOUT\"}").statusCode())
				.isEqualTo(400);
			HttpResponse<String> idle = this.supportSupervisor.post("/api/floor/agents/fa1/spy",
					"{\"mode\":\"LISTEN\"}");
			assertThat(idle.statusCode()).as("fa1 is on no call (and in no queue of theirs)").isIn(403, 409);
			int before = simulator.originates().size();

			HttpResponse<String> whisper = this.supportSupervisor.post("/api/floor/agents/fa3/spy",
					"{\"mode\":\"WHISPER\"}");
			assertThat(whisper.statusCode()).as(whisper.body()).isEqualTo(200);
			assertThat(Http.json(whisper).path("phone").asString()).isEqualTo("PJSIP/2002");
			ReceivedOriginate originate = Eventually.await("the Originate", TIMEOUT,
					() -> simulator.originates().stream().skip(before).findFirst(), Optional::isPresent)
				.orElseThrow();
			assertThat(originate.channel()).isEqualTo("PJSIP/2002");
			assertThat(originate.application()).isEqualTo("ChanSpy");
			assertThat(originate.data()).isEqualTo(agentChannel + ",qEwu");
			Eventually.await("the spy listed", TIMEOUT, () -> this.floor.snapshot().spies(),
					(spies) -> spies.stream().anyMatch((spy) -> spy.supervisor().equals("fa-sup-support")
							&& spy.agent().equals("fa3")));
		}
		finally {
			simulator.hangUp(caller, false);
		}
	}

	@Test
	void aSupervisorWithoutAPhoneIsToldSo() {
		long since = lastActionId();
		QueueCaller caller = simulator.callerJoins("fa-sales", "5550134", "Sales Caller");
		simulator.answer(caller, "fa1");
		try {
			awaitAgent("fa1", (agent) -> agent.call() != null);
			HttpResponse<String> refused = this.phonelessSupervisor.post("/api/floor/agents/fa1/spy",
					"{\"mode\":\"LISTEN\"}");
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
			assertThat(Http.json(refused).path("reason").asString()).isEqualTo("NO_PHONE");
			assertThat(outcomes(since, "fa-sup-nophone", "LISTEN")).containsExactly("NO_PHONE");
		}
		finally {
			simulator.hangUp(caller, false);
		}
	}

	@Test
	void theAuditShowsAdminsEverythingAndSupervisorsTheirQueues() {
		assertThat(this.supportSupervisor.post("/api/floor/agents/fa3/pause", "{\"reason\":\"Training\"}").statusCode())
			.isEqualTo(200);
		assertThat(this.supportSupervisor.post("/api/floor/agents/fa3/unpause", "{}").statusCode()).isEqualTo(200);
		assertThat(this.agent1.post("/api/me/pause", "{\"reason\":\"Break\"}").statusCode()).isEqualTo(200);
		assertThat(this.agent1.post("/api/me/unpause", "{}").statusCode()).isEqualTo(200);

		assertThat(this.salesSupervisor.post("/api/floor/agents/fa3/pause", "{}").statusCode()).isEqualTo(403);

		List<JsonNode> support = list(this.supportSupervisor.get("/api/floor/actions?limit=1000"));
		assertThat(support).isNotEmpty().allSatisfy((row) -> assertThat(
				row.path("queues").valueStream().map(JsonNode::asString).toList().contains("fa-support")
						|| row.path("username").asString().equals("fa-sup-support"))
			.as(row.toString())
			.isTrue());
		assertThat(support).as("another supervisor's refused attempt on their agent").anySatisfy((row) -> {
			assertThat(row.path("username").asString()).isEqualTo("fa-sup-sales");
			assertThat(row.path("outcome").asString()).isEqualTo("FORBIDDEN");
		});
		assertThat(list(this.salesSupervisor.get("/api/floor/actions?agent=fa3"))).as("their own, refused")
			.anySatisfy((row) -> assertThat(row.path("outcome").asString()).isEqualTo("FORBIDDEN"));
		assertThat(support).anySatisfy((row) -> {
			assertThat(row.path("username").asString()).isEqualTo("fa-sup-support");
			assertThat(row.path("action").asString()).isEqualTo("PAUSE");
			assertThat(row.path("reason").asString()).isEqualTo("Training");
			assertThat(row.path("agent").asString()).isEqualTo("fa3");
			assertThat(row.path("outcome").asString()).isEqualTo("DONE");
		});
		List<JsonNode> sales = list(this.salesSupervisor.get("/api/floor/actions?agent=fa1"));
		assertThat(sales).anySatisfy((row) -> assertThat(row.path("username").asString()).isEqualTo("fa-agent1"));
		assertThat(list(this.admin.get("/api/floor/actions?limit=1000")).size()).isGreaterThanOrEqualTo(support.size());

		for (Http refused : List.of(this.manager, this.agent1, this.wallboard)) {
			assertThat(refused.get("/api/floor/actions").statusCode()).isEqualTo(403);
		}
		assertThat(this.admin.get("/api/floor/actions?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
			.statusCode()).isEqualTo(400);
		assertThat(this.admin.get("/api/floor/actions?from=yesterday").statusCode()).isEqualTo(400);
		assertThat(this.admin.get("/api/floor/actions?limit=0").statusCode()).isEqualTo(400);
	}

	private AgentFloor awaitAgent(String agent, java.util.function.Predicate<AgentFloor> done) {
		return Eventually.await(agent, TIMEOUT, () -> this.floor.agent(agent),
				(found) -> found.isPresent() && done.test(found.get()))
			.orElseThrow();
	}

	private long lastActionId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from floor_action").query(Long.class).single();
	}

	/** The outcomes of the user's actions of that kind since the mark, oldest first. */
	private List<String> outcomes(long since, String username, String action) {
		return this.jdbc.sql("""
				select outcome from floor_action where id > :since and username = :u and action = :a order by id""")
			.param("since", since)
			.param("u", username)
			.param("a", action)
			.query(String.class)
			.list();
	}

	private List<JsonNode> audit(String username) {
		return list(this.admin.get("/api/floor/actions?limit=1000")).stream()
			.filter((row) -> row.path("username").asString().equals(username))
			.toList();
	}

	private static List<JsonNode> list(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response).valueStream().toList();
	}

	private Http user(String username, String role, String agent, String phone, String queue) {
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s,"phone":%s,"queues":%s}""".formatted(
				username, PASSWORD, role, json(agent), json(phone), (queue != null) ? "[\"" + queue + "\"]" : "[]"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return new Http(this.port, username, PASSWORD);
	}

	private static String json(String text) {
		return (text != null) ? "\"" + text + "\"" : "null";
	}

}
