package io.callqa.simulator;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Renders the events of an agent-first callback Originate as in the callback-originate trace: the agent's Local
 * pair (with the Originate's variables as VarSet), OriginateResponse carrying the ActionID, MixMonitor, the dial of
 * the customer from {@code callback-out}, DIALSTATUS, the bridge and the hangups.
 */
final class CallbackCall {

	private static final Pattern CALLER_ID = Pattern.compile("\"?([^\"<]*)\"?\\s*<([^>]*)>");

	private static final int UP = 6;

	private final ReceivedOriginate request;

	private final OriginateOutcome outcome;

	private final CallEventWriter w;

	private final SimulatorIds ids;

	private final String agentUniqueid;

	private final String callerName;

	private final String callerNum;

	private @Nullable String recordingFile;

	private CallbackCall(ReceivedOriginate request, OriginateOutcome outcome, SimulatorIds ids, Instant start) {
		this.request = request;
		this.outcome = outcome;
		this.ids = ids;
		this.agentUniqueid = ids.uniqueid(start);
		this.w = new CallEventWriter(ids, start, this.agentUniqueid);
		Matcher matcher = CALLER_ID.matcher(request.callerId());
		this.callerName = matcher.find() ? matcher.group(1).trim() : request.callerId();
		this.callerNum = matcher.find(0) ? matcher.group(2) : request.callerId();
	}

	static RenderedCall render(ReceivedOriginate request, OriginateOutcome outcome, SimulatorIds ids,
			String recordingDir, Instant start) {
		CallbackCall call = new CallbackCall(request, outcome, ids, start);
		call.play(recordingDir);
		return new RenderedCall(call.agentUniqueid, call.recordingFile, start, call.w.now(),
				new Scenario("callback", call.w.log.events()));
	}

	private void play(String recordingDir) {
		if (this.outcome.result() == OriginateOutcome.Result.FAILURE) {
			response(null);
			return;
		}
		String[] target = target();
		Leg[] agent = this.w.localPair(target[0], target[1], this.agentUniqueid, this.agentUniqueid, this.callerNum,
				this.callerName);
		this.request.variables().forEach((name, value) -> setOnBoth(agent, name, value));
		this.w.originateDialBegin(agent[0], target[0] + "@" + target[1]);
		if (!this.outcome.agentAnswers()) {
			agentMisses(agent);
			return;
		}
		agentPicksUp(agent, target[0]);
		response(agent[0]);
		record(agent, recordingDir);
		this.w.varSet(agent[0], "DIALSTATUS", "");
		dialCustomer(agent);
	}

	/** The agent's phone is up and the Local channel enters the callback dialplan. */
	private void agentPicksUp(Leg[] agent, String agentExten) {
		this.w.newstate(agent[1], UP);
		this.w.newstate(agent[0], UP);
		this.w.originateDialEnd(agent[0]);
		agent[0].at(this.request.context(), this.request.exten(), 1);
		this.w.newexten(agent[0], "NoOp",
				"callqa callback request " + this.request.variables().getOrDefault("CALLQA_REQUEST", "") + " attempt "
						+ this.request.variables().getOrDefault("CALLQA_ATTEMPT", "") + ": "
						+ this.request.variables().getOrDefault("CALLQA_AGENT", agentExten) + " calls "
						+ this.request.exten());
	}

	private void record(Leg[] agent, String recordingDir) {
		String prefix = this.request.variables().getOrDefault("SCENARIO", "callback");
		String base = recordingDir + "/" + prefix + "-" + this.agentUniqueid;
		this.recordingFile = base + ".wav";
		// [callback-out] records on the agent's side (Local ;1): r() is the agent, t() the customer.
		this.w.mixMonitor(agent[0], this.recordingFile, base);
	}

	/** {@code Local/agent1@agents-callback} → exten agent1, context agents-callback. */
	private String[] target() {
		String channel = this.request.channel();
		int slash = channel.indexOf('/');
		int at = channel.indexOf('@');
		if (slash < 0 || at < slash) {
			return new String[] { channel.substring(slash + 1), "agents-callback" };
		}
		int end = channel.indexOf('/', at);
		return new String[] { channel.substring(slash + 1, at),
				channel.substring(at + 1, (end < 0) ? channel.length() : end) };
	}

	private void setOnBoth(Leg[] pair, String name, String value) {
		this.w.varSet(pair[0], name, value);
		this.w.varSet(pair[1], name, value);
	}

	/** The agent's phone rings out or is busy: its legs go away, then the Originate fails. */
	private void agentMisses(Leg[] agent) {
		agent[0].state = 5;
		this.w.newstate(agent[0], 5);
		boolean busy = this.outcome.result() == OriginateOutcome.Result.AGENT_BUSY;
		this.w.at(this.w.now().plus(this.outcome.ring()));
		this.w.log.add("DialEnd", "call,all",
				EventLog.concat(agent[0].lines("Dest"), "DialStatus: " + (busy ? "BUSY" : "NOANSWER")));
		this.w.hangupRequest(agent[1], busy ? 17 : 0);
		this.w.hangup(agent[0], busy ? 17 : 19);
		this.w.hangup(agent[1], busy ? 17 : 19);
		response(null);
	}

	/** OriginateResponse with the client's ActionID; a failed one names the requested channel and no Uniqueid. */
	private void response(@Nullable Leg agent) {
		boolean success = agent != null;
		this.w.log.add("OriginateResponse", "call,all",
				List.of("ActionID: " + this.request.actionId(), "Response: " + (success ? "Success" : "Failure"),
						"Channel: " + (success ? agent.channel : this.request.channel()),
						"Context: " + this.request.context(), "Exten: " + this.request.exten(),
						"Reason: " + this.outcome.reason(), "Uniqueid: " + (success ? agent.uniqueid : "<null>"),
						"CallerIDNum: " + this.callerNum, "CallerIDName: " + this.callerName));
	}

	private void dialCustomer(Leg[] agent) {
		String number = this.request.exten();
		this.w.newexten(agent[0], "Dial", "Local/" + number + "@customer-callee,30");
		Leg[] customer = this.w.localPair(number, "customer-callee", this.callerNum, this.callerName);
		customer[0].caller(number, "").connected(this.callerNum, this.callerName);
		this.w.dialBegin(agent[0], customer[0], number + "@customer-callee");
		this.w.newstate(customer[0], 5);
		this.w.dialState(agent[0], customer[0], "RINGING");
		this.w.at(this.w.now().plus(this.outcome.ring()));
		switch (this.outcome.result()) {
			case ANSWERED -> talk(agent, customer);
			case CUSTOMER_BUSY -> customerMisses(agent, customer, "BUSY", 17);
			default -> customerMisses(agent, customer, "NOANSWER", 19);
		}
	}

	private void talk(Leg[] agent, Leg[] customer) {
		this.w.newstate(customer[1], UP);
		this.w.newstate(customer[0], UP);
		this.w.varSet(agent[0], "DIALSTATUS", "ANSWER");
		this.w.dialEnd(agent[0], customer[0], "ANSWER");
		Instant answered = this.w.now();
		String bridge = this.w.bridgeCreate();
		this.w.bridgeEnter(bridge, 1, customer[0]);
		this.w.bridgeEnter(bridge, 2, agent[0]);
		this.w.varSet(customer[0], "BRIDGEPEER", agent[0].channel);
		this.w.varSet(agent[0], "BRIDGEPEER", customer[0].channel);
		this.w.at(answered.plus(this.outcome.talk()));
		this.w.softHangupRequest(customer[1], 16);
		this.w.hangupRequest(customer[0], 16);
		this.w.bridgeLeave(bridge, 1, customer[0]);
		this.w.bridgeLeave(bridge, 0, agent[0]);
		this.w.bridgeDestroy(bridge);
		this.w.varSet(agent[0], "DIALSTATUS", "ANSWER");
		hangUpAgent(agent, answered);
		this.w.hangup(customer[0], 16);
		this.w.hangup(customer[1], 16);
		this.w.cdr(customer[1], customer[1].exten, answered, answered, "ANSWERED");
	}

	private void customerMisses(Leg[] agent, Leg[] customer, String status, int cause) {
		this.w.dialEnd(agent[0], customer[0], status);
		this.w.hangupRequest(customer[1], cause);
		this.w.hangup(customer[0], cause);
		this.w.hangup(customer[1], cause);
		this.w.varSet(agent[0], "DIALSTATUS", status);
		this.w.newexten(agent[0], "NoOp", "DIALSTATUS=" + status);
		hangUpAgent(agent, this.w.now());
	}

	private void hangUpAgent(Leg[] agent, Instant answered) {
		// The epoch second the Uniqueid was made at (its part after a systemname prefix).
		String id = this.agentUniqueid.substring(this.agentUniqueid.lastIndexOf('-') + 1);
		Instant started = Instant.ofEpochSecond(Long.parseLong(id.split("\\.")[0]));
		this.w.softHangupRequest(agent[0], 16);
		this.w.hangupRequest(agent[1], 16);
		this.w.softHangupRequest(agent[1], 16);
		this.w.hangup(agent[1], 16);
		this.w.hangup(agent[0], 16);
		this.w.cdr(agent[0], this.request.exten(), started, answered, "ANSWERED");
	}


}
