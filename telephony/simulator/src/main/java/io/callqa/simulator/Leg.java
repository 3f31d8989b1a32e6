package io.callqa.simulator;

import java.util.List;

/**
 * One channel of a scripted call, rendered as the channel block every Asterisk 22 call event carries
 * ({@code Channel} ... {@code Linkedid}), optionally prefixed ({@code Dest}, {@code Spyer}, {@code LocalOne}...).
 */
final class Leg {

	final String channel;

	final String uniqueid;

	final String linkedid;

	int state;

	String callerNum = "<unknown>";

	String callerName = "<unknown>";

	String connectedNum = "<unknown>";

	String connectedName = "<unknown>";

	String context;

	String exten;

	int priority = 1;

	Leg(String channel, String uniqueid, String linkedid, int state, String context, String exten) {
		this.channel = channel;
		this.uniqueid = uniqueid;
		this.linkedid = linkedid;
		this.state = state;
		this.context = context;
		this.exten = exten;
	}

	Leg caller(String num, String name) {
		this.callerNum = num;
		this.callerName = name;
		return this;
	}

	Leg connected(String num, String name) {
		this.connectedNum = num;
		this.connectedName = name;
		return this;
	}

	Leg at(String context, String exten, int priority) {
		this.context = context;
		this.exten = exten;
		this.priority = priority;
		return this;
	}

	static String stateDesc(int state) {
		return switch (state) {
			case 0 -> "Down";
			case 4 -> "Ring";
			case 5 -> "Ringing";
			case 6 -> "Up";
			case 7 -> "Busy";
			default -> "Unknown";
		};
	}

	/** The channel block in the field order Asterisk 22 uses (see the captured traces). */
	List<String> lines(String prefix) {
		return List.of(prefix + "Channel: " + this.channel, prefix + "ChannelState: " + this.state,
				prefix + "ChannelStateDesc: " + stateDesc(this.state), prefix + "CallerIDNum: " + this.callerNum,
				prefix + "CallerIDName: " + this.callerName, prefix + "ConnectedLineNum: " + this.connectedNum,
				prefix + "ConnectedLineName: " + this.connectedName, prefix + "Language: en",
				prefix + "AccountCode: ", prefix + "Context: " + this.context, prefix + "Exten: " + this.exten,
				prefix + "Priority: " + this.priority, prefix + "Uniqueid: " + this.uniqueid,
				prefix + "Linkedid: " + this.linkedid);
	}

}
