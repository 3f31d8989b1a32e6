package io.callqa.telephony;

import java.util.Optional;

/**
 * The call center right now, followed from AMI (queue members, their pauses and device states, waiting callers) and
 * rebuilt from QueueStatus on every (re)connect of every server. Reads are cheap and never touch the database.
 */
public interface LiveFloor {

	FloorSnapshot snapshot();

	/**
	 * The changes after {@code version} (a {@link FloorSnapshot#version()} or {@link FloorChanges#version()}).
	 * Removed queues and agents are remembered for a while; a version too old to answer gets every queue and agent.
	 */
	FloorChanges changesSince(long version);

	Optional<AgentFloor> agent(String agent);

	/**
	 * {@code onChange} runs on the connector's event thread after each batch of events that changed the floor: it must
	 * return at once (set a flag, wake a thread), never block or call Asterisk.
	 */
	void addListener(Runnable onChange);

}
