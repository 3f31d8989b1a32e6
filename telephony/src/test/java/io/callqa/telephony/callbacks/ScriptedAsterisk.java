package io.callqa.telephony.callbacks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.callqa.telephony.ami.AmiActions;
import io.callqa.telephony.ami.OriginateRequest;
import io.callqa.telephony.ami.OriginateResult;
import io.callqa.telephony.ami.SpyOriginate;
import io.callqa.telephony.ami.SpyRequest;
import io.callqa.telephony.calls.QueueMemberState;
import io.callqa.telephony.calls.QueueMembers;

/**
 * Stands for Asterisk in engine tests: records each Originate with a result the test completes, and reports the
 * queue members the test sets.
 */
final class ScriptedAsterisk implements AmiActions, QueueMembers {

	private final List<Originated> originated = new CopyOnWriteArrayList<>();

	private final List<QueueMemberState> members = new CopyOnWriteArrayList<>();

	void reset() {
		this.originated.clear();
		this.members.clear();
	}

	void member(String server, String queue, String name, boolean free) {
		this.members.removeIf((member) -> member.queue().equals(queue) && member.name().equals(name));
		this.members.add(new QueueMemberState(server, queue, name, "Local/" + name + "@agents/n", free ? 1 : 2, false,
				!free, Instant.EPOCH));
	}

	List<Originated> originated() {
		return new ArrayList<>(this.originated);
	}

	Originated last() {
		return this.originated.get(this.originated.size() - 1);
	}

	@Override
	public CompletableFuture<OriginateResult> originate(String server, OriginateRequest request) {
		Originated call = new Originated(server, request, new CompletableFuture<>());
		this.originated.add(call);
		return call.result();
	}

	@Override
	public CompletableFuture<Void> mixMonitor(String server, String channel, String file, String options) {
		return CompletableFuture.completedFuture(null);
	}

	// The engine never acts on queue members or spies: these are here only to complete the interface.

	@Override
	public CompletableFuture<Void> queuePause(String server, String iface, String queue, boolean paused,
			String reason) {
		throw new UnsupportedOperationException("not used by the callback engine");
	}

	@Override
	public CompletableFuture<Void> queueAdd(String server, String queue, String iface, String memberName) {
		throw new UnsupportedOperationException("not used by the callback engine");
	}

	@Override
	public CompletableFuture<Void> queueRemove(String server, String queue, String iface) {
		throw new UnsupportedOperationException("not used by the callback engine");
	}

	@Override
	public SpyOriginate spy(String server, SpyRequest request) {
		throw new UnsupportedOperationException("not used by the callback engine");
	}

	@Override
	public List<QueueMemberState> members(String queue) {
		return this.members.stream().filter((member) -> member.queue().equals(queue)).toList();
	}

	@Override
	public Set<String> queuesOf(String member) {
		return this.members.stream().filter((state) -> state.name().equals(member)).map(QueueMemberState::queue)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * One Originate sent, and its pending result.
	 */
	record Originated(String server, OriginateRequest request, CompletableFuture<OriginateResult> result) {

		void agentAnswered() {
			this.result.complete(new OriginateResult(this.request.actionId(), "Success", 4, "1795419800.1",
					this.request.channel()));
		}

		void failed(int reason) {
			this.result.complete(new OriginateResult(this.request.actionId(), "Failure", reason, null, null));
		}

	}

}
