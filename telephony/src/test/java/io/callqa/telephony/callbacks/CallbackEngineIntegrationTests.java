package io.callqa.telephony.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.AttemptOutcome;
import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallOutcome;
import io.callqa.telephony.CallbackAttempt;
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.CallbackSource;
import io.callqa.telephony.CallbackState;
import io.callqa.telephony.Direction;
import io.callqa.telephony.ScheduledCallback;
import io.callqa.telephony.ami.OriginateRequest;

/**
 * Tests for {@link CallbackEngine} and the {@link CallbackRequestsService} it dials, on the real database, with a clock the
 * tests move and {@link ScriptedAsterisk} standing for Asterisk.
 */
@SpringBootTest(classes = { TelephonyTestApplication.class, CallbackEngineIntegrationTests.Fakes.class },
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "callqa.telephony.callbacks.enabled=false", "callqa.telephony.agi.enabled=false",
				"callqa.telephony.callbacks.zone=UTC", "callqa.telephony.callbacks.retry-delay=10m",
				"callqa.telephony.callbacks.caller-id=\"Support\" <100>",
				"callqa.telephony.callbacks.queues.support.max-attempts=2",
				"callqa.telephony.callbacks.queues.sales.abandoned-callbacks=true",
				"callqa.telephony.callbacks.queues.sales.abandoned-min-wait=20s",
				"callqa.telephony.callbacks.queues.sales.calling-hours-end=22:00" })
class CallbackEngineIntegrationTests {

	private static final Instant MONDAY_10H = Instant.parse("2026-03-02T10:00:00Z");

	@Autowired
	private CallbackEngine engine;

	@Autowired
	private CallbackRequestsService requests;

	@Autowired
	private CallbackProperties properties;

	@Autowired
	private ScriptedAsterisk asterisk;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void reset() {
		this.jdbc.sql("delete from callback_attempt").update();
		this.jdbc.sql("delete from callback_request").update();
		this.asterisk.reset();
		this.clock.set(MONDAY_10H);
	}

