package io.callqa.telephony.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Test;

import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallOutcome;
import io.callqa.telephony.Direction;
import io.callqa.telephony.ami.AmiTestEvents;
import io.callqa.simulator.AmiEvent;
import io.callqa.simulator.Scenario;

/**
 * The call lifecycle without Spring, database or sockets: the captured Asterisk 22 traces, in their wire order, are
 * read by Asterisk-Java's own event builder, translated by {@link AmiTestEvents} as the connector does, and routed to
 * {@link LiveCall}; each test checks the row that would be stored and the {@link CallEnded} that would be published.
 * Variants of a trace change only what Asterisk reports differently in that case (a variable's value, events
 * missing), keeping the order of the rest.
 */
class LiveCallTests {

	private static final Instant START = Instant.parse("2026-11-23T07:30:00Z");

	private final Set<LiveCall> dirty = new LinkedHashSet<>();

	private final TrackedQueueMembers members = new TrackedQueueMembers();

	private final ServerCalls calls = new ServerCalls("pbx1", this.dirty, this.members);

	private Instant clock = START;

	@Test
	void answeredByAnAgentOfTheQueue() {
		play(trace("inbound-answered"));

		CallEnded ended = ended("1795418999.0");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
		assertThat(ended.direction()).isEqualTo(Direction.INBOUND);
		assertThat(ended.queue()).isEqualTo("support");
		assertThat(ended.agent()).isEqualTo("agent1");
		assertThat(ended.callerNumber()).isEqualTo("5550101");
		assertThat(ended.callerName()).isEqualTo("Alice Customer");
		assertThat(ended.answeredAt()).isNotNull();
		// AgentConnect HoldTime 0, AgentComplete TalkTime 16, Cdr Duration 16.
		assertThat(ended.waitSec()).isEqualTo(0.0);
		assertThat(ended.queuePosition()).isEqualTo(1);
		assertThat(ended.uniqueids()).containsExactlyInAnyOrder("1795418999.0", "1795418999.1", "1795418999.2",
				"1795418999.3");
		CallRow row = row("1795418999.0");
		assertThat(row.talkSec()).isEqualTo(16.0);
		assertThat(row.durationSec()).isEqualTo(16.0);
		assertThat(row.ringNoAnswer()).isZero();
		assertThat(row.transfers()).isZero();
		assertThat(row.anomaly()).isNull();
		assertThat(row.state()).isEqualTo("ENDED");
	}

