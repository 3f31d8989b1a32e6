package io.callqa.qaconsole.floor;

/**
 * Queue events as Asterisk 22 writes them (fields and order from the traces of a real Asterisk 22, e.g.
 * {@code inbound-answered.ami}), for the simulator to send to the console's Asterisk-Java client.
 */
final class FloorEvents {

	private FloorEvents() {
	}

	/** A member's state: Status is the device state (1 not in use, 2 in use, 6 ringing...). */
	static String memberStatus(String queue, String member, int status, boolean paused, String reason) {
		return "Event: QueueMemberStatus\r\nPrivilege: agent,all\r\nQueue: " + queue + "\r\nMemberName: " + member
				+ "\r\nInterface: PJSIP/" + member + "\r\nStateInterface: PJSIP/" + member
				+ "\r\nMembership: static\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 0\r\n"
				+ "LoginTime: 1795418984\r\nInCall: 0\r\nStatus: " + status + "\r\nPaused: " + (paused ? 1 : 0)
				+ "\r\nPausedReason: " + reason + "\r\nRinginuse: 1\r\nWrapuptime: 0\r\n\r\n";
	}

	/** QueueMemberPause, as sent after a QueuePause or a pause from the phone. */
	static String memberPause(String queue, String member, boolean paused, String reason) {
		return "Event: QueueMemberPause\r\nPrivilege: agent,all\r\nQueue: " + queue + "\r\nMemberName: " + member
				+ "\r\nInterface: PJSIP/" + member + "\r\nStateInterface: PJSIP/" + member
				+ "\r\nMembership: static\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 1795419000\r\n"
				+ "LoginTime: 1795418984\r\nInCall: 0\r\nStatus: 1\r\nPaused: " + (paused ? 1 : 0)
				+ "\r\nPausedReason: " + reason + "\r\nRinginuse: 1\r\nWrapuptime: 0\r\n\r\n";
	}

	static String callerJoin(String queue, String uniqueid, String callerNumber, int position) {
		return "Event: QueueCallerJoin\r\nPrivilege: agent,all\r\nChannel: PJSIP/trunk-" + uniqueid
				+ "\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: " + callerNumber
				+ "\r\nCallerIDName: Caller\r\nConnectedLineNum: " + callerNumber
				+ "\r\nConnectedLineName: Caller\r\nLanguage: en\r\nAccountCode: \r\nContext: inbound\r\nExten: s\r\n"
				+ "Priority: 6\r\nUniqueid: " + uniqueid + "\r\nLinkedid: " + uniqueid + "\r\nQueue: " + queue
				+ "\r\nPosition: " + position + "\r\nCount: " + position + "\r\n\r\n";
	}

	static String callerLeave(String queue, String uniqueid, String callerNumber, int count) {
		return "Event: QueueCallerLeave\r\nPrivilege: agent,all\r\nChannel: PJSIP/trunk-" + uniqueid
				+ "\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: " + callerNumber
				+ "\r\nCallerIDName: Caller\r\nConnectedLineNum: " + callerNumber
				+ "\r\nConnectedLineName: Caller\r\nLanguage: en\r\nAccountCode: \r\nContext: inbound\r\nExten: s\r\n"
				+ "Priority: 6\r\nUniqueid: " + uniqueid + "\r\nLinkedid: " + uniqueid + "\r\nQueue: " + queue
				+ "\r\nPosition: 1\r\nCount: " + count + "\r\n\r\n";
	}

}