	@Test
	void pollWhenRequestIsDueShouldRingTheAgentFirst() {
		this.asterisk.member("pbx2", "support", "agent1", true);
		CallbackRequest request = offer("support", "5550101");

		this.engine.poll();

		ScriptedAsterisk.Originated sent = this.asterisk.last();
		CallbackAttempt attempt = this.requests.attempts(request.id()).get(0);
		assertThat(sent.server()).isEqualTo("pbx2");
		assertThat(sent.request()).isEqualTo(new OriginateRequest(attempt.actionId(),
				"Local/agent1@agents-callback", "callback-out", "5550101", 1, "\"Support\" <100>",
				Duration.ofSeconds(30),
				Map.of("CALLQA_ATTEMPT", Long.toString(attempt.id()), "CALLQA_REQUEST", Long.toString(request.id()),
						"CALLQA_AGENT", "agent1", "CALLQA_QUEUE", request.queue())));
		assertThat(attempt.agent()).isEqualTo("agent1");
		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.DIALLING);
		assertThat(this.requests.find(request.id()).attempts()).isEqualTo(1);
	}

	@Test
	void callEndedWhenCustomerAnsweredShouldCloseRequestAndLinkCall() {
		CallbackRequest request = dialled("support", "5550102");
		this.asterisk.last().agentAnswered();
		this.clock.advance(Duration.ofMinutes(3));
		long callId = callRow();

		this.events.publishEvent(callbackEnded(callId, attemptId(request), "ANSWER"));

		CallbackRequest done = this.requests.find(request.id());
		assertThat(done.state()).isEqualTo(CallbackState.DONE);
		assertThat(done.doneAt()).isEqualTo(this.clock.instant());
		CallbackAttempt attempt = this.requests.attempts(request.id()).get(0);
		assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.ANSWERED);
		assertThat(attempt.callId()).isEqualTo(callId);
		assertThat(attempt.originatedAt()).isEqualTo(MONDAY_10H);
	}

	@Test
	void pollWhenOutsideCallingHoursShouldPostponeToNextOpening() {
		this.asterisk.member("pbx1", "support", "agent1", true);
		this.clock.set(Instant.parse("2026-03-02T20:30:00Z"));
		CallbackRequest request = offer("support", "5550103");

		this.engine.poll();

		assertThat(this.asterisk.originated()).isEmpty();
		assertThat(this.requests.find(request.id()).nextAttemptAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
		assertThat(request.promisedBy()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
	}

	@Test
	void pollWhenQueueOverridesCallingHoursShouldDialLater() {
		this.asterisk.member("pbx1", "sales", "agent3", true);
		this.clock.set(Instant.parse("2026-03-02T21:00:00Z"));
		offer("sales", "5550104");

		this.engine.poll();

		assertThat(this.asterisk.originated()).hasSize(1);
	}

	@Test
	void pollWhenNoAgentIsFreeShouldCountNoAttemptAndTryAgain() {
		this.asterisk.member("pbx1", "support", "agent1", false);
		CallbackRequest request = offer("support", "5550105");

		this.engine.poll();
		assertThat(this.asterisk.originated()).isEmpty();
		assertThat(this.requests.find(request.id()).attempts()).isZero();
		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.OPEN);

		this.asterisk.member("pbx1", "support", "agent1", true);
		this.engine.poll();
		assertThat(this.asterisk.originated()).hasSize(1);
	}

	@Test
	void pollWhenOnlyMeShouldWaitForThatAgent() {
		this.asterisk.member("pbx1", "support", "agent1", true);
		CallbackRequest request = this.requests.schedule(new ScheduledCallback("support", "5550106", "Bo", MONDAY_10H,
				"agent2", true, "wants a quote"));

		this.engine.poll();
		assertThat(this.asterisk.originated()).isEmpty();

		this.asterisk.member("pbx1", "support", "agent2", true);
		this.engine.poll();
		assertThat(this.asterisk.last().request().channel()).isEqualTo("Local/agent2@agents-callback");
		assertThat(this.requests.find(request.id()).assignedAgent()).isEqualTo("agent2");
	}

	@Test
	void pollWhenTwoRequestsAndOneAgentShouldDialOnlyOne() {
		this.asterisk.member("pbx1", "support", "agent1", true);
		offer("support", "5550107");
		offer("support", "5550108");

		this.engine.poll();
		this.engine.poll();

		assertThat(this.asterisk.originated()).hasSize(1);
	}

	@Test
	void attemptsWhenUnsuccessfulShouldRetryAfterDelayThenFail() {
		CallbackRequest request = dialled("support", "5550109");
		this.asterisk.last().failed(3);
		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.OPEN);
		assertThat(this.requests.find(request.id()).nextAttemptAt()).isEqualTo(MONDAY_10H.plus(Duration.ofMinutes(10)));

		this.engine.poll();
		assertThat(this.asterisk.originated()).hasSize(1);

		this.clock.advance(Duration.ofMinutes(10));
		this.engine.poll();
		this.asterisk.last().agentAnswered();
		this.events.publishEvent(callbackEnded(callRow(), this.requests.attempts(request.id()).get(1).id(), "NOANSWER"));

		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.FAILED);
		assertThat(this.requests.attempts(request.id())).extracting(CallbackAttempt::outcome)
			.containsExactly(AttemptOutcome.AGENT_NO_ANSWER, AttemptOutcome.NO_ANSWER);
	}

	@Test
	void originateWhenRefusedShouldFailAttemptWithReason() {
		CallbackRequest request = dialled("support", "5550110");

		this.asterisk.last().failed(8);

		CallbackAttempt attempt = this.requests.attempts(request.id()).get(0);
		assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.FAILED);
		assertThat(attempt.reason()).isEqualTo("Originate Failure, reason 8: congested or not available");
		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.OPEN);
	}

	@Test
	void originateWhenNotConnectedShouldFailAttempt() {
		CallbackRequest request = dialled("support", "5550111");

		this.asterisk.last().result().completeExceptionally(new IllegalStateException("pbx1 not connected"));

		assertThat(this.requests.attempts(request.id()).get(0).reason()).contains("pbx1 not connected");
		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.OPEN);
	}

	@Test
	void callEndedWhenCustomerBusyShouldRetry() {
		CallbackRequest request = dialled("support", "5550112");
		this.asterisk.last().agentAnswered();

		this.events.publishEvent(callbackEnded(callRow(), attemptId(request), "BUSY"));

		assertThat(this.requests.attempts(request.id()).get(0).outcome()).isEqualTo(AttemptOutcome.BUSY);
		assertThat(this.requests.attempts(request.id()).get(0).reason()).isEqualTo("DIALSTATUS BUSY");
		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.OPEN);
	}

	@Test
	void pollWhenOriginateResultNeverComesShouldTimeOutAndRetry() {
		CallbackRequest request = dialled("support", "5550113");
		this.clock.advance(Duration.ofMinutes(1));
		this.engine.poll();
		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.DIALLING);

		this.clock.advance(Duration.ofMinutes(2));
		this.engine.poll();

		assertThat(this.requests.attempts(request.id()).get(0).reason()).contains("timed out");
		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.OPEN);
	}

	@Test
	void pollWhenCallEndNeverComesShouldTimeOutAfterCallTimeout() {
		CallbackRequest request = dialled("support", "5550114");
		this.asterisk.last().agentAnswered();
		this.clock.advance(Duration.ofHours(1));
		this.engine.poll();
		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.DIALLING);

		this.clock.advance(Duration.ofHours(4));
		this.engine.poll();

		assertThat(this.requests.attempts(request.id()).get(0).outcome()).isEqualTo(AttemptOutcome.FAILED);
	}

	@Test
	void callEndedWhenAttemptAlreadyTimedOutShouldOnlyLinkCall() {
		CallbackRequest request = dialled("support", "5550115");
		this.clock.advance(Duration.ofMinutes(5));
		this.engine.poll();
		long callId = callRow();

		this.events.publishEvent(callbackEnded(callId, attemptId(request), "ANSWER"));

		assertThat(this.requests.attempts(request.id()).get(0).callId()).isEqualTo(callId);
		assertThat(this.requests.attempts(request.id()).get(0).outcome()).isEqualTo(AttemptOutcome.FAILED);
	}

	@Test
	void cancelWhenDiallingShouldNotReopenAfterAttempt() {
		CallbackRequest request = dialled("support", "5550116");
		this.requests.cancel(request.id());

		this.asterisk.last().failed(1);

		assertThat(this.requests.find(request.id()).state()).isEqualTo(CallbackState.CANCELLED);
	}

	@Test
	void callEndedWhenAbandonedAfterMinimumWaitShouldRequestCallback() {
		long callId = callRow();

		this.events.publishEvent(inboundEnded(callId, "sales", "5550117", CallOutcome.ABANDONED, 25.0));

		CallbackRequest request = this.requests.list("sales", CallbackState.OPEN, 10).get(0);
		assertThat(request.source()).isEqualTo(CallbackSource.ABANDONED);
		assertThat(request.originCallId()).isEqualTo(callId);
		assertThat(request.waitedSec()).isEqualTo(25.0);
		assertThat(request.queuePosition()).isEqualTo(2);
		assertThat(request.promisedBy()).isEqualTo(MONDAY_10H.plus(Duration.ofMinutes(60)));
	}

	@Test
	void callEndedWhenAbandonedTooSoonOrQueueOptedOutShouldNotRequest() {
		this.events.publishEvent(inboundEnded(callRow(), "sales", "5550118", CallOutcome.ABANDONED, 19.0));
		this.events.publishEvent(inboundEnded(callRow(), "support", "5550119", CallOutcome.ABANDONED, 300.0));
		this.events.publishEvent(inboundEnded(callRow(), "sales", "5550120", CallOutcome.ANSWERED, 300.0));

		assertThat(this.requests.list(null, null, 10)).isEmpty();
	}

	@Test
	void callEndedWhenQueueTimedOutShouldRequestCallback() {
		this.events.publishEvent(inboundEnded(callRow(), "sales", "5550121", CallOutcome.TIMEOUT, 120.0));

		assertThat(this.requests.list("sales", CallbackState.OPEN, 10)).singleElement()
			.extracting(CallbackRequest::note)
			.isEqualTo("TIMEOUT");
	}

	@Test
	void requestWhenNumberAlreadyOpenInQueueShouldReturnExisting() {
		CallbackRequest first = offer("sales", "5550122");

		this.events.publishEvent(inboundEnded(callRow(), "sales", "5550122", CallOutcome.ABANDONED, 60.0));
		CallbackRequest again = offer("sales", "5550122");

		assertThat(again).isEqualTo(first);
		assertThat(this.requests.list("sales", null, 10)).hasSize(1);
	}

	@Test
	void callEndedWhenCallbackWasRequestedShouldLinkOriginCall() {
		CallbackRequest request = offer("sales", "5550123");
		long callId = callRow();

		this.events.publishEvent(inboundEnded(callId, "sales", "5550123", CallOutcome.CALLBACK_REQUESTED, 30.0));

		assertThat(this.requests.find(request.id()).originCallId()).isEqualTo(callId);
	}

	@Test
	void propertiesWhenQueueOverridesSomeShouldKeepDefaultsForTheRest() {
		QueueSettings sales = this.properties.forQueue("sales");

		assertThat(sales.abandonedCallbacks()).isTrue();
		assertThat(sales.callingHours().end()).hasToString("22:00");
		assertThat(sales.callingHours().start()).hasToString("08:00");
		assertThat(sales.maxAttempts()).isEqualTo(3);
		assertThat(this.properties.forQueue("support").maxAttempts()).isEqualTo(2);
	}

	private CallbackRequest offer(String queue, String number) {
		return this.requests.requestFromOffer(new OfferedCallback(queue, number, "Ann", 2, 40.0));
	}

	private CallbackRequest dialled(String queue, String number) {
		this.asterisk.member("pbx1", queue, "agent1", true);
		CallbackRequest request = offer(queue, number);
		this.engine.poll();
		assertThat(this.asterisk.originated()).isNotEmpty();
		return request;
	}

	private long attemptId(CallbackRequest request) {
		List<CallbackAttempt> attempts = this.requests.attempts(request.id());
		return attempts.get(attempts.size() - 1).id();
	}

	private long callRow() {
		return this.jdbc.sql("insert into call (source, started_at) values ('ASTERISK', now()) returning id")
			.query(Long.class)
			.single();
	}

	private CallEnded callbackEnded(long callId, long attemptId, String dialStatus) {
		CallOutcome outcome = "ANSWER".equals(dialStatus) ? CallOutcome.CONNECTED : CallOutcome.NOT_CONNECTED;
		return ended(callId, "support", "5550100", Direction.OUTBOUND, outcome, null, attemptId, dialStatus);
	}

	private CallEnded inboundEnded(long callId, String queue, String number, CallOutcome outcome, double waited) {
		return ended(callId, queue, number, Direction.INBOUND, outcome, waited, null, null);
	}

	private CallEnded ended(long callId, String queue, String number, Direction direction, CallOutcome outcome,
			@Nullable Double waited, @Nullable Long attemptId, @Nullable String dialStatus) {
		Instant now = this.clock.instant();
		return new CallEnded(callId, "pbx1", "1795419800." + callId, List.of("1795419800." + callId), queue, "agent1",
				number, "Ann", direction, outcome, now.minusSeconds(60), null, null, now, waited, 2, attemptId,
				dialStatus);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fakes {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

		@Bean
		@Primary
		ScriptedAsterisk scriptedAsterisk() {
			return new ScriptedAsterisk();
		}

	}

}
