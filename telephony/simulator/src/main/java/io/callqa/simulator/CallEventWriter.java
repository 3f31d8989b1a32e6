package io.callqa.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The event vocabulary of one call, each method writing what Asterisk 22 sends for one step (field names and order
 * as in the captured traces): Local channel pairs, dials, queue steps, bridges, hangups and CDRs.
 */
final class CallEventWriter {

	private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	final EventLog log;

	private final SimulatorIds ids;

	private final String linkedid;

	CallEventWriter(SimulatorIds ids, Instant start, String linkedid) {
		this.ids = ids;
		this.log = new EventLog(start);
		this.linkedid = linkedid;
	}

	void at(Instant time) {
		this.log.at(time);
	}

	Instant now() {
		return this.log.now();
	}

	/**
	 * Creates a Local channel pair {@code Local/<exten>@<context>-<n>;1/;2}: two Newchannel (;1 Down, ;2 Ring), the
	 * caller id set on both, then LocalBridge, as every Local dial in the traces starts.
	 */
	Leg[] localPair(String exten, String context, String uniqueid1, String linkedid, String num, String name) {
		String base = "Local/" + exten + "@" + context + "-" + this.ids.localChannelNumber();
		Leg one = new Leg(base + ";1", uniqueid1, linkedid, 0, context, exten);
		Leg two = new Leg(base + ";2", this.ids.uniqueid(now()), linkedid, 4, context, exten);
		this.log.call("Newchannel", one);
		this.log.call("Newchannel", two);
		for (Leg leg : new Leg[] { one, two }) {
			leg.caller(num, name).connected(num, name);
			this.log.call("NewCallerid", leg, "CID-CallingPres: 0 (Presentation Allowed, Not Screened)");
		}
		List<String> lines = new ArrayList<>(one.lines("LocalOne"));
		lines.addAll(two.lines("LocalTwo"));
		lines.addAll(List.of("Context: " + context, "Exten: " + exten, "LocalOptimization: Yes"));
		this.log.add("LocalBridge", "call,all", lines);
		return new Leg[] { one, two };
	}

	Leg[] localPair(String exten, String context, String num, String name) {
		return localPair(exten, context, this.ids.uniqueid(now()), this.linkedid, num, name);
	}

	/** DialBegin; a {@code null} caller is an Originate dialling out (no Channel block, as in the traces). */
	void dialBegin(Leg caller, Leg dest, String dialString) {
		this.log.add("DialBegin", "call,all", concat(caller, dest, "DialString: " + dialString));
	}

	void originateDialBegin(Leg dest, String dialString) {
		this.log.add("DialBegin", "call,all", EventLog.concat(dest.lines("Dest"), "DialString: " + dialString));
	}

	void originateDialEnd(Leg dest) {
		this.log.add("DialEnd", "call,all", EventLog.concat(dest.lines("Dest"), "DialStatus: ANSWER"));
	}

	void dialState(Leg caller, Leg dest, String status) {
		this.log.add("DialState", "call,all", concat(caller, dest, "DialStatus: " + status));
	}

	void dialEnd(Leg caller, Leg dest, String status) {
		this.log.add("DialEnd", "call,all", concat(caller, dest, "DialStatus: " + status));
	}

	void newstate(Leg leg, int state) {
		leg.state = state;
		this.log.call("Newstate", leg);
	}

	void newexten(Leg leg, String application, String data) {
		this.log.add("Newexten", "dialplan,all", EventLog.concat(leg.lines(""), "Extension: " + leg.exten,
				"Application: " + application, "AppData: " + data));
		leg.priority++;
	}

	void varSet(Leg leg, String variable, String value) {
		this.log.add("VarSet", "dialplan,all",
				EventLog.concat(leg.lines(""), "Variable: " + variable, "Value: " + value));
	}

	void mixMonitor(Leg leg, String file) {
		newexten(leg, "MixMonitor", file);
		varSet(leg, "MIXMONITOR_FILENAME", file);
		this.log.call("MixMonitorStart", leg);
	}

	/**
	 * MixMonitor with one file per party as well, {@code base-agent.wav} and {@code base-customer.wav}: on the agent's
	 * side of the call r() (what the channel receives) is the agent, as in telephony/asterisk/extensions.conf.
	 */
	void mixMonitor(Leg leg, String file, String base) {
		newexten(leg, "MixMonitor", file + "," + perPartyOptions(base));
		varSet(leg, "MIXMONITOR_FILENAME", file);
		this.log.call("MixMonitorStart", leg);
	}

