package io.callqa.telephony.calls;

import java.util.ArrayList;
import java.util.List;

import io.callqa.simulator.AmiEvent;
import io.callqa.simulator.Scenario;

/**
 * Real traces reordered the way a busy Asterisk delivers them, shared by the lifecycle's unit and integration tests.
 */
final class Traces {

	private Traces() {
	}

	/** The caller's legs hang up first; the AgentConnect and bridge events come after the end. */
	static Scenario agentConnectAfterHangup(Scenario trace) {
		List<AmiEvent> events = new ArrayList<>(trace.events());
		List<AmiEvent> late = events.stream()
			.filter((event) -> event.type().equals("AgentConnect") || event.type().startsWith("Bridge"))
			.toList();
		events.removeAll(late);
		events.addAll(late);
		return new Scenario(trace.name(), events);
	}

	/**
	 * A queue call answered by agent1, blind-transferred to agent2, who hands it to agent3 with an attended transfer;
	 * Asterisk sends each transfer event twice. {@code suffix} keeps the Uniqueids of one test apart from another's.
	 */
	static String transfers(String suffix) {
		String id = "1700000100.1" + suffix;
		String caller = "Channel: Local/cust@customer-00000100;1\r\nUniqueid: " + id + "\r\nLinkedid: " + id;
		String blind = "Event: BlindTransfer\r\nResult: Success\r\nTransfererChannel: Local/agent1@agents-00000101;1"
				+ "\r\nTransfererUniqueid: 1700000100.2" + suffix + "\r\nTransfererLinkedid: " + id
				+ "\r\nTransfereeChannel: Local/cust@customer-00000100;1\r\nTransfereeUniqueid: " + id
				+ "\r\nTransfereeLinkedid: " + id + "\r\nIsExternal: No\r\nContext: agents\r\nExtension: agent2\r\n\r\n";
		String attended = "Event: AttendedTransfer\r\nResult: Success\r\nOrigTransfererChannel: "
				+ "Local/agent2@agents-00000102;1\r\nOrigTransfererUniqueid: 1700000100.4" + suffix
				+ "\r\nOrigTransfererLinkedid: " + id + "\r\nSecondTransfererChannel: Local/agent2@agents-00000103;1"
				+ "\r\nSecondTransfererUniqueid: 1700000100.5" + suffix + "\r\nTransfereeChannel: "
				+ "Local/cust@customer-00000100;1\r\nTransfereeUniqueid: " + id + "\r\nTransfereeLinkedid: " + id
				+ "\r\nTransferTargetChannel: Local/agent3@agents-00000104;1\r\nDestType: Bridge\r\n\r\n";
		return "Event: QueueMemberStatus\r\nQueue: support\r\nMemberName: agent3\r\nInterface: "
				+ "Local/agent3@agents/n\r\nStatus: 1\r\nPaused: 0\r\nInCall: 0\r\n\r\n"
				+ "Event: Newchannel\r\n" + caller + "\r\nCallerIDNum: 5550120\r\n\r\n"
				+ "Event: QueueCallerJoin\r\n" + caller + "\r\nQueue: support\r\nPosition: 1\r\n\r\n"
				+ "Event: AgentConnect\r\n" + caller + "\r\nQueue: support\r\nInterface: Local/agent1@agents/n"
				+ "\r\nMemberName: agent1\r\nHoldTime: 4\r\n\r\n" + blind + blind
				+ "Event: AgentConnect\r\n" + caller + "\r\nQueue: support\r\nInterface: Local/agent2@agents/n"
				+ "\r\nMemberName: agent2\r\nHoldTime: 9\r\n\r\n" + attended + attended
				+ "Event: Hangup\r\n" + caller + "\r\nCause: 16\r\n\r\n";
	}

}
