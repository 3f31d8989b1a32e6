package io.callqa.telephony.calls;

import java.util.List;

/**
 * Who is a member of which queue and whether they are free, as followed from AMI events and rebuilt on every
 * (re)connect.
 */
public interface QueueMembers {

	/** The members of {@code queue} on every server, in no particular order. */
	List<QueueMemberState> members(String queue);

	/** The members of {@code queue} free to take a call now. */
	default List<QueueMemberState> available(String queue) {
		return members(queue).stream().filter(QueueMemberState::available).toList();
	}

}
