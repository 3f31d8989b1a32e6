package io.callqa.qaconsole.promises;

import java.net.http.HttpResponse;
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
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.CallbackRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promises on the real database with a controlled clock ({@link PromiseService#check(Instant)} is given the time):
 * found in a stored transcript, kept, late or broken by the calls that follow, alerted once, the queue's time zone
 * and callback option, the sweep, and who may read and change what over HTTP. The calls are in 2031, so the real
 * clock's scheduled check never settles them.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromisesIntegrationTests {

	private static final String PASSWORD = "promise-test-pw";

	private static final Instant END = Instant.parse("2031-03-04T09:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	PromiseService promises;

	@Autowired
	CallbackRequests callbacks;

	@Autowired
	JdbcClient jdbc;

	PromiseCalls calls;

	Http admin;

	@BeforeAll
	void users() {
		this.calls = new PromiseCalls(this.jdbc);
		this.admin = new Http(this.port);
		user("pr-agent-a", "AGENT", "pr-agent-a");
		user("pr-agent-b", "AGENT", "pr-agent-b");
		user("pr-supervisor", "SUPERVISOR", null);
		user("pr-manager", "MANAGER", null);
	}

	@Test
	void anOutboundCallBeforeTheDueTimeShouldKeepThePromise() {
		String number = PromiseCalls.number();
		long call = this.calls.transcribed("pr-keeper", queue(), number, END,
				"okay i will call you back within the hour goodbye");
		Promise promise = detect(call);
		assertThat(promise.kind()).isEqualTo(PromiseKind.CALLBACK);
		assertThat(promise.phrase()).isEqualTo("i will call you back within the hour");
		assertThat(promise.startSec()).isEqualTo(6.0);
		assertThat(promise.dueAt()).isEqualTo(END.plusSeconds(3600));
		assertThat(promise.state()).isEqualTo(PromiseState.OPEN);
		assertThat(promise.customerNumber()).isEqualTo(number);
		long back = this.calls.call("pr-keeper", null, number, "OUTBOUND", "CONNECTED", at("09:40"), at("09:45"));
		this.promises.check(at("09:50"));
		Promise kept = this.promises.ofCall(call).get(0);
		assertThat(kept.state()).isEqualTo(PromiseState.KEPT);
		assertThat(kept.keptByCallId()).isEqualTo(back);
		assertThat(kept.keptAt()).isEqualTo(at("09:40"));
		assertThat(alerts(call)).isZero();
	}

	@Test
	void theCustomerCallingAgainShouldNotKeepItAndTheDueTimeShouldBreakItOnceThenLate() {
		String number = PromiseCalls.number();
		long call = this.calls.transcribed("pr-breaker", queue(), number, END, "i will call you back within the hour");
		detect(call);
		this.calls.call("pr-other", null, number, "INBOUND", "ANSWERED", at("09:20"), at("09:25"));
		this.calls.call("pr-breaker", null, number, "OUTBOUND", "NOT_CONNECTED", at("09:30"), at("09:31"));
		this.promises.check(at("09:59"));
		assertThat(state(call)).isEqualTo(PromiseState.OPEN);
		this.promises.check(at("10:01"));
		assertThat(state(call)).isEqualTo(PromiseState.BROKEN);
		this.promises.check(at("10:02"));
		assertThat(alerts(call)).isEqualTo(1);
		long late = this.calls.call("pr-breaker", null, number, "OUTBOUND", "CONNECTED", at("11:00"), at("11:05"));
		this.promises.check(at("11:10"));
		Promise settled = this.promises.ofCall(call).get(0);
		assertThat(settled.state()).isEqualTo(PromiseState.LATE);
		assertThat(settled.keptByCallId()).isEqualTo(late);
		assertThat(settled.brokenAt()).isEqualTo(at("10:01"));
	}

	@Test
	void theQueuesTimeZoneShouldSetWhatTomorrowMeans() {
		String queue = queue();
		this.promises.saveSetting(queue, "America/New_York", false, "pr-supervisor");
		// 20:00 UTC is 15:00 in New York; tomorrow's end of business there is 22:00 UTC.
		long call = this.calls.transcribed("pr-zone", queue, PromiseCalls.number(), at("20:00"),
				"i'll call you back by tomorrow");
		Promise promise = detect(call);
		assertThat(promise.zone()).isEqualTo("America/New_York");
		assertThat(promise.timePhrase()).isEqualTo("by tomorrow");
		assertThat(promise.dueAt()).isEqualTo(Instant.parse("2031-03-05T22:00:00Z"));
	}

	@Test
	void aQueueMayHaveTheCallbackRequestMadeFromThePromise() {
		String queue = queue();
		this.promises.saveSetting(queue, null, true, "pr-supervisor");
		String number = PromiseCalls.number();
		long call = this.calls.transcribed("pr-requester", queue, number, END, "i will call you back within the hour");
		Promise promise = detect(call);
		assertThat(promise.callbackRequestId()).isNotNull();
		CallbackRequest request = this.callbacks.find(promise.callbackRequestId());
		assertThat(request.queue()).isEqualTo(queue);
		assertThat(request.number()).isEqualTo(number);
		assertThat(request.requestedBy()).isEqualTo("pr-requester");
		// Dialled half an hour before it is due (the lead is at most half the time there is).
		assertThat(request.promisedBy()).isEqualTo(at("09:30"));
	}

	@Test
	void promisesNoCallCanProveShouldNotBeChecked() {
		long email = this.calls.transcribed("pr-mailer", queue(), PromiseCalls.number(), END,
				"i'll email you the details");
		assertThat(detect(email).state()).isEqualTo(PromiseState.NOT_CHECKED);
		assertThat(detect(email).kind()).isEqualTo(PromiseKind.EMAIL);
		long noNumber = this.calls.transcribed("pr-mailer", queue(), null, END, "i will call you back tomorrow");
		assertThat(detect(noNumber).state()).isEqualTo(PromiseState.NOT_CHECKED);
		long none = this.calls.transcribed("pr-mailer", queue(), PromiseCalls.number(), END, "have a nice day");
		this.promises.detect(none);
		assertThat(this.promises.ofCall(none)).isEmpty();
		assertThat(this.jdbc.sql("select promises from promise_detection where call_id = :c")
			.param("c", none)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theSweepShouldFindTranscriptsTheEventMissedAndSearchEachOnce() {
		long call = this.calls.transcribed("pr-swept", queue(), PromiseCalls.number(), END,
				"i will call you back in two days");
		this.promises.sweep(Instant.now().minusSeconds(600));
		assertThat(this.promises.ofCall(call)).singleElement()
			.extracting(Promise::timePhrase)
			.isEqualTo("in two days");
		assertThat(this.promises.detect(call)).isEmpty();
		assertThat(this.promises.ofCall(call)).hasSize(1);
	}

	@Test
	void agentsShouldReadOnlyTheirOwnPromisesAndOnlySupervisorsAndAdminsChangeSettings() {
		String queue = queue();
		long ofA = this.calls.transcribed("pr-agent-a", queue, PromiseCalls.number(), END,
				"i will call you back within the hour");
		long ofB = this.calls.transcribed("pr-agent-b", queue, PromiseCalls.number(), END,
				"i will email you the details");
		detect(ofA);
		detect(ofB);
		Http agentA = new Http(this.port, "pr-agent-a", PASSWORD);
		assertThat(agentA.get("/api/calls/" + ofA + "/promises").statusCode()).isEqualTo(200);
		assertThat(Http.json(agentA.get("/api/calls/" + ofA + "/promises")).get(0).path("phrase").asString())
			.isEqualTo("i will call you back within the hour");
		assertThat(agentA.get("/api/calls/" + ofB + "/promises").statusCode()).isEqualTo(403);
		JsonNode listed = Http.json(agentA.get("/api/promises?agent=pr-agent-b&queue=" + queue));
		assertThat(listed).extracting((p) -> p.path("agent").asString()).containsOnly("pr-agent-a").hasSize(1);
		JsonNode stats = Http.json(agentA.get("/api/promises/stats?groupBy=QUEUE"));
		assertThat(stats).extracting((s) -> s.path("key").asString()).containsExactly("pr-agent-a");
		Http manager = new Http(this.port, "pr-manager", PASSWORD);
		JsonNode all = Http.json(manager.get("/api/promises/stats?groupBy=AGENT&from=2031-03-04T00:00:00Z&to=2031-03-05T00:00:00Z"));
		assertThat(all).extracting((s) -> s.path("key").asString()).contains("pr-agent-a", "pr-agent-b");
		assertThat(manager.get("/api/promises/settings").statusCode()).isEqualTo(200);
		assertThat(agentA.get("/api/promises/settings").statusCode()).isEqualTo(403);
		String body = "{\"zone\":\"Europe/Berlin\",\"createCallback\":true}";
		assertThat(agentA.put("/api/promises/settings/" + queue, body).statusCode()).isEqualTo(403);
		assertThat(manager.put("/api/promises/settings/" + queue, body).statusCode()).isEqualTo(403);
		Http supervisor = new Http(this.port, "pr-supervisor", PASSWORD);
		HttpResponse<String> saved = supervisor.put("/api/promises/settings/" + queue, body);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(Http.json(saved).path("updatedBy").asString()).isEqualTo("pr-supervisor");
		HttpResponse<String> badZone = supervisor.put("/api/promises/settings/" + queue, "{\"zone\":\"Mars/Base\"}");
		assertThat(badZone.statusCode()).isEqualTo(400);
		assertThat(badZone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(badZone).path("detail").asString()).contains("Mars/Base");
		assertThat(supervisor.get("/api/promises?state=NOPE").statusCode()).isEqualTo(400);
		assertThat(Http.anonymous(this.port).get("/api/promises").statusCode()).isEqualTo(401);
	}

	private Promise detect(long call) {
		this.promises.detect(call);
		List<Promise> found = this.promises.ofCall(call);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private PromiseState state(long call) {
		return this.promises.ofCall(call).get(0).state();
	}

	private int alerts(long call) {
		return this.jdbc.sql("select count(*) from supervisor_alert where call_id = :c and kind = 'BROKEN_PROMISE'")
			.param("c", call)
			.query(Integer.class)
			.single();
	}

	private static Instant at(String time) {
		return Instant.parse("2031-03-04T" + time + ":00Z");
	}

	private static String queue() {
		return "pq-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private void user(String username, String role, String agent) {
		String agentJson = (agent != null) ? "\"" + agent + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isIn(201, 400);
	}

}