	/** Per-party files only (MixMonitor's file argument empty): no MIXMONITOR_FILENAME is set. */
	void perPartyMixMonitor(Leg leg, String base) {
		newexten(leg, "MixMonitor", "," + perPartyOptions(base));
		this.log.call("MixMonitorStart", leg);
	}

	private static String perPartyOptions(String base) {
		return "r(" + base + "-agent.wav)t(" + base + "-customer.wav)";
	}

	/** The agent event family (AgentCalled, AgentConnect, AgentRingNoAnswer...): caller, member leg, then extras. */
	void agentEvent(String type, Leg caller, Leg member, String... extra) {
		this.log.add(type, "agent,all", concat(caller, member, extra));
	}

	void queueEvent(String type, Leg caller, String... extra) {
		this.log.add(type, "agent,all", EventLog.concat(caller.lines(""), extra));
	}

	void memberStatus(String queue, SimulatedQueue.Member member, int status, boolean inCall) {
		this.log.add("QueueMemberStatus", "agent,all",
				List.of("Queue: " + queue, "MemberName: " + member.name(), "Interface: " + member.location(),
						"StateInterface: " + member.location(), "Membership: static", "Penalty: 0", "CallsTaken: 0",
						"LastCall: 0", "LastPause: 0", "LoginTime: " + this.ids.bootSecond(),
						"InCall: " + (inCall ? 1 : 0), "Status: " + status, "Paused: 0", "PausedReason: ",
						"Ringinuse: 1", "Wrapuptime: 0"));
	}

	String bridgeCreate() {
		String id = this.ids.bridgeId();
		this.log.add("BridgeCreate", "call,all", bridge(id, 0));
		return id;
	}

	void bridgeEnter(String bridge, int channelsAfter, Leg leg) {
		List<String> lines = bridge(bridge, channelsAfter);
		lines.addAll(leg.lines(""));
		this.log.add("BridgeEnter", "call,all", lines);
	}

	void bridgeLeave(String bridge, int channelsAfter, Leg leg) {
		List<String> lines = bridge(bridge, channelsAfter);
		lines.addAll(leg.lines(""));
		this.log.add("BridgeLeave", "call,all", lines);
	}

	void bridgeDestroy(String bridge) {
		this.log.add("BridgeDestroy", "call,all", bridge(bridge, 0));
	}

	static List<String> bridge(String id, int channels) {
		return new ArrayList<>(List.of("BridgeUniqueid: " + id, "BridgeType: basic", "BridgeTechnology: simple_bridge",
				"BridgeCreator: <unknown>", "BridgeName: <unknown>", "BridgeNumChannels: " + channels,
				"BridgeVideoSourceMode: none"));
	}

	void softHangupRequest(Leg leg, int cause) {
		this.log.call("SoftHangupRequest", leg, "Cause: " + cause);
	}

	void hangupRequest(Leg leg, int cause) {
		this.log.call("HangupRequest", leg, "Cause: " + cause);
	}

	void hangup(Leg leg, int cause) {
		this.log.call("Hangup", leg, "Cause: " + cause, "Cause-txt: " + causeText(cause));
	}

	private static String causeText(int cause) {
		return switch (cause) {
			case 16 -> "Normal Clearing";
			case 17 -> "User busy";
			case 19 -> "No user response";
			default -> "Unknown";
		};
	}

	/** The CDR Asterisk writes when {@code leg} ends; {@code answered} is null for an unanswered leg. */
	void cdr(Leg leg, String destination, Instant started, Instant answered, String disposition) {
		Instant end = now();
		long duration = Duration.between(started, end).getSeconds();
		long billable = (disposition.equals("ANSWERED")) ? Duration.between(answered, end).getSeconds() : 0;
		this.log.add("Cdr", "cdr,all",
				List.of("AccountCode: ", "Source: " + leg.callerNum, "Destination: " + destination,
						"DestinationContext: " + leg.context,
						"CallerID: \"" + leg.callerName + "\" <" + leg.callerNum + ">", "Channel: " + leg.channel,
						"DestinationChannel: ", "LastApplication: Hangup", "LastData: ",
						"StartTime: " + CDR_TIME.format(started),
						"AnswerTime: " + (disposition.equals("ANSWERED") ? CDR_TIME.format(answered) : ""),
						"EndTime: " + CDR_TIME.format(end), "Duration: " + duration, "BillableSeconds: " + billable,
						"Disposition: " + disposition, "AMAFlags: DOCUMENTATION", "UniqueID: " + leg.uniqueid,
						"UserField: "));
	}

	private static List<String> concat(Leg caller, Leg dest, String... extra) {
		List<String> lines = new ArrayList<>(caller.lines(""));
		lines.addAll(dest.lines("Dest"));
		lines.addAll(List.of(extra));
		return lines;
	}

}
