package io.callqa.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A queue the simulator knows, as {@code queues.conf} declares it: strategy, ring time per attempt ({@code timeout}),
 * pause between attempts ({@code retry}), static members and {@code servicelevel} (seconds; QueueParams'
 * ServicelevelPerf counts calls answered within it).
 */
public record SimulatedQueue(String name, String strategy, int ringSeconds, int retrySeconds, List<Member> members,
		int serviceLevelSeconds) {

	public SimulatedQueue {
		members = List.copyOf(members);
		if (serviceLevelSeconds < 0) {
			throw new IllegalArgumentException("'serviceLevelSeconds' must not be negative");
		}
	}

	/** A queue without {@code servicelevel} (Asterisk's default 0). */
	public SimulatedQueue(String name, String strategy, int ringSeconds, int retrySeconds, List<Member> members) {
		this(name, strategy, ringSeconds, retrySeconds, members, 0);
	}

	/** The two queues of {@code shared/asterisk/config/queues.conf}: support (agents answer) and sales (they don't). */
	public static List<SimulatedQueue> defaults() {
		return List.of(
				new SimulatedQueue("support", "rrmemory", 10, 2,
						List.of(Member.local("agent1", "agents"), Member.local("agent2", "agents"))),
				new SimulatedQueue("sales", "ringall", 5, 1,
						List.of(Member.local("agent3", "agents-noanswer"), Member.local("agent4", "agents-noanswer"))));
	}

	/**
	 * A floor for benchmarks: {@code queueCount} queues {@code q01}, {@code q02}... (servicelevel 20 s) and
	 * {@code agentCount} agents {@code agent001}... on phones {@code PJSIP/1001}..., agent {@code i} a static member of
	 * {@code queuesPerAgent} consecutive queues starting at queue {@code i mod queueCount}.
	 */
	public static List<SimulatedQueue> generated(int queueCount, int agentCount, int queuesPerAgent) {
		if (queueCount <= 0 || agentCount < 0 || queuesPerAgent <= 0 || queuesPerAgent > queueCount) {
			throw new IllegalArgumentException("need 0 < queuesPerAgent <= queueCount and agentCount >= 0");
		}
		int nameWidth = String.valueOf(agentCount).length();
		int queueWidth = Math.max(2, String.valueOf(queueCount).length());
		List<List<Member>> members = new ArrayList<>();
		for (int q = 0; q < queueCount; q++) {
			members.add(new ArrayList<>());
		}
		for (int a = 0; a < agentCount; a++) {
			Member member = Member.pjsip(String.format("agent%0" + Math.max(3, nameWidth) + "d", a + 1),
					String.valueOf(1001 + a));
			for (int k = 0; k < queuesPerAgent; k++) {
				members.get((a + k) % queueCount).add(member);
			}
		}
		List<SimulatedQueue> queues = new ArrayList<>();
		for (int q = 0; q < queueCount; q++) {
			queues.add(new SimulatedQueue(String.format("q%0" + queueWidth + "d", q + 1), "rrmemory", 15, 5,
					members.get(q), 20));
		}
		return queues;
	}

	/** The member called {@code name}, or a Local member on context {@code agents} if the queue has none. */
	Member member(String name) {
		return this.members.stream()
			.filter((member) -> member.name().equals(name))
			.findFirst()
			.orElseGet(() -> Member.local(name, "agents"));
	}

	boolean ringsAll() {
		return "ringall".equals(this.strategy);
	}

	/**
	 * A static queue member: its name ({@code MemberName}) and interface, e.g. {@code Local/agent1@agents/n} or
	 * {@code PJSIP/1001}.
	 */
	public record Member(String name, String location) {

		public static Member local(String name, String context) {
			return new Member(name, "Local/" + name + "@" + context + "/n");
		}

		/** A member on a SIP phone, e.g. {@code pjsip("agent1", "1001")}: interface {@code PJSIP/1001}. */
		public static Member pjsip(String name, String endpoint) {
			return new Member(name, "PJSIP/" + endpoint);
		}

		boolean isLocal() {
			return this.location.startsWith("Local/");
		}

		/** The dialplan context the member's Local channel runs in, e.g. {@code agents}. */
		String context() {
			int at = this.location.indexOf('@');
			int slash = this.location.indexOf('/', at);
			return this.location.substring(at + 1, (slash < 0) ? this.location.length() : slash);
		}

		/** The extension dialled, e.g. {@code agent1}. */
		String exten() {
			int slash = this.location.indexOf('/');
			int at = this.location.indexOf('@');
			return this.location.substring(slash + 1, (at < 0) ? this.location.length() : at);
		}

	}

}
