package io.callqa.telephony.calls;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.callqa.telephony.ami.AsteriskEvent.QueueMemberAdded;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberPaused;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberRemoved;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberReported;

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
	void update(String server, QueueMemberReported event, Instant at) {
		String iface = event.iface();
		if (event.queue() == null || iface == null) {
			return;
		}
		String name = Objects.requireNonNullElse(firstNonNull(event.memberName(), event.name()), iface);
		Integer inCall = event.inCall();
		put(new QueueMemberState(server, event.queue(), name, iface, orZero(event.status()),
				Boolean.TRUE.equals(event.paused()), inCall != null && inCall > 0, at));
	}

	void added(String server, QueueMemberAdded event, Instant at) {
		if (event.queue() == null || event.iface() == null) {
			return;
		}
		put(new QueueMemberState(server, event.queue(),
				Objects.requireNonNullElse(event.memberName(), event.iface()), event.iface(),
				orZero(event.status()), Boolean.TRUE.equals(event.paused()), "1".equals(event.inCall()), at));
	}

	void removed(String server, QueueMemberRemoved event) {
		if (event.queue() != null && event.iface() != null) {
			this.members.remove(new Key(server, event.queue(), event.iface()));
		}
	}

	void paused(String server, QueueMemberPaused event, Instant at) {
		boolean paused = Boolean.TRUE.equals(event.paused());
		change(server, event.queue(), event.iface(), (member) -> new QueueMemberState(member.server(),
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
	void replace(String server, List<QueueMemberReported> snapshot, Instant at) {
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

	private static @Nullable String firstNonNull(@Nullable String first, @Nullable String second) {
		return (first != null) ? first : second;
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	private record Key(String server, String queue, String iface) {
	}

}
