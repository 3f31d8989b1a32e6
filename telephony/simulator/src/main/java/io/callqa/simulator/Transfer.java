package io.callqa.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The transfer endings of an answered call, with Asterisk 22's BlindTransfer / AttendedTransfer events (fields as
 * Asterisk-Java's event classes read them) and the bridge moves around them; the call keeps its Linkedid.
 */
final class Transfer {

	private static final int UP = 6;

	private final InboundCall call;

	private final CallEventWriter w;

	private final InboundCall.AgentLeg first;

	Transfer(InboundCall call, InboundCall.AgentLeg first) {
		this.call = call;
		this.w = call.writer();
		this.first = first;
	}

	/**
	 * The agent sends the caller to {@code transferTo} without consulting: the agent leaves, the caller leaves the
	 * bridge and dials the target, who answers at once.
	 */
	void blind() {
		Instant transferAt = this.w.now().plus(this.call.script().talkTime());
		this.w.at(transferAt);
		SimulatedQueue.Member target = target();
		Leg caller = this.call.caller();
		List<String> lines = new ArrayList<>(List.of("Result: Success"));
		lines.addAll(this.first.one.lines("Transferer"));
		lines.addAll(CallEventWriter.bridge(this.first.bridge, 2));
		lines.addAll(caller.lines("Transferee"));
		lines.addAll(List.of("IsExternal: No", "Context: " + target.context(), "Extension: " + target.exten()));
		this.w.log.add("BlindTransfer", "call,all", lines);
		this.w.bridgeLeave(this.first.bridge, 1, this.first.one);
		this.call.agentComplete(this.first, "transfer", true);
		hangUpAgent(this.first);
		this.w.bridgeLeave(this.first.bridge, 0, caller);
		this.w.bridgeDestroy(this.first.bridge);
		caller.at(target.context(), target.exten(), 1);
		this.w.newexten(caller, "Dial", "Local/" + target.exten() + "@" + target.context());
		InboundCall.AgentLeg second = dial(target);
		second.bridge = this.w.bridgeCreate();
		this.w.bridgeEnter(second.bridge, 1, second.one);
		this.w.bridgeEnter(second.bridge, 2, caller);
		end(second);
	}

	/**
	 * The agent consults {@code transferTo} from the phone side (;2) in a second bridge, then completes: the target
	 * takes the agent's place in the caller's bridge (DestType Bridge) and the consult bridge is destroyed.
	 */
	void attended() {
		Instant consultAt = this.w.now().plus(this.call.script().talkTime());
		this.w.at(consultAt);
		SimulatedQueue.Member target = target();
		InboundCall.AgentLeg second = dialFrom(this.first.two, target);
		String consult = this.w.bridgeCreate();
		this.w.bridgeEnter(consult, 1, this.first.two);
		this.w.bridgeEnter(consult, 2, second.one);
		this.w.at(consultAt.plusSeconds(5));
		this.w.log.add("AttendedTransfer", "call,all", attendedTransfer(consult, second));
		this.w.bridgeLeave(this.first.bridge, 1, this.first.one);
		this.w.bridgeLeave(consult, 1, second.one);
		this.w.bridgeEnter(this.first.bridge, 2, second.one);
		this.w.bridgeLeave(consult, 0, this.first.two);
		this.w.bridgeDestroy(consult);
		this.call.agentComplete(this.first, "transfer", true);
		hangUpAgent(this.first);
		second.bridge = this.first.bridge;
		end(second);
	}

	private List<String> attendedTransfer(String consult, InboundCall.AgentLeg second) {
		List<String> lines = new ArrayList<>(List.of("Result: Success"));
		lines.addAll(this.first.one.lines("OrigTransferer"));
		lines.addAll(prefixed("Orig", CallEventWriter.bridge(this.first.bridge, 2)));
		lines.addAll(this.first.two.lines("SecondTransferer"));
		lines.addAll(prefixed("Second", CallEventWriter.bridge(consult, 2)));
		lines.addAll(this.call.caller().lines("Transferee"));
		lines.addAll(second.one.lines("TransferTarget"));
		lines.addAll(List.of("IsExternal: No", "DestType: Bridge", "DestBridgeUniqueid: " + this.first.bridge));
		return lines;
	}

	private static List<String> prefixed(String prefix, List<String> lines) {
		return lines.stream().map((line) -> prefix + line).toList();
	}

	private SimulatedQueue.Member target() {
		return this.call.queue().member(this.call.script().transferTarget());
	}

	private InboundCall.AgentLeg dial(SimulatedQueue.Member target) {
		return dialFrom(this.call.caller(), target);
	}

	/** {@code from} dials the target's Local channel, which answers at once. */
	private InboundCall.AgentLeg dialFrom(Leg from, SimulatedQueue.Member target) {
		Leg[] pair = this.w.localPair(target.exten(), target.context(), from.callerNum, from.callerName);
		InboundCall.AgentLeg leg = new InboundCall.AgentLeg(target, pair[0], pair[1], this.w.now());
		this.w.dialBegin(from, leg.one, target.exten() + "@" + target.context());
		this.w.newstate(leg.two, UP);
		leg.one.at(target.context(), "s", 1);
		this.w.newstate(leg.one, UP);
		this.w.dialEnd(from, leg.one, "ANSWER");
		leg.answered = this.w.now();
		return leg;
	}

	private void hangUpAgent(InboundCall.AgentLeg agent) {
		this.w.hangupRequest(agent.two, 16);
		this.w.hangup(agent.one, 16);
		this.w.softHangupRequest(agent.two, 16);
		this.w.hangup(agent.two, 16);
		this.w.cdr(agent.two, agent.member.exten(), agent.rang, agent.answered, "ANSWERED");
	}

	/** After {@code talkAfterTransfer} the caller hangs up on the target agent. */
	private void end(InboundCall.AgentLeg second) {
		this.w.at(this.w.now().plus(this.call.script().talkTimeAfterTransfer()));
		Leg caller = this.call.caller();
		this.w.softHangupRequest(this.call.callerPhone(), 16);
		this.w.hangupRequest(caller, 16);
		this.w.hangup(this.call.callerPhone(), 16);
		this.w.bridgeLeave(second.bridge, 1, caller);
		this.w.bridgeLeave(second.bridge, 0, second.one);
		this.w.bridgeDestroy(second.bridge);
		this.w.hangup(caller, 16);
		hangUpAgent(second);
		this.w.cdr(caller, "s", this.call.start(), this.call.start(), "ANSWERED");
	}

}
