package io.callqa.qaconsole.floor;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import io.callqa.simulator.SimulatedQueue;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallboard's API against a simulated Asterisk followed through the real Asterisk-Java client: who may read the
 * floor and what they see, the thresholds (who may change them, what is refused), and the event stream (a snapshot
 * first, then a change made on Asterisk as a {@code changes} event; a cap on clients).
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callqa.floor.stream.max-clients=3", "callqa.floor.stats-interval=1s", "callqa.floor.zone=UTC",
				// A due callback stays OPEN: nobody dials it here.
				"callqa.telephony.callbacks.enabled=false" })
@ActiveProfiles("test")
// Closed after the class: no other class has this configuration (its simulator's port), and left in the context cache
// it would keep a database, workers and a connector retrying its stopped simulator for the rest of the test JVM.
@DirtiesContext
class FloorApiIntegrationTests {

	static final String PASSWORD = "floor-test-pw-9";

	static final String QUEUE = "wb-support";

	static final String OTHER_QUEUE = "wb-sales";

	private static final AmiSimulator simulator = AmiSimulator.start("callqa", "s3cret")
		.queues(List.of(queue(QUEUE, "wbagent1", "wbagent2"), queue(OTHER_QUEUE, "wbagent3")));

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient client = HttpClient.newHttpClient();

	private final List<SseClient> streams = new ArrayList<>();

	static SimulatedQueue queue(String name, String... members) {
		return new SimulatedQueue(name, "rrmemory", 10, 2,
				Stream.of(members).map((m) -> new SimulatedQueue.Member(m, "PJSIP/" + m)).toList());
	}

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

	@BeforeEach
	void connected() throws InterruptedException {
		assertThat(simulator.awaitLoggedInClients(1, WAIT)).isTrue();
	}

	@AfterEach
	void closeStreams() {
		this.streams.forEach(SseClient::close);
	}

