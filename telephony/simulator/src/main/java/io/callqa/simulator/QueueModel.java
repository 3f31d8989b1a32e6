package io.callqa.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Queues, members and waiting callers as app_queue keeps them, answering {@code QueueStatus} and
 * {@code QueueSummary}, {@code QueuePause}, {@code QueueAdd} and {@code QueueRemove} as Asterisk 22.10.1 does (field
 * names, order, messages and the device states it publishes: test resources {@code traces/asterisk22/*.ami}).
 * <p>
 * The model follows the events the simulator plays (QueueMember*, QueueCaller*, Agent*, DeviceStateChange). The
 * actions change the model right away and return the events that say so; those events change nothing more when they
 * are then played (they carry the state, not a difference).
 */
final class QueueModel {

	/** Asterisk device states as QueueMemberStatus reports them. */
	static final int NOT_INUSE = DeviceState.NOT_INUSE.code();

	static final int INUSE = DeviceState.INUSE.code();

	private final Map<String, QueueState> queues = new LinkedHashMap<>();

	/**
	 * Asterisk's device state cache for what app_queue publishes ({@code Queue:<queue>_pause_<interface>},
	 * {@code Queue:<queue>_avail}) and the members' devices: a DeviceStateChange is only sent when a state changes.
	 */
	private final Map<String, String> devices = new HashMap<>();

	QueueModel(List<SimulatedQueue> configured) {
		configure(configured);
	}

	synchronized void configure(List<SimulatedQueue> configured) {
		this.queues.clear();
		this.devices.clear();
		long loaded = Instant.now().getEpochSecond();
		configured.forEach((queue) -> this.queues.put(queue.name(), new QueueState(queue, loaded)));
		this.queues.values().forEach(this::cacheInitialDeviceStates);
	}

	/** Queue:<queue>_avail starts unknown: Asterisk 22 publishes it at the first change (trace queue-actions). */
	private void cacheInitialDeviceStates(QueueState queue) {
		queue.members.values().forEach((member) -> this.devices.put(queue.pauseDevice(member), "NOT_INUSE"));
	}

	synchronized SimulatedQueue queue(String name) {
		QueueState state = this.queues.get(name);
		return (state != null) ? state.config
				: new SimulatedQueue(name, "rrmemory", 10, 2, List.of(SimulatedQueue.Member.local("agent1", "agents")));
	}

	synchronized boolean hasQueue(String name) {
		return this.queues.containsKey(name);
	}

	/** The member of {@code queue} named {@code memberName} (its MemberName) or with that interface, or null. */
	synchronized @Nullable MemberView member(String queue, String memberName) {
		QueueState state = this.queues.get(queue);
		if (state == null) {
			return null;
		}
		MemberState member = state.members.get(memberName);
		if (member == null) {
			member = state.members.values()
				.stream()
				.filter((candidate) -> candidate.name.equals(memberName))
				.findFirst()
				.orElse(null);
		}
		return (member != null) ? member.view() : null;
	}

	/** How many callers wait in {@code queue}, and the 1-based position of the caller {@code uniqueid} (0: none). */
	synchronized int[] waiting(String queue, String uniqueid) {
		QueueState state = this.queues.get(queue);
		if (state == null) {
			return new int[] { 0, 0 };
		}
		int position = 0;
		int index = 1;
		for (String id : state.entries.keySet()) {
			if (id.equals(uniqueid)) {
				position = index;
			}
			index++;
		}
		return new int[] { state.entries.size(), position };
	}

	/**
	 * A QueueMemberStatus about to be played, with what the model knows of the member (pause, reason, counters,
	 * login time, membership) in place of what a script or trace wrote when it was rendered: a scripted call
	 * ringing a member paused since keeps showing the pause, as app_queue would. Status and InCall stay the event's;
	 * other events are returned unchanged.
	 */
	synchronized AmiEvent current(AmiEvent event) {
		if (!event.type().equals("QueueMemberStatus")) {
			return event;
		}
		QueueState queue = this.queues.get(String.valueOf(event.value("Queue")));
		MemberState member = (queue != null) ? queue.members.get(String.valueOf(event.value("Interface"))) : null;
		if (member == null) {
			return event;
		}
		return event.mapValues((key, value) -> switch (key) {
			case "Membership" -> member.membership;
			case "Penalty" -> String.valueOf(member.penalty);
			case "CallsTaken" -> String.valueOf(member.callsTaken);
			case "LastCall" -> String.valueOf(member.lastCall);
			case "LastPause" -> String.valueOf(member.lastPause);
			case "LoginTime" -> String.valueOf(member.loginTime);
			case "Paused" -> member.paused ? "1" : "0";
			case "PausedReason" -> member.reason;
			default -> value;
		});
	}

	synchronized void observe(AmiEvent event, Instant at) {
		if (event.type().equals("DeviceStateChange")) {
			String device = event.value("Device");
			String state = event.value("State");
			if (device != null && state != null) {
				this.devices.put(device, state);
			}
			return;
		}
		QueueState queue = this.queues.get(String.valueOf(event.value("Queue")));
		if (queue != null) {
			queue.observe(event, at);
		}
	}

	/** Forgets callers, dynamic members and live member states, as a restarted Asterisk with persistentmembers=no. */
	synchronized void reset() {
		configure(this.queues.values().stream().map((queue) -> queue.config).toList());
	}

	/** QueueParams, QueueMember and QueueEntry blocks, optionally for one queue only. */
	synchronized List<String> status(String actionId, @Nullable String onlyQueue, Instant now) {
		return status(actionId, onlyQueue, null, now);
	}

	/**
	 * QueueStatus with its optional Member filter (an interface or a member name): every queue's QueueParams still
	 * comes, only matching members (trace queue-filter).
	 */
	synchronized List<String> status(String actionId, @Nullable String onlyQueue, @Nullable String member,
			Instant now) {
		List<String> blocks = new ArrayList<>();
		selected(onlyQueue).forEach((queue) -> queue.status(actionId, blank(member) ? null : member, now, blocks));
		return blocks;
	}

	/** One QueueSummary block per queue (an unknown queue: none, as Asterisk answers). */
	synchronized List<String> summary(String actionId, @Nullable String onlyQueue, Instant now) {
		return selected(onlyQueue).stream().map((queue) -> queue.summary(actionId, now)).toList();
	}

	private List<QueueState> selected(@Nullable String onlyQueue) {
		return ordered()
			.stream()
			.filter((queue) -> onlyQueue == null || onlyQueue.isEmpty() || queue.config.name().equals(onlyQueue))
			.toList();
	}

	/**
	 * QueuePause (and PauseQueueMember from a phone): pauses or unpauses {@code iface} in {@code queue}, or in every
	 * queue it is a member of when {@code queue} is null. Asterisk sets the reason even when unpausing (empty if none
	 * given) and sets LastPause on every pause, also of a member already paused.
	 */
	synchronized Outcome pause(@Nullable String iface, @Nullable String queue, @Nullable Boolean paused,
			@Nullable String reason, Instant now) {
		if (blank(iface) || paused == null) {
			return Outcome.error("Need 'Interface' and 'Paused' parameters.");
		}
		EventLog log = new EventLog(now);
		boolean found = false;
		for (QueueState state : blank(queue) ? ordered() : selectedOrNone(queue)) {
			MemberState member = state.members.get(iface);
			if (member == null) {
				continue;
			}
			found = true;
			if (paused) {
				member.lastPause = now.getEpochSecond();
			}
			member.paused = paused;
			member.reason = (reason != null) ? reason : "";
			devstate(log, state.pauseDevice(member), paused ? "INUSE" : "NOT_INUSE", false);
			if (paused) {
				noneAvailable(log, state);
			}
			else {
				nowAvailable(log, state, member);
			}
			log.add("QueueMemberPause", "agent,all", member.eventLines(state.config.name()));
		}
		if (!found) {
			return Outcome.error("Interface not found");
		}
		return Outcome.success(paused ? "Interface paused successfully" : "Interface unpaused successfully",
				log.events());
	}

	/** QueueAdd: a dynamic member; its device state is what the simulator last set for its state interface. */
	synchronized Outcome add(@Nullable String queue, @Nullable String iface, @Nullable String memberName, int penalty,
			boolean paused, @Nullable String reason, @Nullable String stateInterface, Instant now) {
		if (blank(queue)) {
			return Outcome.error("'Queue' not specified.");
		}
		if (blank(iface)) {
			return Outcome.error("'Interface' not specified.");
		}
		QueueState state = this.queues.get(queue);
		if (state == null) {
			return Outcome.error("Unable to add interface to queue: No such queue");
		}
		if (state.members.containsKey(iface)) {
			return Outcome.error("Unable to add interface: Already there");
		}
		String device = blank(stateInterface) ? iface : stateInterface;
		MemberState member = new MemberState(blank(memberName) ? iface : memberName, iface, device, "dynamic",
				now.getEpochSecond());
		member.penalty = penalty;
		member.paused = paused;
		member.reason = (reason != null) ? reason : "";
		member.lastPause = paused ? now.getEpochSecond() : 0;
		member.status = deviceStateOf(device);
		state.members.put(iface, member);
		EventLog log = new EventLog(now);
		devstate(log, state.pauseDevice(member), paused ? "INUSE" : "NOT_INUSE", true);
		log.add("QueueMemberAdded", "agent,all", member.eventLines(state.config.name()));
		nowAvailable(log, state, member);
		return Outcome.success("Added interface to queue", log.events());
	}

	/** QueueRemove: only dynamic members can go. */
	synchronized Outcome remove(@Nullable String queue, @Nullable String iface, Instant now) {
		if (blank(queue) || blank(iface)) {
			return Outcome.error("Need 'Queue' and 'Interface' parameters.");
		}
		QueueState state = this.queues.get(queue);
		if (state == null) {
			return Outcome.error("Unable to remove interface from queue: No such queue");
		}
		MemberState member = state.members.get(iface);
		if (member == null) {
			return Outcome.error("Unable to remove interface: Not there");
		}
		if (!member.membership.equals("dynamic")) {
			return Outcome.error("Member not dynamic");
		}
		state.members.remove(iface);
		EventLog log = new EventLog(now);
		log.add("QueueMemberRemoved", "agent,all", member.eventLines(state.config.name()));
		devstate(log, state.pauseDevice(member), "NOT_INUSE", false);
		return Outcome.success("Removed interface from queue", log.events());
	}

	/**
	 * A device changed state (a phone rings, is answered, hangs up, goes offline): one QueueMemberStatus per queue
	 * the device is the state interface of a member in, then DeviceStateChange, then the queues' availability.
	 */
	synchronized List<AmiEvent> deviceState(String device, DeviceState newState, Instant now) {
		EventLog log = new EventLog(now);
		deviceState(log, device, newState, null);
		return log.events();
	}

	/** Same as {@link #deviceState(String, DeviceState, Instant)}, written into {@code log}; InCall when given. */
	synchronized void deviceState(EventLog log, String device, DeviceState newState, @Nullable Boolean inCall) {
		Map<QueueState, MemberState> touched = new LinkedHashMap<>();
		for (QueueState state : ordered()) {
			for (MemberState member : state.members.values()) {
				if (member.stateInterface.equals(device)) {
					member.status = newState.code();
					if (inCall != null) {
						member.inCall = inCall;
					}
					log.add("QueueMemberStatus", "agent,all", member.eventLines(state.config.name()));
					touched.put(state, member);
				}
			}
		}
		devstate(log, device, newState.name(), false);
		touched.forEach((state, member) -> nowAvailable(log, state, member));
	}

	/**
	 * The queue's own device {@code Queue:<queue>}: RINGING while callers wait, NOT_INUSE when none (trace
	 * queue-floor: published when the first caller joins and when the last one leaves).
	 */
	synchronized void callersWaiting(EventLog log, String queue, int waitingAfter) {
		devstate(log, "Queue:" + queue, (waitingAfter > 0) ? "RINGING" : "NOT_INUSE", false);
	}

	/** The member lines of {@code iface} in {@code queue} for a QueueMemberStatus, or null if not a member. */
	synchronized @Nullable List<String> memberLines(String queue, String iface) {
		QueueState state = this.queues.get(queue);
		MemberState member = (state != null) ? state.members.get(iface) : null;
		return (member != null) ? member.eventLines(queue) : null;
	}

	/**
	 * The queues in the order app_queue iterates them: its hash container of 53 buckets hashed by
	 * ast_str_case_hash(name), bucket by bucket (trace queue-actions: support before sales).
	 */
	private List<QueueState> ordered() {
		List<QueueState> ordered = new ArrayList<>(this.queues.values());
		ordered.sort(Comparator.comparingInt((QueueState queue) -> queueBucket(queue.config.name())));
		return ordered;
	}

	static int queueBucket(String name) {
		int hash = 5381;
		for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
			hash = hash * 33 ^ (c & 0xff);
		}
		return Math.abs(Math.abs(hash) % 53);
	}

	/**
	 * The bucket of a member in app_queue's member container (37 buckets, member_hash_fn: up to five characters of
	 * the interface from its '/', six bits each), which orders QueueStatus' members (trace queue-actions: PJSIP/1001
	 * listed before the Local/agent members added earlier).
	 */
	static int memberBucket(String iface) {
		int slash = iface.indexOf('/');
		String name = (slash < 0) ? iface : iface.substring(slash);
		int hash = 0;
		for (int i = 0; i < 5 && i < name.length(); i++) {
			int c = name.charAt(i) & 0x7f;
			int compressed = (c < 32) ? 0 : (c > 96) ? c - 64 : c - 32;
			hash += compressed << (i * 6);
		}
		return Math.abs(hash % 37);
	}

	private List<QueueState> selectedOrNone(String queue) {
		QueueState state = this.queues.get(queue);
		return (state != null) ? List.of(state) : List.of();
	}

	private int deviceStateOf(String device) {
		for (QueueState state : this.queues.values()) {
			for (MemberState member : state.members.values()) {
				if (member.stateInterface.equals(device)) {
					return member.status;
				}
			}
		}
		String cached = this.devices.get(device);
		if (cached != null) {
			try {
				return DeviceState.valueOf(cached).code();
			}
			catch (IllegalArgumentException ex) {
				// A state name we do not model: treat as a free phone.
			}
		}
		return NOT_INUSE;
	}

	/**
	 * Asterisk 22 publishes {@code Queue:<queue>_avail} NOT_INUSE when a member becomes available (unpaused, added,
	 * phone free) and INUSE only when a pause leaves no member available; a busy phone does not publish it (traces
	 * queue-actions, queue-floor, queue-edge).
	 */
	private void nowAvailable(EventLog log, QueueState state, MemberState member) {
		if (member.available()) {
			devstate(log, state.availDevice(), "NOT_INUSE", false);
		}
	}

	private void noneAvailable(EventLog log, QueueState state) {
		if (!state.available()) {
			devstate(log, state.availDevice(), "INUSE", false);
		}
	}

	private void devstate(EventLog log, String device, String state, boolean always) {
		String before = this.devices.put(device, state);
		if (always || !state.equals(before)) {
			log.add("DeviceStateChange", "call,all", List.of("Device: " + device, "State: " + state));
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/** What an action answers: Success with a message and the events to play, or Error with a message. */
	record Outcome(boolean success, String message, List<AmiEvent> events) {

		static Outcome error(String message) {
			return new Outcome(false, message, List.of());
		}

		static Outcome success(String message, List<AmiEvent> events) {
			return new Outcome(true, message, List.copyOf(events));
		}

	}

	/** A member as the floor helpers need it. */
	record MemberView(String name, String iface, String stateInterface, boolean local) {
	}

	private static final class QueueState {

		private final SimulatedQueue config;

		/** By interface, in the order app_queue lists them (config order, then added). */
		private final Map<String, MemberState> members = new LinkedHashMap<>();

		private final Map<String, Entry> entries = new LinkedHashMap<>();

		private int completed;

		private int abandoned;

		private int completedInServiceLevel;

		private int abandonedInServiceLevel;

		private int holdtime;

		private int talktime;

		QueueState(SimulatedQueue config, long loaded) {
			this.config = config;
			config.members()
				.forEach((member) -> this.members.put(member.location(),
						new MemberState(member.name(), member.location(), member.location(), "static", loaded)));
		}

		String availDevice() {
			return "Queue:" + this.config.name() + "_avail";
		}

		String pauseDevice(MemberState member) {
			return "Queue:" + this.config.name() + "_pause_" + member.iface;
		}

		boolean available() {
			return this.members.values().stream().anyMatch(MemberState::available);
		}

		/** Members bucket by bucket, each bucket in the order they were added (see memberBucket). */
		List<MemberState> ordered() {
			List<MemberState> ordered = new ArrayList<>(this.members.values());
			ordered.sort(Comparator.comparingInt((MemberState member) -> memberBucket(member.iface)));
			return ordered;
		}

		void observe(AmiEvent event, Instant at) {
			String iface = event.value("Interface");
			MemberState member = (iface != null) ? this.members.get(iface) : null;
			switch (event.type()) {
				case "QueueCallerJoin" -> this.entries.put(String.valueOf(event.value("Uniqueid")), new Entry(event, at));
				case "QueueCallerLeave" -> this.entries.remove(String.valueOf(event.value("Uniqueid")));
				case "QueueCallerAbandon" -> {
					this.abandoned++;
					if (number(event.value("HoldTime"), 0) <= this.config.serviceLevelSeconds()) {
						this.abandonedInServiceLevel++;
					}
				}
				case "QueueMemberAdded" -> {
					if (member == null && iface != null) {
						this.members.put(iface, MemberState.from(event));
					}
				}
				case "QueueMemberRemoved" -> {
					if (iface != null) {
						this.members.remove(iface);
					}
				}
				case "QueueMemberPause" -> {
					if (member != null) {
						member.paused = "1".equals(event.value("Paused"));
						member.reason = orEmpty(event.value("PausedReason"));
						member.lastPause = number(event.value("LastPause"), member.lastPause);
					}
				}
				case "QueueMemberStatus" -> {
					if (member != null) {
						member.status = (int) number(event.value("Status"), member.status);
					}
				}
				case "AgentConnect" -> {
					this.entries.remove(String.valueOf(event.value("Uniqueid")));
					// app_queue's recalc_holdtime: a running average weighted 3:1 towards the old value.
					this.holdtime = (int) ((this.holdtime * 3L + number(event.value("HoldTime"), 0)) >> 2);
					if (member != null) {
						member.inCall = true;
						member.status = INUSE;
					}
				}
				case "AgentComplete" -> {
					this.completed++;
					if (number(event.value("HoldTime"), 0) <= this.config.serviceLevelSeconds()) {
						this.completedInServiceLevel++;
					}
					long talk = number(event.value("TalkTime"), 0);
					// Asterisk 22 took the first call's talk time as is (trace queue-floor: TalkTime 5 after one
					// 5 s call), then averages like the hold time.
					this.talktime = (this.talktime == 0) ? (int) talk : (int) ((this.talktime * 3L + talk) >> 2);
					if (member != null) {
						member.complete(at);
					}
				}
				default -> {
				}
			}
		}

		void status(String actionId, @Nullable String memberFilter, Instant now, List<String> blocks) {
			blocks.add(new Block("QueueParams").line("Queue", this.config.name())
				.line("Max", "0")
				.line("Strategy", this.config.strategy())
				.line("Calls", this.entries.size())
				.line("Holdtime", this.holdtime)
				.line("TalkTime", this.talktime)
				.line("Completed", this.completed)
				.line("Abandoned", this.abandoned)
				.line("ServiceLevel", this.config.serviceLevelSeconds())
				.line("ServicelevelPerf", percent(this.completedInServiceLevel, this.completed))
				.line("ServicelevelPerf2", percent(this.completedInServiceLevel + this.abandonedInServiceLevel,
						this.completed + this.abandoned))
				.line("Weight", "0")
				.end(actionId));
			ordered().stream()
				.filter((member) -> memberFilter == null || member.iface.equals(memberFilter)
						|| member.name.equals(memberFilter))
				.forEach((member) -> blocks.add(member.statusBlock(this.config.name(), actionId)));
			int position = 1;
			for (Entry entry : this.entries.values()) {
				blocks.add(entry.block(this.config.name(), position++, actionId, now));
			}
		}

		String summary(String actionId, Instant now) {
			long loggedIn = this.members.values().stream().filter((member) -> !member.state().loggedOut()).count();
			long available = this.members.values().stream().filter(MemberState::available).count();
			long longest = this.entries.values().stream().mapToLong((entry) -> entry.waited(now)).max().orElse(0);
			return new Block("QueueSummary").line("Queue", this.config.name())
				.line("LoggedIn", loggedIn)
				.line("Available", available)
				.line("Callers", this.entries.size())
				.line("HoldTime", this.holdtime)
				.line("TalkTime", this.talktime)
				.line("LongestHoldTime", longest)
				.end(actionId);
		}

		private static String percent(int part, int whole) {
			return String.format(Locale.ROOT, "%.1f", (whole > 0) ? 100.0 * part / whole : 0.0);
		}

	}

	/** A waiting caller as QueueEntry lists it. */
	private static final class Entry {

		private final Map<String, String> fields = new LinkedHashMap<>();

		private final Instant joined;

		Entry(AmiEvent event, Instant joined) {
			for (String key : List.of("Channel", "Uniqueid", "CallerIDNum", "CallerIDName", "ConnectedLineNum",
					"ConnectedLineName")) {
				String value = event.value(key);
				// QueueCallerJoin carries no connected line in Asterisk 22; QueueEntry shows the caller's own.
				this.fields.put(key, (value != null) ? value
						: String.valueOf(event.value(key.replace("ConnectedLine", "CallerID"))));
			}
			this.joined = joined;
		}

		long waited(Instant now) {
			return Math.max(0, Duration.between(this.joined, now).getSeconds());
		}

		String block(String queue, int position, String actionId, Instant now) {
			Block block = new Block("QueueEntry").line("Queue", queue)
				.line("Position", position)
				.line("Channel", this.fields.get("Channel"))
				.line("Uniqueid", this.fields.get("Uniqueid"))
				.line("CallerIDNum", this.fields.get("CallerIDNum"))
				.line("CallerIDName", this.fields.get("CallerIDName"))
				.line("ConnectedLineNum", this.fields.get("ConnectedLineNum"))
				.line("ConnectedLineName", this.fields.get("ConnectedLineName"));
			return block.line("Wait", waited(now)).line("Priority", "0").end(actionId);
		}

	}

	private static final class MemberState {

		private final String name;

		private final String iface;

		private final String stateInterface;

		private final String membership;

		private final long loginTime;

		private int penalty;

		private int status = NOT_INUSE;

		private boolean paused;

		private String reason = "";

		private long lastPause;

		private boolean inCall;

		private int callsTaken;

		private long lastCall;

		MemberState(String name, String iface, String stateInterface, String membership, long loginTime) {
			this.name = name;
			this.iface = iface;
			this.stateInterface = stateInterface;
			this.membership = membership;
			this.loginTime = loginTime;
		}

		static MemberState from(AmiEvent event) {
			String iface = String.valueOf(event.value("Interface"));
			String stateInterface = event.value("StateInterface");
			MemberState member = new MemberState(orEmpty(event.value("MemberName")), iface,
					(stateInterface != null) ? stateInterface : iface,
					(event.value("Membership") != null) ? event.value("Membership") : "dynamic",
					number(event.value("LoginTime"), 0));
			member.penalty = (int) number(event.value("Penalty"), 0);
			member.status = (int) number(event.value("Status"), NOT_INUSE);
			member.paused = "1".equals(event.value("Paused"));
			member.reason = orEmpty(event.value("PausedReason"));
			member.lastPause = number(event.value("LastPause"), 0);
			member.callsTaken = (int) number(event.value("CallsTaken"), 0);
			member.lastCall = number(event.value("LastCall"), 0);
			member.inCall = "1".equals(event.value("InCall"));
			return member;
		}

		DeviceState state() {
			return DeviceState.ofCode(this.status);
		}

		boolean available() {
			return !this.paused && state().available();
		}

		MemberView view() {
			return new MemberView(this.name, this.iface, this.stateInterface, this.iface.startsWith("Local/"));
		}

		void complete(Instant at) {
			this.inCall = false;
			this.status = NOT_INUSE;
			this.callsTaken++;
			this.lastCall = at.getEpochSecond();
		}

		/** The member part of QueueMemberStatus / Pause / Added / Removed, in Asterisk 22's order. */
		List<String> eventLines(String queue) {
			return List.of("Queue: " + queue, "MemberName: " + this.name, "Interface: " + this.iface,
					"StateInterface: " + this.stateInterface, "Membership: " + this.membership,
					"Penalty: " + this.penalty, "CallsTaken: " + this.callsTaken, "LastCall: " + this.lastCall,
					"LastPause: " + this.lastPause, "LoginTime: " + this.loginTime,
					"InCall: " + (this.inCall ? 1 : 0), "Status: " + this.status, "Paused: " + (this.paused ? 1 : 0),
					"PausedReason: " + this.reason, "Ringinuse: 1", "Wrapuptime: 0");
		}

		String statusBlock(String queue, String actionId) {
			return new Block("QueueMember").line("Queue", queue)
				.line("Name", this.name)
				.line("Location", this.iface)
				.line("StateInterface", this.stateInterface)
				.line("Membership", this.membership)
				.line("Penalty", this.penalty)
				.line("CallsTaken", this.callsTaken)
				.line("LastCall", this.lastCall)
				.line("LastPause", this.lastPause)
				.line("LoginTime", this.loginTime)
				.line("InCall", this.inCall ? "1" : "0")
				.line("Status", this.status)
				.line("Paused", this.paused ? "1" : "0")
				.line("PausedReason", this.reason)
				.line("Wrapuptime", "0")
				.end(actionId);
		}

	}

	private static long number(@Nullable String value, long fallback) {
		try {
			return (value != null) ? Long.parseLong(value.trim()) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * A list event block answering an action. Asterisk 22 puts the ActionID last in the queue list items
	 * (QueueParams, QueueMember, QueueEntry, QueueSummary) and right after the event name in the Complete events.
	 */
	static final class Block {

		private final StringBuilder text = new StringBuilder();

		Block(String event) {
			line("Event", event);
		}

		Block(String event, String actionId) {
			line("Event", event).line("ActionID", actionId);
		}

		Block line(String key, Object value) {
			this.text.append(key).append(": ").append(value).append("\r\n");
			return this;
		}

		String end() {
			return this.text.append("\r\n").toString();
		}

		String end(String actionId) {
			return line("ActionID", actionId).end();
		}

	}

}