	@Test
	void callerWhoHangsUpWaitingInTheQueueAbandoned() {
		play(trace("abandoned"));

		CallEnded ended = ended("1795419021.4");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.ABANDONED);
		assertThat(ended.queue()).isEqualTo("sales");
		assertThat(ended.agent()).isNull();
		assertThat(ended.answeredAt()).isNull();
		// QueueCallerAbandon HoldTime 8; two agents rang unanswered; the longest Cdr is 8 s.
		assertThat(ended.waitSec()).isEqualTo(8.0);
		assertThat(ended.callerNumber()).isEqualTo("5550102");
		CallRow row = row("1795419021.4");
		assertThat(row.ringNoAnswer()).isEqualTo(2);
		assertThat(row.talkSec()).isNull();
		assertThat(row.durationSec()).isEqualTo(8.0);
	}

	@Test
	void callerWhoHangsUpWhileAnAgentRingsAbandonedEvenIfTheAgentAnswersLate() {
		Scenario trace = trace("inbound-answered");
		// The caller's legs hang up first; the AgentConnect and bridge events come after the end.
		play(Traces.agentConnectAfterHangup(trace));

		CallEnded ended = ended("1795418999.0");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.ABANDONED);
		assertThat(ended.answeredAt()).isNull();
		assertThat(ended.agent()).isNull();
	}

	@Test
	void queueTimeoutIsNotAnAbandon() {
		play(trace("queue-timeout"));

		CallEnded ended = ended("1795419036.14");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.TIMEOUT);
		assertThat(ended.waitSec()).isEqualTo(12.0);
		CallRow row = row("1795419036.14");
		assertThat(row.ringNoAnswer()).isEqualTo(4);
		// The 16 s Cdr comes after the last Hangup and still counts.
		assertThat(row.durationSec()).isEqualTo(16.0);
	}

	@Test
	void queueThatEmptiedHadNoAgents() {
		// What Asterisk reports for a queue with leavewhenempty: the same events, QUEUESTATUS=LEAVEEMPTY.
		play(withVariableValue(trace("queue-timeout"), "QUEUESTATUS", "LEAVEEMPTY"));

		assertThat(ended("1795419036.14").outcome()).isEqualTo(CallOutcome.NO_AGENTS);
	}

	@Test
	void callerWhoAcceptsTheCallbackOfferRequestedACallback() {
		// The callback-offer script sets CALLQA_CALLBACK_REQUESTED=1 on the caller's channel, then the caller leaves.
		play(withVariableBefore(trace("abandoned"), "QueueCallerAbandon", "CALLQA_CALLBACK_REQUESTED", "1"));

		CallEnded ended = ended("1795419021.4");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.CALLBACK_REQUESTED);
		assertThat(ended.queue()).isEqualTo("sales");
		assertThat(ended.waitSec()).isEqualTo(8.0);
		assertThat(ended.direction()).isEqualTo(Direction.INBOUND);
	}

	@Test
	void callThatRanAFastAgiScriptBeforeItsQueueIsAnsweredAsAnyOther() {
		play(trace("fastagi"));

		CallEnded ended = ended("1795419721.86");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
		assertThat(ended.agent()).isEqualTo("agent2");
		assertThat(ended.callerNumber()).isEqualTo("5550105");
		assertThat(row("1795419721.86").talkSec()).isEqualTo(16.0);
	}

	@Test
	void transfersAreCountedOnceAndTheLastAgentKeepsTheCall() {
		String id = "1700000100.1";
		play(Scenario.parse("transfers", Traces.transfers("")));

		CallWriter.Pending pending = CallWriter.Pending.of(call(id));
		assertThat(pending.row().transfers()).isEqualTo(2);
		assertThat(pending.row().outcome()).isEqualTo(CallOutcome.ANSWERED);
		assertThat(pending.row().agent()).isEqualTo("agent3");
		// The first agent's answer sets the wait (HoldTime 4).
		assertThat(pending.row().waitSec()).isEqualTo(4.0);
		assertThat(pending.transfers()).extracting((t) -> t.kind() + " " + t.fromAgent() + " -> " + t.toTarget())
			.containsExactly("BLIND agent1 -> agent2@agents", "ATTENDED agent2 -> agent3");
	}

	@Test
	void callbackWhoseCustomerAnsweredConnected() {
		play(withVariableAfter(trace("callback-originate"), "Newchannel", "CALLQA_ATTEMPT", "42"));

		CallEnded ended = ended("1795419059.24");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.CONNECTED);
		assertThat(ended.direction()).isEqualTo(Direction.OUTBOUND);
		assertThat(ended.queue()).isNull();
		assertThat(ended.callerNumber()).isEqualTo("5550199");
		assertThat(ended.callbackAttemptId()).isEqualTo(42L);
		assertThat(ended.dialStatus()).isEqualTo("ANSWER");
		assertThat(ended.answeredAt()).isNotNull();
		assertThat(row("1795419059.24").durationSec()).isEqualTo(15.0);
	}

	@Test
	void callbackWhoseCustomerDidNotAnswerIsNotConnected() {
		play(unanswered(trace("callback-originate"), "NOANSWER"));

		CallEnded ended = ended("1795419059.24");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.NOT_CONNECTED);
		assertThat(ended.dialStatus()).isEqualTo("NOANSWER");
		assertThat(ended.callbackAttemptId()).isEqualTo(42L);
		assertThat(ended.answeredAt()).isNull();
	}

	@Test
	void callbackToABusyCustomerIsNotConnected() {
		play(unanswered(trace("callback-originate"), "BUSY"));

		CallEnded ended = ended("1795419059.24");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.NOT_CONNECTED);
		assertThat(ended.dialStatus()).isEqualTo("BUSY");
	}

	@Test
	void supervisorSpyingIsNotASecondQueueCall() {
		play(trace("chanspy"));

		CallEnded spied = ended("1795419103.32");
		assertThat(spied.outcome()).isEqualTo(CallOutcome.ANSWERED);
		assertThat(spied.agent()).isEqualTo("agent1");
		assertThat(row("1795419103.32").talkSec()).isEqualTo(28.0);
		CallEnded spy = ended("1795419105.36");
		assertThat(spy.outcome()).isEqualTo(CallOutcome.NOT_QUEUED);
		assertThat(spy.direction()).isEqualTo(Direction.INTERNAL);
		assertThat(spy.queue()).isNull();
		assertThat(spy.agent()).isNull();
	}

	@Test
	void callWhoseEndWasNotSeenIsLost() {
		Scenario trace = trace("abandoned");
		play(part(trace, (event) -> event.type().equals("QueueCallerJoin")));
		Instant droppedAt = this.clock.plusSeconds(5);
		this.calls.disconnected(droppedAt);
		CallResync.apply(this.calls, AmiTestEvents.snapshot(droppedAt.plusSeconds(30), List.of(), List.of(), List.of()));

		CallEnded ended = ended("1795419021.4");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.LOST);
		assertThat(ended.endedAt()).isEqualTo(droppedAt);
		assertThat(row("1795419021.4").anomaly()).isEqualTo("ended while AMI was disconnected");
	}

	@Test
	void answeredCallWhoseEndWasNotSeenStaysAnswered() {
		play(part(trace("inbound-answered"), (event) -> event.type().equals("AgentConnect")));
		CallResync.apply(this.calls, AmiTestEvents.snapshot(this.clock, List.of(), List.of(), List.of()));

		CallEnded ended = ended("1795418999.0");
		assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
		assertThat(row("1795418999.0").anomaly()).isEqualTo("ended while AMI was disconnected");
	}

	@Test
	void everyOutcomeHasATraceThatEndsWithIt() {
		Map<CallOutcome, Function<LiveCallTests, CallEnded>> cases = new EnumMap<>(CallOutcome.class);
		cases.put(CallOutcome.ANSWERED, (t) -> t.playThenEnded(t.trace("inbound-answered"), "1795418999.0"));
		cases.put(CallOutcome.ABANDONED, (t) -> t.playThenEnded(t.trace("abandoned"), "1795419021.4"));
		cases.put(CallOutcome.TIMEOUT, (t) -> t.playThenEnded(t.trace("queue-timeout"), "1795419036.14"));
		cases.put(CallOutcome.NO_AGENTS, (t) -> t.playThenEnded(
				withVariableValue(t.trace("queue-timeout"), "QUEUESTATUS", "LEAVEEMPTY"), "1795419036.14"));
		cases.put(CallOutcome.CALLBACK_REQUESTED, (t) -> t.playThenEnded(withVariableBefore(t.trace("abandoned"),
				"QueueCallerAbandon", "CALLQA_CALLBACK_REQUESTED", "1"), "1795419021.4"));
		cases.put(CallOutcome.CONNECTED, (t) -> t.playThenEnded(withVariableAfter(t.trace("callback-originate"),
				"Newchannel", "CALLQA_ATTEMPT", "42"), "1795419059.24"));
		cases.put(CallOutcome.NOT_CONNECTED,
				(t) -> t.playThenEnded(unanswered(t.trace("callback-originate"), "NOANSWER"), "1795419059.24"));
		cases.put(CallOutcome.NOT_QUEUED, (t) -> t.playThenEnded(t.trace("chanspy"), "1795419105.36"));
		cases.put(CallOutcome.LOST, (t) -> {
			t.play(part(t.trace("abandoned"), (event) -> event.type().equals("QueueCallerJoin")));
			CallResync.apply(t.calls, AmiTestEvents.snapshot(t.clock, List.of(), List.of(), List.of()));
			return t.ended("1795419021.4");
		});

		assertThat(cases.keySet()).containsExactlyInAnyOrder(CallOutcome.values());
		cases.forEach((outcome, play) -> assertThat(play.apply(new LiveCallTests()).outcome()).as("%s", outcome)
			.isEqualTo(outcome));
	}

	// ---- helpers ----

	private Scenario trace(String name) {
		return Scenario.load(name);
	}

	private CallEnded playThenEnded(Scenario scenario, String linkedid) {
		play(scenario);
		return ended(linkedid);
	}

	/** Each event as the connector would hand it over: built by Asterisk-Java, translated by {@link AmiTestEvents}. */
	private void play(Scenario scenario) {
		for (AmiEvent event : scenario.events()) {
			ManagerEvent built = Library.build(event);
			this.clock = this.clock.plusMillis(1);
			if (built != null) {
				this.calls.on(AmiTestEvents.from(built, this.clock));
			}
		}
	}

	private LiveCall call(String linkedid) {
		LiveCall call = this.calls.find(linkedid, null);
		assertThat(call).as("call %s", linkedid).isNotNull();
		return call;
	}

	private CallRow row(String linkedid) {
		return call(linkedid).row();
	}

	/** The event the writer would publish once the row is stored (id 1). */
	private CallEnded ended(String linkedid) {
		LiveCall call = call(linkedid);
		assertThat(this.dirty).as("changed calls to write").contains(call);
		CallWriter.Pending pending = CallWriter.Pending.of(call);
		assertThat(pending.publishEnd()).as("ended and not yet announced").isTrue();
		return pending.row().ended(1, pending.uniqueids());
	}

	/** The callback trace as Asterisk reports a customer who does not answer: no bridge, DIALSTATUS {@code status}. */
	private static Scenario unanswered(Scenario trace, String status) {
		Scenario attempt = withVariableValue(withVariableAfter(trace, "Newchannel", "CALLQA_ATTEMPT", "42"),
				"DIALSTATUS", status);
		return new Scenario(trace.name(),
				attempt.events().stream().filter((event) -> !event.type().startsWith("Bridge")).toList());
	}

	/** The trace with every non-empty value Asterisk set {@code variable} to replaced by {@code value}. */
	private static Scenario withVariableValue(Scenario scenario, String variable, String value) {
		return new Scenario(scenario.name(), scenario.events().stream()
			.map((event) -> event.type().equals("VarSet") && variable.equals(event.value("Variable"))
					&& !String.valueOf(event.value("Value")).isEmpty()
							? event.mapValues((key, old) -> key.equals("Value") ? value : old) : event)
			.toList());
	}

	private static Scenario withVariableAfter(Scenario scenario, String type, String variable, String value) {
		int index = indexOf(scenario, (event) -> event.type().equals(type));
		List<AmiEvent> events = new ArrayList<>(scenario.events());
		events.add(index + 1, varSet(events.get(index), variable, value));
		return new Scenario(scenario.name(), events);
	}

	private static Scenario withVariableBefore(Scenario scenario, String type, String variable, String value) {
		int index = indexOf(scenario, (event) -> event.type().equals(type));
		List<AmiEvent> events = new ArrayList<>(scenario.events());
		events.add(index, varSet(events.get(index), variable, value));
		return new Scenario(scenario.name(), events);
	}

	private static AmiEvent varSet(AmiEvent channelEvent, String variable, String value) {
		return new AmiEvent(List.of("Event: VarSet", "Channel: " + channelEvent.value("Channel"),
				"Uniqueid: " + channelEvent.value("Uniqueid"), "Linkedid: " + channelEvent.value("Linkedid"),
				"Variable: " + variable, "Value: " + value));
	}

	/** The trace up to and including the first event that matches. */
	private static Scenario part(Scenario scenario, Predicate<AmiEvent> last) {
		return new Scenario(scenario.name(), scenario.events().subList(0, indexOf(scenario, last) + 1));
	}

	private static int indexOf(Scenario scenario, Predicate<AmiEvent> match) {
		for (int i = 0; i < scenario.size(); i++) {
			if (match.test(scenario.events().get(i))) {
				return i;
			}
		}
		throw new IllegalArgumentException("No such event in " + scenario.name());
	}

	/**
	 * Asterisk-Java's own event builder, which its reader uses on every block read from the socket (internal to the
	 * library, hence reflection): the events are the library's, field for field, with no socket in between.
	 */
	private static final class Library {

		private static final Object builder;

		private static final Method build;

		static {
			try {
				Class<?> type = Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl");
				Constructor<?> constructor = type.getDeclaredConstructor();
				constructor.setAccessible(true);
				builder = constructor.newInstance();
				build = type.getMethod("buildEvent", Object.class, Map.class);
				build.setAccessible(true);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		/** As the reader does: header names in lower case, values as sent. */
		static ManagerEvent build(AmiEvent event) {
			Map<String, Object> attributes = new HashMap<>();
			for (String line : event.lines()) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					attributes.put(line.substring(0, colon).toLowerCase(Locale.ENGLISH),
							line.substring(colon + 1).trim());
				}
			}
			try {
				return (ManagerEvent) build.invoke(builder, LiveCallTests.class, attributes);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
