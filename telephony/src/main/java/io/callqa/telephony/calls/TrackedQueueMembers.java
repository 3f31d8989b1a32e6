package io.callqa.telephony.calls;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.asteriskjava.manager.event.AbstractQueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Queue members as followed from AMI: written by the tracker's event threads, read by anyone.
 */
@Component
class TrackedQueueMembers implements QueueMembers {

	private final Map<Key, QueueMemberState> members = new ConcurrentHashMap<>();

	@Override
	public List<QueueMemberState> members(String queue) {
		return this.members.values().stream().filter((member) -> member.queue().equals(queue)).toList();
	}

	@Override
	public Set<String> queuesOf(String member) {
		return this.members.values().stream()
			.filter((state) -> state.name().equals(member))
			.map(QueueMemberState::queue)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** {@code QueueMember} (QueueStatus reply) and {@code QueueMemberStatus} events. */
	void update(String server, QueueMemberEvent event, Instant at) {
		String iface = event.getInterface();
		if (event.getQueue() == null || iface == null) {
			return;
		}
		String name = Objects.requireNonNullElse(firstNonNull(event.getMemberName(), event.getName()), iface);
		Integer inCall = event.getIncall();
		put(new QueueMemberState(server, event.getQueue(), name, iface, orZero(event.getStatus()),
				Boolean.TRUE.equals(event.getPaused()), inCall != null && inCall > 0, at));
	}

	void added(String server, QueueMemberAddedEvent event, Instant at) {
		if (event.getQueue() == null || event.getInterface() == null) {
			return;
		}
		put(new QueueMemberState(server, event.getQueue(), name(event), event.getInterface(),
				orZero(event.getStatus()), Boolean.TRUE.equals(event.getPaused()), "1".equals(event.getInCall()), at));
	}

	void removed(String server, QueueMemberRemovedEvent event) {
		if (event.getQueue() != null && event.getInterface() != null) {
			this.members.remove(new Key(server, event.getQueue(), event.getInterface()));
		}
	}

	void paused(String server, QueueMemberPausedEvent event, Instant at) {
		boolean paused = Boolean.TRUE.equals(event.getPaused());
		change(server, event.getQueue(), event.getInterface(), (member) -> new QueueMemberState(member.server(),
				member.queue(), member.name(), member.iface(), member.status(), paused, member.inCall(), at));
	}

	/** AgentConnect / AgentComplete: whether the member is on a queue call. */
	void inCall(String server, @Nullable String queue, @Nullable String iface, boolean inCall, Instant at) {
		change(server, queue, iface, (member) -> new QueueMemberState(member.server(), member.queue(),
				member.name(), member.iface(), member.status(), member.paused(), inCall, at));
	}

	/** The member whose interface a channel belongs to ({@code Local/agent1@agents-0000001;1} is {@code Local/agent1@agents/n}). */
	@Nullable String nameOfChannel(String server, @Nullable String channel) {
		if (channel == null) {
			return null;
		}
		int dash = channel.lastIndexOf('-');
		String base = (dash > 0) ? channel.substring(0, dash) : channel;
		return this.members.values().stream()
			.filter((member) -> member.server().equals(server) && member.iface().startsWith(base))
			.map(QueueMemberState::name)
			.findFirst()
			.orElse(null);
	}

	/** After a (re)connect: what QueueStatus reported replaces what we had for that server. */
	void replace(String server, List<QueueMemberEvent> snapshot, Instant at) {
		this.members.keySet().removeIf((key) -> key.server().equals(server));
		snapshot.forEach((event) -> update(server, event, at));
	}

	private void change(String server, @Nullable String queue, @Nullable String iface,
			java.util.function.UnaryOperator<QueueMemberState> change) {
		if (queue != null && iface != null) {
			this.members.computeIfPresent(new Key(server, queue, iface), (key, member) -> change.apply(member));
		}
	}

	private void put(QueueMemberState member) {
		this.members.put(new Key(member.server(), member.queue(), member.iface()), member);
	}

	private static String name(AbstractQueueMemberEvent event) {
		return Objects.requireNonNullElse(event.getMemberName(), event.getInterface());
	}

	private static @Nullable String firstNonNull(@Nullable String first, @Nullable String second) {
		return (first != null) ? first : second;
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	private record Key(String server, String queue, String iface) {
	}

}
