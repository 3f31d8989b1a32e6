package io.callqa.telephony;

import java.time.Instant;
import java.util.List;

/**
 * The whole live floor at one version: every queue, every agent who is a member of a queue (or was since the server
 * started), and who listens to whom.
 */
public record FloorSnapshot(Instant at, long version, List<QueueFloor> queues, List<AgentFloor> agents,
		List<Spy> spies) {

	public FloorSnapshot {
		queues = List.copyOf(queues);
		agents = List.copyOf(agents);
		spies = List.copyOf(spies);
	}

}
