package io.callqa.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Queues, members and waiting callers as app_queue would report them in {@code QueueStatus}; member status and
 * counters follow the events the simulator plays (QueueMemberStatus, QueueCallerJoin/Leave/Abandon, Agent*).
 */
final class QueueModel {

	/** Asterisk device states as QueueMemberStatus reports them. */
	static final int NOT_INUSE = 1;

	static final int INUSE = 2;

	private final Map<String, QueueState> queues = new LinkedHashMap<>();

	QueueModel(List<SimulatedQueue> configured) {
		configure(configured);
	}

	synchronized void configure(List<SimulatedQueue> configured) {
		this.queues.clear();
		configured.forEach((queue) -> this.queues.put(queue.name(), new QueueState(queue)));
	}

	synchronized SimulatedQueue queue(String name) {
		QueueState state = this.queues.get(name);
		return (state != null) ? state.config
				: new SimulatedQueue(name, "rrmemory", 10, 2, List.of(SimulatedQueue.Member.local("agent1", "agents")));
	}

	/** Queue and member of a Local member channel such as {@code Local/agent1@agents-00000001;1}, if configured. */
	synchronized SimulatedQueue.@Nullable Member memberByName(String name) {
		return this.queues.values()
			.stream()
			.flatMap((queue) -> queue.config.members().stream())
			.filter((member) -> member.name().equals(name))
			.findFirst()
			.orElse(null);
	}

	synchronized void observe(AmiEvent event, Instant at) {
		QueueState queue = this.queues.get(String.valueOf(event.value("Queue")));
		if (queue != null) {
			queue.observe(event, at);
		}
	}

	/** Forgets callers and live member states, as a restarted Asterisk with {@code persistentmembers = no}. */
	synchronized void reset() {
		this.queues.replaceAll((name, queue) -> new QueueState(queue.config));
	}

	/** QueueParams, QueueMember and QueueEntry blocks, optionally for one queue only. */
	synchronized List<String> status(String actionId, @Nullable String onlyQueue, Instant now) {
		List<String> blocks = new ArrayList<>();
		this.queues.values()
			.stream()
			.filter((queue) -> onlyQueue == null || onlyQueue.isEmpty() || queue.config.name().equals(onlyQueue))
			.forEach((queue) -> queue.status(actionId, now, blocks));
		return blocks;
	}

	private static final class QueueState {

		private final SimulatedQueue config;

		private final Map<String, MemberState> members = new LinkedHashMap<>();

		private final Map<String, Map<String, String>> entries = new LinkedHashMap<>();

		private int completed;

		private int abandoned;

		QueueState(SimulatedQueue config) {
			this.config = config;
			config.members().forEach((member) -> this.members.put(member.location(), new MemberState(member)));
		}

		void observe(AmiEvent event, Instant at) {
			MemberState member = this.members.get(String.valueOf(event.value("Interface")));
			switch (event.type()) {
				case "QueueCallerJoin" -> this.entries.put(String.valueOf(event.value("Uniqueid")), entry(event, at));
				case "QueueCallerLeave" -> this.entries.remove(String.valueOf(event.value("Uniqueid")));
				case "QueueCallerAbandon" -> this.abandoned++;
				case "QueueMemberStatus" -> {
					if (member != null) {
						member.status = parse(event.value("Status"), member.status);
						member.paused = "1".equals(event.value("Paused"));
					}
				}
				case "AgentConnect" -> {
					if (member != null) {
						member.inCall = true;
						member.status = INUSE;
					}
				}
				case "AgentComplete" -> {
					this.completed++;
					if (member != null) {
						member.complete(at);
					}
				}
				default -> {
				}
			}
		}

		private static Map<String, String> entry(AmiEvent event, Instant at) {
			Map<String, String> entry = new LinkedHashMap<>();
			for (String key : List.of("Channel", "Uniqueid", "CallerIDNum", "CallerIDName", "ConnectedLineNum",
					"ConnectedLineName")) {
				entry.put(key, String.valueOf(event.value(key)));
			}
			entry.put("joined", String.valueOf(at.getEpochSecond()));
			return entry;
		}

		void status(String actionId, Instant now, List<String> blocks) {
			blocks.add(new Block("QueueParams", actionId).line("Queue", this.config.name())
				.line("Max", "0")
				.line("Strategy", this.config.strategy())
				.line("Calls", this.entries.size())
				.line("Holdtime", "0")
				.line("TalkTime", "0")
				.line("Completed", this.completed)
				.line("Abandoned", this.abandoned)
				.line("ServiceLevel", "0")
				.line("ServicelevelPerf", "0.0")
				.line("ServicelevelPerf2", "0.0")
				.line("Weight", "0")
				.end());
			this.members.values().forEach((member) -> blocks.add(member.block(this.config.name(), actionId)));
			int position = 1;
			for (Map<String, String> entry : this.entries.values()) {
				blocks.add(entryBlock(entry, position++, actionId, now));
			}
		}

		private String entryBlock(Map<String, String> entry, int position, String actionId, Instant now) {
			long wait = Math.max(0, now.getEpochSecond() - Long.parseLong(entry.get("joined")));
			return new Block("QueueEntry", actionId).line("Queue", this.config.name())
				.line("Position", position)
				.line("Channel", entry.get("Channel"))
				.line("Uniqueid", entry.get("Uniqueid"))
				.line("CallerIDNum", entry.get("CallerIDNum"))
				.line("CallerIDName", entry.get("CallerIDName"))
				.line("ConnectedLineNum", entry.get("ConnectedLineNum"))
				.line("ConnectedLineName", entry.get("ConnectedLineName"))
				.line("Wait", wait)
				.line("Priority", "0")
				.end();
		}

		private static int parse(@Nullable String value, int fallback) {
			try {
				return (value != null) ? Integer.parseInt(value) : fallback;
			}
			catch (NumberFormatException ex) {
				return fallback;
			}
		}

	}

	private static final class MemberState {

		private final SimulatedQueue.Member member;

		private int status = NOT_INUSE;

		private boolean paused;

		private boolean inCall;

		private int callsTaken;

		private long lastCall;

		MemberState(SimulatedQueue.Member member) {
			this.member = member;
		}

		void complete(Instant at) {
			this.inCall = false;
			this.status = NOT_INUSE;
			this.callsTaken++;
			this.lastCall = at.getEpochSecond();
		}

		String block(String queue, String actionId) {
			return new Block("QueueMember", actionId).line("Queue", queue)
				.line("Name", this.member.name())
				.line("Location", this.member.location())
				.line("StateInterface", this.member.location())
				.line("Membership", "static")
				.line("Penalty", "0")
				.line("CallsTaken", this.callsTaken)
				.line("LastCall", this.lastCall)
				.line("LastPause", "0")
				.line("LoginTime", "0")
				.line("InCall", this.inCall ? "1" : "0")
				.line("Status", this.status)
				.line("Paused", this.paused ? "1" : "0")
				.line("PausedReason", "")
				.line("Wrapuptime", "0")
				.end();
		}

	}

	/** A list event block answering an action: its ActionID comes right after the event name. */
	static final class Block {

		private final StringBuilder text = new StringBuilder();

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

	}


}
