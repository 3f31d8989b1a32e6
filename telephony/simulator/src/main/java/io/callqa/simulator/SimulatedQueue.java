package io.callqa.simulator;

import java.util.List;

/**
 * A queue the simulator knows, as {@code queues.conf} declares it: strategy, ring time per attempt ({@code timeout}),
 * pause between attempts ({@code retry}) and static members.
 */
public record SimulatedQueue(String name, String strategy, int ringSeconds, int retrySeconds, List<Member> members) {

	public SimulatedQueue {
		members = List.copyOf(members);
	}

	/** The two queues of {@code shared/asterisk/config/queues.conf}: support (agents answer) and sales (they don't). */
	public static List<SimulatedQueue> defaults() {
		return List.of(
				new SimulatedQueue("support", "rrmemory", 10, 2,
						List.of(Member.local("agent1", "agents"), Member.local("agent2", "agents"))),
				new SimulatedQueue("sales", "ringall", 5, 1,
						List.of(Member.local("agent3", "agents-noanswer"), Member.local("agent4", "agents-noanswer"))));
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
	 * A static queue member: its name ({@code MemberName}) and interface, e.g. {@code Local/agent1@agents/n}.
	 */
	public record Member(String name, String location) {

		public static Member local(String name, String context) {
			return new Member(name, "Local/" + name + "@" + context + "/n");
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
			return this.location.substring(slash + 1, this.location.indexOf('@'));
		}

	}

}
