package io.callqa.telephony.calls;

import java.util.List;
import java.util.Set;

/**
 * Who is a member of which queue and whether they are free, as followed from AMI events and rebuilt on every
 * (re)connect.
 */
public interface QueueMembers {

	/** The members of {@code queue} on every server, in no particular order. */
	List<QueueMemberState> members(String queue);

	/** The queues {@code member} (a member name, our agent name) is a member of on any server. */
	Set<String> queuesOf(String member);

	/** The members of {@code queue} free to take a call now. */
	default List<QueueMemberState> available(String queue) {
		return members(queue).stream().filter(QueueMemberState::available).toList();
	}

}
