package io.callqa.telephony.floor;

import java.time.Instant;

/**
 * Asterisk 22's queue events as app_queue writes them (field order and names as in the captured traces of
 * {@code simulator/traces/*.ami}: QueueMemberStatus, QueueCallerJoin, AgentConnect...), for the simulator to send
 * with {@code inject} until it plays them itself.
 */
final class AmiText {

	private AmiText() {
	}

	/** The member block app_queue puts in QueueMemberStatus, QueueMemberAdded and QueueMemberPause. */
	static String member(String event, String queue, String name, String iface, int status, boolean paused,
			String reason, boolean inCall) {
		long now = Instant.now().getEpochSecond();
		return "Event: " + event + "\r\nPrivilege: agent,all\r\nQueue: " + queue + "\r\nMemberName: " + name
				+ "\r\nInterface: " + iface + "\r\nStateInterface: " + iface
				+ "\r\nMembership: dynamic\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: "
				+ (paused ? now : 0) + "\r\nLoginTime: " + now + "\r\nInCall: " + (inCall ? 1 : 0) + "\r\nStatus: "
				+ status + "\r\nPaused: " + (paused ? 1 : 0) + "\r\nPausedReason: " + reason
				+ "\r\nRinginuse: 0\r\nWrapuptime: 0\r\n\r\n";
	}

	static String added(String queue, String name, String iface) {
		return member("QueueMemberAdded", queue, name, iface, 1, false, "", false);
	}

	static String status(String queue, String name, String iface, int status) {
		return member("QueueMemberStatus", queue, name, iface, status, false, "", false);
	}

	static String pause(String queue, String name, String iface, boolean paused, String reason) {
		return member("QueueMemberPause", queue, name, iface, 1, paused, reason, false);
	}

	static String removed(String queue, String name, String iface) {
		return "Event: QueueMemberRemoved\r\nPrivilege: agent,all\r\nQueue: " + queue + "\r\nMemberName: " + name
				+ "\r\nInterface: " + iface + "\r\nStateInterface: " + iface
				+ "\r\nMembership: dynamic\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 0"
				+ "\r\nLoginTime: 0\r\nInCall: 0\r\nStatus: 1\r\nPaused: 0\r\nPausedReason: \r\nRinginuse: 0"
				+ "\r\nWrapuptime: 0\r\n\r\n";
	}

	private static String channel(String channel, String uniqueid, String number, String context) {
		return "Channel: " + channel + "\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: " + number
				+ "\r\nCallerIDName: Caller " + number + "\r\nConnectedLineNum: " + number
				+ "\r\nConnectedLineName: Caller " + number + "\r\nLanguage: en\r\nAccountCode: \r\nContext: " + context
				+ "\r\nExten: s\r\nPriority: 6\r\nUniqueid: " + uniqueid + "\r\nLinkedid: " + uniqueid + "\r\n";
	}

	static String join(String queue, String channel, String uniqueid, String number, int position) {
		return "Event: QueueCallerJoin\r\nPrivilege: agent,all\r\n" + channel(channel, uniqueid, number, "inbound")
				+ "Queue: " + queue + "\r\nPosition: " + position + "\r\nCount: " + position + "\r\n\r\n";
	}

	static String leave(String queue, String channel, String uniqueid, String number, int position) {
		return "Event: QueueCallerLeave\r\nPrivilege: agent,all\r\n" + channel(channel, uniqueid, number, "inbound")
				+ "Queue: " + queue + "\r\nPosition: " + position + "\r\nCount: 0\r\n\r\n";
	}

	static String abandon(String queue, String channel, String uniqueid, String number, int position) {
		return "Event: QueueCallerAbandon\r\nPrivilege: agent,all\r\n" + channel(channel, uniqueid, number, "inbound")
				+ "Queue: " + queue + "\r\nPosition: " + position + "\r\nOriginalPosition: " + position
				+ "\r\nHoldTime: 12\r\n\r\n";
	}

	/** {@code AgentConnect}: the caller's channel, then the agent's own ({@code Dest*}), then the member. */
	static String connect(String queue, String channel, String uniqueid, String number, String name, String iface,
			String agentChannel, String agentUniqueid) {
		return "Event: AgentConnect\r\nPrivilege: agent,all\r\n" + channel(channel, uniqueid, number, "inbound")
				+ "DestChannel: " + agentChannel + "\r\nDestChannelState: 6\r\nDestChannelStateDesc: Up"
				+ "\r\nDestCallerIDNum: " + number + "\r\nDestCallerIDName: Caller " + number
				+ "\r\nDestConnectedLineNum: " + number + "\r\nDestConnectedLineName: Caller " + number
				+ "\r\nDestLanguage: en\r\nDestAccountCode: \r\nDestContext: agents\r\nDestExten: s"
				+ "\r\nDestPriority: 1\r\nDestUniqueid: " + agentUniqueid + "\r\nDestLinkedid: " + uniqueid
				+ "\r\nQueue: " + queue + "\r\nInterface: " + iface + "\r\nMemberName: " + name
				+ "\r\nHoldTime: 3\r\nRingTime: 2\r\n\r\n";
	}

	static String complete(String queue, String channel, String uniqueid, String number, String name, String iface,
			String agentChannel, String agentUniqueid) {
		return connect(queue, channel, uniqueid, number, name, iface, agentChannel, agentUniqueid)
			.replace("Event: AgentConnect", "Event: AgentComplete")
			.replace("HoldTime: 3\r\nRingTime: 2\r\n", "HoldTime: 3\r\nTalkTime: 40\r\nReason: caller\r\n");
	}

	static String newChannel(String channel, String uniqueid, String number) {
		return "Event: Newchannel\r\nPrivilege: call,all\r\n" + channel(channel, uniqueid, number, "agents") + "\r\n";
	}

	static String hangup(String channel, String uniqueid) {
		return "Event: Hangup\r\nPrivilege: call,all\r\n" + channel(channel, uniqueid, "2001", "supervisors")
				+ "Cause: 16\r\nCause-txt: Normal Clearing\r\n\r\n";
	}

}
