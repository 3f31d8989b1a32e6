package io.callqa.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.CallbackRequests;
import io.callqa.telephony.calls.QueueMembers;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.CallScript;
import io.callqa.simulator.OriginateOutcome;

/**
 * Callbacks end to end: the engine dials through the real connector (an async Originate, agent first), the simulator
 * plays what Asterisk would, the tracker records the callback call and the engine learns each attempt's outcome.
 */
@SpringBootTest(classes = TelephonyTestApplication.class,
		properties = { "callqa.telephony.callbacks.poll-interval=200ms", "callqa.telephony.callbacks.zone=UTC",
				"callqa.telephony.callbacks.calling-hours-start=00:00",
				"callqa.telephony.callbacks.calling-hours-end=00:00", "callqa.telephony.callbacks.retry-delay=1s",
				"callqa.telephony.callbacks.max-attempts=2",
				"callqa.telephony.callbacks.queues.support.abandoned-callbacks=true",
				"callqa.telephony.callbacks.queues.support.abandoned-min-wait=10s",
				"callqa.telephony.recordings.asterisk.settle=200ms" })
class CallbackEndToEndTests {

	private static final Path MONITOR = SimulatedAsterisk.monitorDirectory();

	private static final AmiSimulator simulator = SimulatedAsterisk.start()
		.recordInto(MONITOR)
		.onOriginate((request) -> switch (request.exten()) {
			case "5550901" -> OriginateOutcome.agentNoAnswer();
			case "5550902" -> OriginateOutcome.customerBusy();
			case "5550903" -> OriginateOutcome.failure(8);
			default -> OriginateOutcome.answered(Duration.ofSeconds(20));
		});

	@Autowired
	private AsteriskConnector connections;

	@Autowired
	private CallbackRequests callbacks;

	@Autowired
	private QueueMembers members;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		SimulatedAsterisk.connect(registry, simulator, "pbx1", MONITOR);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeEach
	void membersKnown() throws InterruptedException {
		await(() -> this.connections.status().allConnected() && !this.members.available("support").isEmpty());
	}

	@Test
	void aScheduledCallbackIsDialledAgentFirstAndItsRecordedCallLinkedToTheRequest() throws InterruptedException {
		CallbackRequest request = schedule("5550123");
		await(() -> this.callbacks.find(request.id()).state() == CallbackState.DONE);

		List<CallbackAttempt> attempts = this.callbacks.attempts(request.id());
		assertThat(attempts).singleElement().satisfies((attempt) -> {
			assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.ANSWERED);
			assertThat(attempt.agent()).isIn("agent1", "agent2");
			assertThat(attempt.server()).isEqualTo("pbx1");
			assertThat(attempt.callId()).isNotNull();
		});
		Map<String, Object> call = this.jdbc.sql("select * from call where id = :id")
			.param("id", attempts.get(0).callId())
			.query()
			.singleRow();
		assertThat(call).containsEntry("direction", "OUTBOUND").containsEntry("outcome", "CONNECTED")
			.containsEntry("caller_number", "5550123").containsEntry("callback_attempt_id", attempts.get(0).id())
			.containsEntry("agent", attempts.get(0).agent()).containsEntry("queue", "support");
		await(() -> recordings(attempts.get(0).callId()) == 1);
	}

	@Test
	void anAgentWhoDoesNotAnswerIsRetriedUntilTheRequestFails() throws InterruptedException {
		CallbackRequest request = schedule("5550901");
		await(() -> this.callbacks.find(request.id()).state() == CallbackState.FAILED);
		assertThat(this.callbacks.attempts(request.id())).hasSize(2)
			.allSatisfy((attempt) -> assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.AGENT_NO_ANSWER));
	}

	@Test
	void aBusyCustomerAndAFailedOriginateAreRecordedPerAttempt() throws InterruptedException {
		CallbackRequest busy = schedule("5550902");
		CallbackRequest failed = schedule("5550903");
		await(() -> this.callbacks.find(busy.id()).state() == CallbackState.FAILED
				&& this.callbacks.find(failed.id()).state() == CallbackState.FAILED);
		assertThat(this.callbacks.attempts(busy.id())).extracting(CallbackAttempt::outcome)
			.containsOnly(AttemptOutcome.BUSY);
		assertThat(this.callbacks.attempts(failed.id())).extracting(CallbackAttempt::outcome)
			.containsOnly(AttemptOutcome.FAILED);
	}

	@Test
	void aCallerWhoAbandonsAfterTheMinimumWaitIsCalledBack() throws InterruptedException {
		// Played at once, so scripted to have happened a minute ago: the request is due from the moment it was made.
		Instant earlier = Instant.now().minusSeconds(60);
		simulator.play(CallScript.abandoned().queue("support").caller("5550444", "Hal").waitFor(Duration.ofSeconds(30))
			.startingAt(earlier));
		simulator.play(CallScript.abandoned().queue("support").caller("5550445", "Ida").waitFor(Duration.ofSeconds(4))
			.startingAt(earlier));
		await(() -> requestsFor("5550444") == 1 && doneRequestsFor("5550444") == 1);
		assertThat(requestsFor("5550445")).as("a 4 s abandon is under the 10 s minimum").isZero();
	}

	private CallbackRequest schedule(String number) {
		return this.callbacks.schedule(new ScheduledCallback("support", number, "Customer " + number,
				Instant.now(), "agent1", false, "test"));
	}

	private long requestsFor(String number) {
		return this.jdbc.sql("select count(*) from callback_request where number = :n and source = 'ABANDONED'")
			.param("n", number)
			.query(Long.class)
			.single();
	}

	private long doneRequestsFor(String number) {
		return this.jdbc.sql("select count(*) from callback_request where number = :n and state = 'DONE'")
			.param("n", number)
			.query(Long.class)
			.single();
	}

	private long recordings(long callId) {
		return this.jdbc.sql("select count(*) from recording where call_id = :id")
			.param("id", callId)
			.query(Long.class)
			.single();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Await.until(Duration.ofSeconds(20), condition);
	}

}
