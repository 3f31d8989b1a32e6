package io.callqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link CallScript} rendering: generated calls against the captured Asterisk 22 traces, and the scripted
 * clock that lets tests compute metrics by hand.
 */
class CallScriptTests {

	private static final Set<String> CALL_EVENTS = Set.of("Newchannel", "QueueCallerJoin", "AgentCalled",
			"AgentRingNoAnswer", "AgentConnect", "AgentComplete", "QueueCallerAbandon", "QueueCallerLeave",
			"BridgeEnter", "BridgeLeave", "Hangup", "DialBegin", "DialEnd");

	private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

	private final SimulatorIds ids = new SimulatorIds(T0.getEpochSecond());

	@Test
	void renderWhenAnsweredShouldFollowInboundAnsweredTrace() {
		RenderedCall call = render(CallScript.answered().caller("5550101", "Alice Customer").waitFor(Duration.ZERO)
			.talkFor(Duration.ofSeconds(16)), "support");
		List<String> trace = callEvents(Scenario.load("inbound-answered"));
		assertThat(trace).hasSize(21);
		assertThat(callEvents(call.scenario())).containsExactlyElementsOf(trace);
	}

	@Test
	void renderWhenAbandonedShouldFollowAbandonedTrace() {
		RenderedCall call = render(CallScript.abandoned().caller("5550102", "Bob Impatient"), "sales");
		assertThat(callEvents(call.scenario())).containsExactlyElementsOf(callEvents(Scenario.load("abandoned")));
	}

	@Test
	void renderWhenQueueTimesOutShouldFollowQueueTimeoutTrace() {
		RenderedCall call = render(CallScript.queueTimeout().caller("5550103", "Carol Patient"), "sales");
		assertThat(callEvents(call.scenario())).containsExactlyElementsOf(callEvents(Scenario.load("queue-timeout")));
		assertThat(call.scenario().setsVariable("QUEUESTATUS", "TIMEOUT")).isTrue();
	}

	@Test
	void renderWhenCallbackOriginateAnsweredShouldFollowCallbackTrace() {
		ReceivedOriginate request = new ReceivedOriginate("cb-1", "Local/agent1@agents-callback", "callback-out",
				"5550199", 1, "\"Support\" <100>", Duration.ofSeconds(30), Map.of("SCENARIO", "callback-originate"));
		RenderedCall call = CallbackCall.render(request, OriginateOutcome.answered(), this.ids, "/rec", T0);
		assertThat(callEvents(call.scenario()))
			.containsExactlyElementsOf(callEvents(Scenario.load("callback-originate")));
		assertThat(call.scenario().setsVariable("SCENARIO", "callback-originate")).isTrue();
		assertThat(call.scenario().setsVariable("DIALSTATUS", "ANSWER")).isTrue();
	}

	@Test
	void renderWhenScriptedShouldStampEventsSoWaitAndTalkAreExact() {
		RenderedCall call = render(CallScript.answered().ringNoAnswer(2).waitFor(Duration.ofSeconds(30))
			.talkFor(Duration.ofSeconds(95))
			.startingAt(T0), "support");
		assertThat(timestamp(call, "QueueCallerJoin")).isEqualTo("1795424400.000000");
		assertThat(timestamp(call, "AgentConnect")).isEqualTo("1795424430.000000");
		assertThat(timestamp(call, "AgentComplete")).isEqualTo("1795424525.000000");
		assertThat(call.scenario().count("AgentRingNoAnswer")).isEqualTo(2);
		assertThat(first(call, "AgentComplete").value("TalkTime")).isEqualTo("95");
		assertThat(call.scenario().events()).allSatisfy((event) -> assertThat(event.lines().get(2)).startsWith("Timestamp: "));
	}

	@Test
	void renderWhenTwoCallsShouldGiveServerUniqueIdsAndOneLinkedidPerCall() {
		RenderedCall first = render(CallScript.answered().startingAt(T0), "support");
		RenderedCall second = render(CallScript.answered().startingAt(T0), "support");
		assertThat(second.linkedid()).isNotEqualTo(first.linkedid()).matches("\\d+\\.\\d+");
		assertThat(first.scenario().events()).map((event) -> event.value("Linkedid"))
			.filteredOn((linkedid) -> linkedid != null)
			.containsOnly(first.linkedid());
		assertThat(first.recordingFile()).isEqualTo("/rec/call-" + first.linkedid() + ".wav");
	}

	@Test
	void renderWhenTransfersShouldSendAsterisk22TransferEvents() {
		RenderedCall blind = render(CallScript.blindTransfer(), "support");
		RenderedCall attended = render(CallScript.attendedTransfer(), "support");
		assertThat(first(blind, "BlindTransfer").value("Extension")).isEqualTo("agent2");
		assertThat(first(blind, "AgentComplete").value("Reason")).isEqualTo("transfer");
		assertThat(first(attended, "AttendedTransfer").value("TransferTargetChannel")).startsWith("Local/agent2@agents-");
		assertThat(first(attended, "AttendedTransfer").value("DestType")).isEqualTo("Bridge");
		assertThat(attended.scenario().count("Hangup")).isEqualTo(6);
	}

	@Test
	void renderWhenCallerPressesOneShouldLeaveWithoutAbandon() {
		RenderedCall call = render(CallScript.callbackOffer(), "support");
		assertThat(call.scenario().count("QueueCallerLeave")).isOne();
		assertThat(call.scenario().count("QueueCallerAbandon")).isZero();
		assertThat(first(call, "Newexten").value("Application")).isNotNull();
		assertThat(call.scenario().events()).anySatisfy((event) -> assertThat(event.value("AppData")).startsWith("agi://"));
	}

	@Test
	void renderWhenChanSpyShouldSpyOnTheAgentLegWithItsOwnLinkedid() {
		RenderedCall call = render(CallScript.chanSpy(), "support");
		AmiEvent spy = first(call, "ChanSpyStart");
		assertThat(spy.value("SpyeeChannel")).startsWith("Local/agent1@agents-");
		assertThat(spy.value("SpyerLinkedid")).isNotEqualTo(call.linkedid());
		assertThat(call.scenario().count("ChanSpyStop")).isOne();
	}

	private RenderedCall render(CallScript script, String queue) {
		SimulatedQueue config = SimulatedQueue.defaults()
			.stream()
			.filter((candidate) -> candidate.name().equals(queue))
			.findFirst()
			.orElseThrow();
		return InboundCall.render(script, config, this.ids, "/rec", T0);
	}

	/** Type, status and channel with the Local channel number blanked, for the call-relevant events only. */
	private static List<String> callEvents(Scenario scenario) {
		return scenario.events()
			.stream()
			.filter((event) -> CALL_EVENTS.contains(event.type()) || isQueueStatus(event))
			.map((event) -> event.type() + " " + orEmpty(event.value("DialStatus")) + " "
					+ orEmpty(event.value("DestChannel") != null ? event.value("DestChannel") : event.value("Channel"))
						.replaceAll("-[0-9a-f]{8};", "-N;"))
			.collect(Collectors.toList());
	}

	private static boolean isQueueStatus(AmiEvent event) {
		return event.type().equals("VarSet") && "QUEUESTATUS".equals(event.value("Variable"));
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static AmiEvent first(RenderedCall call, String type) {
		return call.scenario().events().stream().filter((event) -> event.type().equals(type)).findFirst().orElseThrow();
	}

	private static String timestamp(RenderedCall call, String type) {
		return first(call, type).value("Timestamp");
	}

}
