package io.callqa.qaconsole.floor;

import java.util.List;

import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.FloorChanges;
import io.callqa.telephony.FloorSnapshot;
import io.callqa.telephony.LiveQueueEntry;
import io.callqa.telephony.QueueFloor;

/**
 * What a wallboard user does not see: callers' numbers and the spies (a TV in the room must not tell the agents
 * who is being listened to).
 */
final class WallboardRedaction {

	private WallboardRedaction() {
	}

	static FloorSnapshot snapshot(FloorSnapshot floor) {
		return new FloorSnapshot(floor.at(), floor.version(), queues(floor.queues()), agents(floor.agents()),
				List.of());
	}

	static FloorChanges changes(FloorChanges changes) {
		return new FloorChanges(changes.version(), queues(changes.queues()), agents(changes.agents()),
				changes.removedQueues(), changes.removedAgents(), List.of());
	}

	private static List<QueueFloor> queues(List<QueueFloor> queues) {
		return queues.stream()
			.map((q) -> new QueueFloor(q.queue(), q.waiting().stream().map(WallboardRedaction::entry).toList(),
					q.longestWaitingSince(), q.loggedIn(), q.available(), q.ringing(), q.onCall(), q.paused(),
					q.unavailable(), q.version()))
			.toList();
	}

	private static LiveQueueEntry entry(LiveQueueEntry e) {
		return new LiveQueueEntry(e.callId(), e.server(), e.queue(), e.enteredAt(), e.position(), null);
	}

	private static List<AgentFloor> agents(List<AgentFloor> agents) {
		return agents.stream().map(WallboardRedaction::agent).toList();
	}

	private static AgentFloor agent(AgentFloor a) {
		AgentFloor.CurrentCall call = a.call();
		AgentFloor.CurrentCall hidden = (call == null) ? null
				: new AgentFloor.CurrentCall(call.callId(), call.server(), call.queue(), null, call.since(),
						call.agentChannel());
		return new AgentFloor(a.agent(), a.state(), a.since(), a.pauseReason(), a.queues(), hidden, a.callsToday(),
				a.version());
	}

}
