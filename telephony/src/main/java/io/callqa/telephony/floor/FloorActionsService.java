package io.callqa.telephony.floor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.FloorActionException;
import io.callqa.telephony.FloorActionException.Reason;
import io.callqa.telephony.FloorActions;
import io.callqa.telephony.Spy;
import io.callqa.telephony.SpyMode;
import io.callqa.telephony.ami.AmiActionException;
import io.callqa.telephony.ami.AmiActions;
import io.callqa.telephony.ami.AmiUnavailableException;
import io.callqa.telephony.ami.OriginateResult;
import io.callqa.telephony.ami.SpyOriginate;
import io.callqa.telephony.ami.SpyRequest;
import io.callqa.telephony.floor.FloorTracker.Membership;

/**
 * The supervisor's actions on the live floor, as AMI actions on the servers where the agent (or the queue) is:
 * QueuePause, QueueAdd, QueueRemove, and an Originate into ChanSpy for listen, whisper and barge.
 */
@Service
class FloorActionsService implements FloorActions {

	private final FloorTracker floor;

	private final AmiActions ami;

	private final FloorProperties properties;

	private final Clock clock;

	FloorActionsService(FloorTracker floor, AmiActions ami, FloorProperties properties, Clock clock) {
		this.floor = floor;
		this.ami = ami;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public CompletableFuture<Void> pause(String agent, @Nullable String queue, @Nullable String reason) {
		return setPaused(agent, queue, true, (reason != null && !reason.isBlank()) ? reason.strip() : null);
	}

	@Override
	public CompletableFuture<Void> unpause(String agent, @Nullable String queue) {
		return setPaused(agent, queue, false, null);
	}

	@Override
	public CompletableFuture<Void> addMember(String queue, String agent) {
		List<String> servers = this.floor.serversWithQueue(queue);
		if (servers.isEmpty()) {
			return failed(Reason.REFUSED, "No such queue '" + queue + "' on any Asterisk server");
		}
		List<Membership> memberships = this.floor.memberships(agent);
		List<CompletableFuture<Void>> sent = new ArrayList<>();
		boolean member = false;
		for (String server : servers) {
			if (memberships.stream().anyMatch((m) -> m.server().equals(server) && m.queue().equals(queue))) {
				member = true;
				continue;
			}
			String iface = interfaceOf(agent, server, memberships);
			if (iface == null) {
				return failed(Reason.NO_INTERFACE, "No interface known for agent '" + agent
						+ "': set callqa.telephony.floor.interfaces." + agent);
			}
			sent.add(this.ami.queueAdd(server, queue, iface, agent));
		}
		if (sent.isEmpty() && member) {
			return failed(Reason.ALREADY_A_MEMBER, "'" + agent + "' is already a member of '" + queue + "'");
		}
		return all(sent);
	}

	@Override
	public CompletableFuture<Void> removeMember(String queue, String agent) {
		List<Membership> memberships = this.floor.memberships(agent);
		List<Membership> here = memberships.stream().filter((m) -> m.queue().equals(queue)).toList();
		if (here.isEmpty()) {
			return notAMember(agent, queue);
		}
		return all(here.stream().map((m) -> this.ami.queueRemove(m.server(), queue, m.iface())).toList());
	}

	@Override
	public CompletableFuture<Spy> spy(String supervisor, String phone, String agent, SpyMode mode) {
		AgentFloor floor = this.floor.agent(agent).orElse(null);
		if (floor == null) {
			return failed(Reason.UNKNOWN_AGENT, "No agent '" + agent + "' on the floor");
		}
		AgentFloor.CurrentCall call = floor.call();
		if (call == null || call.agentChannel() == null) {
			return failed(Reason.NO_LIVE_CALL, "'" + agent + "' is on no call to " + mode.name().toLowerCase());
		}
		String actionId = "callqa-spy-" + UUID.randomUUID();
		Spy spy = new Spy(supervisor, phone, agent, mode, call.server(), call.agentChannel(), this.clock.instant(),
				null);
		this.floor.spyStarted(actionId, spy);
		SpyOriginate originate = this.ami.spy(call.server(), new SpyRequest(actionId, phone, call.agentChannel(),
				mode.chanSpyOptions(), callerId(mode, agent), this.properties.spyRingTimeout()));
		// Not answered (or refused, or the link went away): no longer listed.
		originate.answered().whenComplete((OriginateResult result, @Nullable Throwable failure) -> {
			if (failure != null || !result.success()) {
				this.floor.spyEnded(actionId);
			}
		});
		CompletableFuture<Spy> result = new CompletableFuture<>();
		originate.accepted().whenComplete((ok, failure) -> {
			if (failure != null) {
				this.floor.spyEnded(actionId);
				result.completeExceptionally(translate(failure));
			}
			else {
				result.complete(spy);
			}
		});
		return result;
	}

	@Override
	public List<Spy> spies() {
		return this.floor.spies();
	}

	private CompletableFuture<Void> setPaused(String agent, @Nullable String queue, boolean paused,
			@Nullable String reason) {
		List<Membership> memberships = this.floor.memberships(agent);
		if (memberships.isEmpty()) {
			return notAMember(agent, queue);
		}
		// One QueuePause per server and interface; without a queue, Asterisk pauses the interface in all its queues.
		Map<String, Set<String>> interfaces = new LinkedHashMap<>();
		for (Membership membership : memberships) {
			if (queue == null || membership.queue().equals(queue)) {
				interfaces.computeIfAbsent(membership.server(), (s) -> new LinkedHashSet<>()).add(membership.iface());
			}
		}
		if (interfaces.isEmpty()) {
			return notAMember(agent, queue);
		}
		List<CompletableFuture<Void>> sent = new ArrayList<>();
		interfaces.forEach((server, ifaces) -> ifaces
			.forEach((iface) -> sent.add(this.ami.queuePause(server, iface, queue, paused, reason))));
		return all(sent);
	}

	private CompletableFuture<Void> notAMember(String agent, @Nullable String queue) {
		if (!this.floor.knows(agent)) {
			return failed(Reason.UNKNOWN_AGENT, "No agent '" + agent + "' on the floor");
		}
		return failed(Reason.NOT_A_MEMBER,
				"'" + agent + "' is not a member of " + ((queue != null) ? "'" + queue + "'" : "any queue"));
	}

	/** The interface Asterisk knows the agent by on that server, else on another, else the configured one. */
	private @Nullable String interfaceOf(String agent, String server, List<Membership> memberships) {
		return memberships.stream()
			.filter((m) -> m.server().equals(server))
			.map(Membership::iface)
			.findFirst()
			.or(() -> memberships.stream().map(Membership::iface).findFirst())
			.orElse(this.properties.interfaces().get(agent));
	}

	private static String callerId(SpyMode mode, String agent) {
		String verb = switch (mode) {
			case LISTEN -> "Listen";
			case WHISPER -> "Whisper";
			case BARGE -> "Barge";
		};
		return "\"" + verb + ": " + agent + "\" <" + agent + ">";
	}

	/** Every action sent; fails with the first failure, as a {@link FloorActionException}. */
	private static CompletableFuture<Void> all(List<CompletableFuture<Void>> sent) {
		CompletableFuture<Void> result = new CompletableFuture<>();
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
			if (failure != null) {
				result.completeExceptionally(translate(failure));
			}
			else {
				result.complete(null);
			}
		});
		return result;
	}

	private static FloorActionException translate(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof FloorActionException floor) {
			return floor;
		}
		if (cause instanceof AmiActionException refused) {
			return new FloorActionException(Reason.REFUSED, refused.getMessage());
		}
		if (cause instanceof AmiUnavailableException unavailable) {
			return new FloorActionException(Reason.NOT_CONNECTED, unavailable.getMessage());
		}
		return new FloorActionException(Reason.NOT_CONNECTED, String.valueOf(cause.getMessage()));
	}

	private static <T> CompletableFuture<T> failed(Reason reason, String message) {
		return CompletableFuture.failedFuture(new FloorActionException(reason, message));
	}

}