	private String user(String role, String agentName, String... queues) {
		String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		String agent = (agentName != null) ? "\"" + agentName + "\"" : "null";
		String queueList = Stream.of(queues).map((q) -> "\"" + q + "\"").collect(java.util.stream.Collectors.joining(","));
		HttpResponse<String> created = new Http(this.port).post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s,"displayName":"%s","queues":[%s]}"""
			.formatted(name, PASSWORD, role, agent, name, queueList));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return name;
	}

	private Http as(String user) {
		return new Http(this.port, user, PASSWORD);
	}

	private JsonNode waitingIn(JsonNode view, String queue) {
		for (JsonNode q : view.path("floor").path("queues")) {
			if (q.path("queue").asString().equals(queue)) {
				return q.path("waiting");
			}
		}
		return null;
	}

	@Test
	void agentsReadNothingOfTheFloor() {
		String agentName = user("AGENT", "wbagent1");
		Http agent = as(agentName);
		for (String path : List.of("/api/floor", "/api/floor/queues/" + QUEUE + "/thresholds")) {
			HttpResponse<String> response = agent.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
		}
		HttpResponse<Stream<String>> stream = SseClient.open(this.client, this.port, agentName, PASSWORD);
		assertThat(stream.statusCode()).isEqualTo(403);
		assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		stream.body().close();
		assertThat(agent.put("/api/floor/queues/" + QUEUE + "/thresholds", thresholds(3, 6)).statusCode())
			.isEqualTo(403);
	}

	@Test
	void staffSeeTheFloorWithCallerNumbersThresholdsAndTodaysFigures() {
		for (String role : List.of("SUPERVISOR", "MANAGER", "ADMIN")) {
			String name = user(role, null);
			String caller = "+1555" + (int) (Math.random() * 1_000_000);
			String uniqueid = "1795419" + (int) (Math.random() * 1_000_000) + ".1";
			simulator.inject(FloorEvents.callerJoin(OTHER_QUEUE, uniqueid, caller, 1));
			JsonNode view = Eventually.await(caller + " waiting", WAIT, () -> Http.json(as(name).get("/api/floor")),
					(v) -> {
						JsonNode waiting = waitingIn(v, OTHER_QUEUE);
						return waiting != null && waiting.toString().contains(caller);
					});
			assertThat(waitingIn(view, OTHER_QUEUE).get(0).path("callerNumber").asString()).as(role).isEqualTo(caller);
			assertThat(view.path("thresholds").path("defaults").path("waiting").path("yellow").asDouble()).isEqualTo(3);
			assertThat(view.path("today").path("zone").asString()).isNotEmpty();
			assertThat(view.path("floor").path("agents").toString()).contains("wbagent3");
			simulator.inject(FloorEvents.callerLeave(OTHER_QUEUE, uniqueid, caller, 0));
		}
	}

	@Test
	void aWallboardSeesTheFloorWithoutCallerNumbersOrSpies() throws InterruptedException {
		String wallboard = user("WALLBOARD", null);
		String caller = "+1555" + (int) (Math.random() * 1_000_000);
		String uniqueid = "1795418" + (int) (Math.random() * 1_000_000) + ".1";
		SseClient stream = SseClient.connect(this.client, this.port, wallboard, PASSWORD);
		this.streams.add(stream);
		stream.next("snapshot", WAIT);
		simulator.inject(FloorEvents.callerJoin(QUEUE, uniqueid, caller, 1));
		// The staff's JSON has the number: the wallboard's, of the same change, has not.
		JsonNode staffView = Eventually.await(caller + " waiting", WAIT,
				() -> Http.json(new Http(this.port).get("/api/floor")),
				(v) -> String.valueOf(waitingIn(v, QUEUE)).contains(caller));
		assertThat(staffView.toString()).contains(caller);
		SseClient.Event changes = stream.next("changes",
				(data) -> data.contains("\"queue\":\"" + QUEUE + "\",\"waiting\":[{"), WAIT);
		assertThat(changes.data()).doesNotContain(caller).contains("\"callerNumber\":null");
		JsonNode view = Http.json(as(wallboard).get("/api/floor"));
		assertThat(waitingIn(view, QUEUE)).isNotEmpty();
		assertThat(view.toString()).doesNotContain(caller);
		assertThat(view.path("floor").path("spies")).isEmpty();
		simulator.inject(FloorEvents.callerLeave(QUEUE, uniqueid, caller, 0));
	}

	@Test
	void todaysFiguresPerQueueFollowTheMetricsAndTheOpenCallbacks() throws InterruptedException {
		String queue = "wb-today-" + UUID.randomUUID().toString().substring(0, 6);
		// Service level threshold 20 s, short abandons under 5 s (the metrics' defaults).
		call(queue, "ANSWERED", 5, 60.0);
		call(queue, "ANSWERED", 50, 60.0);
		call(queue, "ABANDONED", 30, null);
		call(queue, "ABANDONED", 2, null);
		Instant now = Instant.now();
		callback(queue, "+15550201", "OPEN", now.minusSeconds(60), now.minusSeconds(30));
		callback(queue, "+15550202", "DIALLING", now.minusSeconds(60), now.minusSeconds(30));
		callback(queue, "+15550203", "OPEN", now.plusSeconds(3600), now.plusSeconds(600));
		callback(queue, "+15550204", "OPEN", now.plusSeconds(600), now.minusSeconds(10));
		callback(queue, "+15550205", "DONE", now.minusSeconds(60), now.minusSeconds(30));
		Instant inserted = Instant.now();
		String supervisor = user("SUPERVISOR", null);
		SseClient stream = SseClient.connect(this.client, this.port, supervisor, PASSWORD);
		this.streams.add(stream);
		// Computed by the task for everyone and pushed as a "today" event: the first computed after every row was in.
		SseClient.Event today = stream.next("today",
				(data) -> Instant.parse(JSON.readTree(data).path("at").asString()).isAfter(inserted), WAIT);
		JsonNode figures = null;
		for (JsonNode q : JSON.readTree(today.data()).path("queues")) {
			if (q.path("queue").asString().equals(queue)) {
				figures = q;
			}
		}
		assertThat(Http.json(new Http(this.port).get("/api/floor")).path("today").toString()).contains(queue);
		assertThat(today.data()).contains("\"zone\":\"UTC\"");
		assertThat(figures).isNotNull();
		assertThat(figures.path("offered").asLong()).isEqualTo(4);
		assertThat(figures.path("answered").asLong()).isEqualTo(2);
		assertThat(figures.path("abandoned").asLong()).isEqualTo(1);
		assertThat(figures.path("shortAbandoned").asLong()).isEqualTo(1);
		assertThat(figures.path("serviceLevelPct").asDouble()).isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(0.01));
		assertThat(figures.path("abandonedPct").asDouble()).isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(0.01));
		assertThat(figures.path("callbacksDue").asInt()).as("open and due: 0201 and 0204").isEqualTo(2);
		assertThat(figures.path("callbacksOverdue").asInt()).as("past the promise: 0201 and 0202").isEqualTo(2);
	}

	private void call(String queue, String outcome, double waitSec, Double talkSec) {
		Instant entered = Instant.now().minusSeconds(1);
		this.jdbc.sql("""
				insert into call (source, agent, queue, direction, caller_number, started_at, ended_at, duration_sec,
				  outcome, state, entered_at, answered_at, wait_sec, talk_sec)
				values ('ASTERISK', :agent, :queue, 'INBOUND', '+15550100', :entered, :entered, 1, :outcome, 'ENDED',
				  :entered, :answered, :wait, :talk)""")
			.param("agent", (talkSec != null) ? "wbagent1" : null)
			.param("queue", queue)
			.param("entered", Timestamp.from(entered))
			.param("outcome", outcome)
			.param("answered", (talkSec != null) ? Timestamp.from(entered) : null)
			.param("wait", waitSec)
			.param("talk", talkSec)
			.update();
	}

	private void callback(String queue, String number, String state, Instant promisedBy, Instant nextAttemptAt) {
		this.jdbc.sql("""
				insert into callback_request (queue, number, source, requested_at, promised_by, next_attempt_at,
				  state, max_attempts)
				values (:queue, :number, 'AGENT', :requested, :promised, :next, :state, 3)""")
			.param("queue", queue)
			.param("number", number)
			.param("requested", Timestamp.from(Instant.now().minusSeconds(120)))
			.param("promised", Timestamp.from(promisedBy))
			.param("next", Timestamp.from(nextAttemptAt))
			.param("state", state)
			.update();
	}

	@Test
	void thresholdsAreChangedByAdminsAndSupervisorsAndCheckedWhole() {
		Http admin = new Http(this.port);
		Http supervisor = as(user("SUPERVISOR", null, QUEUE));
		Http otherSupervisor = as(user("SUPERVISOR", null, OTHER_QUEUE));
		Http wallboard = as(user("WALLBOARD", null));
		Http manager = as(user("MANAGER", null));
		String path = "/api/floor/queues/" + QUEUE + "/thresholds";

		JsonNode defaults = Http.json(manager.get(path));
		assertThat(defaults.path("queue").asString()).isEqualTo(QUEUE);
		assertThat(defaults.path("updatedBy").isNull()).isTrue();
		assertThat(defaults.path("serviceLevelPct").path("yellow").asDouble()).isEqualTo(80);

		assertThat(manager.put(path, thresholds(2, 4)).statusCode()).isEqualTo(403);
		assertThat(otherSupervisor.put(path, thresholds(2, 4)).statusCode()).as("not their queue").isEqualTo(403);
		assertThat(wallboard.put(path, thresholds(2, 4)).statusCode()).isEqualTo(403);
		assertThat(wallboard.get(path).statusCode()).as("wallboards get thresholds with the floor only")
			.isEqualTo(403);
		HttpResponse<String> saved = admin.put(path, thresholds(2, 4));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(Http.json(saved).path("updatedBy").asString()).isEqualTo("admin");
		HttpResponse<String> bySupervisor = supervisor.put(path, thresholds(1, 5));
		assertThat(bySupervisor.statusCode()).as(bySupervisor.body()).isEqualTo(200);
		JsonNode read = Http.json(manager.get(path));
		assertThat(read.path("waiting").path("yellow").asDouble()).isEqualTo(1);
		assertThat(read.path("waiting").path("red").asDouble()).isEqualTo(5);
		JsonNode inView = Http.json(manager.get("/api/floor")).path("thresholds").path("queues");
		assertThat(inView.toString()).contains("\"queue\":\"" + QUEUE + "\"");

		record Refused(String body, String field) {
		}
		List<Refused> refused = List.of(new Refused(thresholds(5, 3), "waiting"),
				new Refused(thresholds(-1, 3), "waiting"), new Refused(thresholds(1.5, 3), "waiting"),
				new Refused(thresholds(1, 3).replace("\"serviceLevelPct\":{\"yellow\":80,\"red\":60}",
						"\"serviceLevelPct\":{\"yellow\":60,\"red\":80}"), "serviceLevelPct"),
				new Refused(thresholds(1, 3).replace("\"abandonedPct\":{\"yellow\":5,\"red\":10}",
						"\"abandonedPct\":{\"yellow\":5,\"red\":101}"), "abandonedPct"),
				new Refused(thresholds(1, 3).replace("\"callbacksOverdue\":{\"yellow\":1,\"red\":5},", "")
					.replace(",\"callbacksOverdue\":{\"yellow\":1,\"red\":5}", ""), "callbacksOverdue"),
				new Refused(thresholds(1, 3).replace("\"red\":120", "\"red\":null"), "longestWaitSec"));
		for (Refused r : refused) {
			HttpResponse<String> response = admin.put(path, r.body());
			assertThat(response.statusCode()).as(r.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(Http.json(response).path("field").asString()).as(r.body()).isEqualTo(r.field());
		}
		assertThat(admin.put(path, "{not json").statusCode()).isEqualTo(400);
		assertThat(admin.put("/api/floor/queues/" + "q".repeat(101) + "/thresholds", thresholds(1, 3)).statusCode())
			.isEqualTo(400);
		assertThat(Http.json(manager.get(path)).path("waiting").path("red").asDouble()).as("nothing refused was kept")
			.isEqualTo(5);
	}

	static String thresholds(double waitingYellow, double waitingRed) {
		return """
				{"waiting":{"yellow":%s,"red":%s},"longestWaitSec":{"yellow":60,"red":120},\
				"serviceLevelPct":{"yellow":80,"red":60},"abandonedPct":{"yellow":5,"red":10},\
				"callbacksOverdue":{"yellow":1,"red":5}}"""
			.formatted(number(waitingYellow), number(waitingRed));
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	@Test
	void theStreamSendsASnapshotThenTheChangesMadeOnAsterisk() throws InterruptedException {
		String supervisor = user("SUPERVISOR", null);
		SseClient stream = SseClient.connect(this.client, this.port, supervisor, PASSWORD);
		this.streams.add(stream);
		assertThat(stream.response().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		SseClient.Event snapshot = stream.next("snapshot", WAIT);
		assertThat(snapshot.data()).contains("\"floor\":", "\"thresholds\":", "\"today\":", "wbagent2");

		simulator.inject(FloorEvents.memberPause(QUEUE, "wbagent2", true, "Lunch"));
		SseClient.Event changes = stream.next("changes",
				(data) -> data.contains("\"agent\":\"wbagent2\"") && data.contains("\"pauseReason\":\"Lunch\""), WAIT);
		assertThat(changes.data()).contains("\"state\":\"PAUSED\"");

		simulator.inject(FloorEvents.memberPause(QUEUE, "wbagent2", false, ""));
		stream.next("changes", (data) -> data.contains("\"agent\":\"wbagent2\"") && data.contains("AVAILABLE"), WAIT);
	}

	@Test
	void theStreamIsForStaffAndWallboardsAndHasACap() throws InterruptedException {
		String supervisor = user("SUPERVISOR", null);
		// The cap is 3 (this class's properties); the other test's streams are closed.
		for (int i = 0; i < 3; i++) {
			SseClient stream = SseClient.connect(this.client, this.port, supervisor, PASSWORD);
			this.streams.add(stream);
			stream.next("snapshot", WAIT);
		}
		HttpResponse<Stream<String>> refused = SseClient.open(this.client, this.port, supervisor, PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(String.join("", refused.body().toList())).contains("Too many wallboards");
		// A closed stream frees its place.
		this.streams.remove(0).close();
		SseClient again = Eventually.await("a place again", WAIT, () -> {
			try {
				return SseClient.connect(this.client, this.port, supervisor, PASSWORD);
			}
			catch (IllegalStateException ex) {
				return null;
			}
		}, (s) -> s != null);
		this.streams.add(again);
		again.next("snapshot", WAIT);
	}

}
