package io.callqa.telephony;

import java.util.List;
import java.util.Set;

/**
 * What changed on the live floor after a version: the queues and agents whose version is newer, the ones gone, and
 * the spies now (always whole: there are few).
 *
 * @param version the floor's version now: pass it to the next {@link LiveFloor#changesSince}
 */
public record FloorChanges(long version, List<QueueFloor> queues, List<AgentFloor> agents, Set<String> removedQueues,
		Set<String> removedAgents, List<Spy> spies) {

	public FloorChanges {
		queues = List.copyOf(queues);
		agents = List.copyOf(agents);
		removedQueues = Set.copyOf(removedQueues);
		removedAgents = Set.copyOf(removedAgents);
		spies = List.copyOf(spies);
	}

	public boolean isEmpty() {
		return this.queues.isEmpty() && this.agents.isEmpty() && this.removedQueues.isEmpty()
				&& this.removedAgents.isEmpty();
	}

}
