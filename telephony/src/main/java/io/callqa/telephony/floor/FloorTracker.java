package io.callqa.telephony.floor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.Calls;
import io.callqa.telephony.FloorChanges;
import io.callqa.telephony.FloorSnapshot;
import io.callqa.telephony.LiveFloor;
import io.callqa.telephony.LiveQueueEntry;
import io.callqa.telephony.QueueFloor;
import io.callqa.telephony.Spy;
import io.callqa.telephony.SpyMode;
import io.callqa.telephony.ami.AmiEventHandler;
import io.callqa.telephony.ami.AsteriskEvent;
import io.callqa.telephony.ami.AsteriskEvent.AgentCompleted;
import io.callqa.telephony.ami.AsteriskEvent.AgentConnected;
import io.callqa.telephony.ami.AsteriskEvent.CallerAbandoned;
import io.callqa.telephony.ami.AsteriskEvent.CallerJoinedQueue;
import io.callqa.telephony.ami.AsteriskEvent.CallerLeftQueue;
import io.callqa.telephony.ami.AsteriskEvent.ChannelCreated;
import io.callqa.telephony.ami.AsteriskEvent.HungUp;
import io.callqa.telephony.ami.AsteriskEvent.OriginateResponded;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberAdded;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberPaused;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberRemoved;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberReported;
import io.callqa.telephony.ami.ChannelSnapshot;
import io.callqa.telephony.floor.ServerFloor.DeviceChannel;
import io.callqa.telephony.floor.ServerFloor.Member;
import io.callqa.telephony.floor.ServerFloor.MemberKey;
import io.callqa.telephony.floor.ServerFloor.QueueCall;
import io.callqa.telephony.floor.ServerFloor.Waiting;

/**
 * Follows the live floor from AMI: each server's queue members, waiting callers and queue calls
 * ({@link ServerFloor}), replaced by that server's QueueStatus on every (re)connect. After each batch of events
 * ({@link #flush()}) it derives the agents and queues the batch touched, gives the ones that changed a new version,
 * records each agent's state change ({@link FloorRepository}) and wakes the listeners.
 *
 * <p>Events arrive on the connector's one event thread; reads, actions and the minute tick come from other threads:
 * one lock guards everything, held briefly (no I/O under it but the callId lookups of {@link #flush()}).
 */
@Component
class FloorTracker implements AmiEventHandler, LiveFloor, SmartInitializingSingleton, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(FloorTracker.class);

	/**
	 * How often, and how far apart, flushes look up the stored call of a waiting caller or an agent's call before
	 * giving up (the call tracker stores a call a moment after its first event).
	 */
	private static final int CALL_ID_LOOKUPS = 20;

	private static final long CALL_ID_LOOKUP_SPACING_NANOS = 500_000_000L;

	private long lastLookup = System.nanoTime() - CALL_ID_LOOKUP_SPACING_NANOS;

	private final Object lock = new Object();

	private final Map<String, ServerFloor> servers = new LinkedHashMap<>();

	private final Map<String, AgentFloor> agents = new HashMap<>();

	private final Map<String, QueueFloor> queues = new HashMap<>();

	private final Map<String, Removed> removedAgents = new HashMap<>();

	private final Map<String, Removed> removedQueues = new HashMap<>();

	/** Spies by their Originate's ActionID. */
	private final Map<String, SpyEntry> spies = new LinkedHashMap<>();

	private final Set<String> touchedAgents = new HashSet<>();

	private final Set<String> touchedQueues = new HashSet<>();

	/** Agents whose record must get a new version even if it is equal (who spies on them changed). */
	private final Set<String> forcedAgents = new HashSet<>();

	/** When the latest event that touched an agent happened: the time of their state change. */
	private final Map<String, Instant> touchedAt = new HashMap<>();

	private final Map<String, Integer> callsToday = new HashMap<>();

	private final List<FloorRepository.Transition> pendingHistory = new ArrayList<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private final FloorRepository repository;

	private final Calls calls;

	private final Clock clock;

	private final FloorProperties properties;

	private long version;

	/** Versions at or below this may have missed a removal that was forgotten: they get the whole floor. */
	private long forgottenUpTo;

	private long notifiedVersion;

	private LocalDate today;

	private @Nullable ScheduledExecutorService ticker;

	FloorTracker(FloorRepository repository, Calls calls, Clock clock, FloorProperties properties) {
		this.repository = repository;
		this.calls = calls;
		this.clock = clock;
		this.properties = properties;
		this.today = LocalDate.now(clock);
	}

	/**
	 * Before the connector starts: closes the stretches a stopped server left open, counts today's answered calls
	 * and starts the minute tick (seen_at, midnight).
	 */
	@Override
	public void afterSingletonsInstantiated() {
		int closed = this.repository.closeLeftOpen();
		if (closed > 0) {
			logger.info("Closed {} agent state stretch(es) left open by the last run at their last known moment",
					closed);
		}
		Map<String, Integer> answered = this.repository.answeredSince(midnight(this.today));
		synchronized (this.lock) {
			this.callsToday.putAll(answered);
		}
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "floor-tick");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.seenInterval().toMillis();
		ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
		// A quiet floor has no flush to look up the calls stored since: this one does.
		ticker.scheduleWithFixedDelay(this::lookUpLater, 1, 1, TimeUnit.SECONDS);
		this.ticker = ticker;
	}

	@Override
	public void destroy() {
		ScheduledExecutorService ticker = this.ticker;
		if (ticker != null) {
			ticker.shutdownNow();
		}
		// The stretches still open were true until now: the next start ends them here.
		try {
			this.repository.markSeen(this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not mark the open agent states seen at stop", ex);
		}
	}

	// ---- LiveFloor ----

	@Override
	public FloorSnapshot snapshot() {
		synchronized (this.lock) {
			return new FloorSnapshot(this.clock.instant(), this.version, sortedQueues(this.queues.values()),
					sortedAgents(this.agents.values()), spyList());
		}
	}

	@Override
	public FloorChanges changesSince(long version) {
		synchronized (this.lock) {
			if (version < this.forgottenUpTo || version > this.version) {
				return new FloorChanges(this.version, sortedQueues(this.queues.values()),
						sortedAgents(this.agents.values()), this.removedQueues.keySet(), this.removedAgents.keySet(),
						spyList());
			}
			return new FloorChanges(this.version,
					sortedQueues(this.queues.values().stream().filter((queue) -> queue.version() > version).toList()),
					sortedAgents(this.agents.values().stream().filter((agent) -> agent.version() > version).toList()),
					newerThan(this.removedQueues, version), newerThan(this.removedAgents, version), spyList());
		}
	}

	@Override
	public Optional<AgentFloor> agent(String agent) {
		synchronized (this.lock) {
			return Optional.ofNullable(this.agents.get(agent));
		}
	}

	@Override
	public void addListener(Runnable onChange) {
		this.listeners.add(onChange);
	}

	// ---- AMI ----

	@Override
	public void onEvent(String server, AsteriskEvent event) {
		if (event instanceof AsteriskEvent.Other || event instanceof AsteriskEvent.VariableSet) {
			return;
		}
		synchronized (this.lock) {
			ServerFloor floor = server(server);
			if (event instanceof QueueMemberReported e) {
				reported(floor, e);
			}
			else if (event instanceof QueueMemberAdded e) {
				added(floor, e);
			}
			else if (event instanceof QueueMemberRemoved e) {
				removed(floor, e);
			}
			else if (event instanceof QueueMemberPaused e) {
				paused(floor, e);
			}
			else if (event instanceof CallerJoinedQueue e) {
				joined(floor, e);
			}
			else if (event instanceof CallerLeftQueue e) {
				left(floor, e.uniqueid(), e.queue());
			}
			else if (event instanceof CallerAbandoned e) {
				left(floor, e.uniqueid(), e.queue());
			}
			else if (event instanceof AgentConnected e) {
				connected(floor, e);
			}
			else if (event instanceof AgentCompleted e) {
				completed(floor, e);
			}
			else if (event instanceof ChannelCreated e) {
				channelCreated(floor, e);
			}
			else if (event instanceof HungUp e) {
				hungUp(floor, e);
			}
			else if (event instanceof OriginateResponded e) {
				originateResponded(floor, e);
			}
		}
	}

	@Override
	public void onResync(String server, ChannelSnapshot snapshot) {
		synchronized (this.lock) {
			ServerFloor floor = server(server);
			Set<String> live = new HashSet<>();
			snapshot.channels().forEach((channel) -> {
				if (channel.uniqueid() != null) {
					live.add(channel.uniqueid());
				}
			});
			// Everything this server had is touched: what it no longer reports is gone.
			floor.members.values().forEach((member) -> touch(member.name, snapshot.takenAt()));
			this.touchedQueues.addAll(floor.queues);
			floor.members.clear();
			floor.queues.clear();
			floor.queues.addAll(snapshot.queues());
			snapshot.members().forEach((member) -> reported(floor, member));
			Map<String, Waiting> before = new HashMap<>(floor.waiting);
			floor.waiting.clear();
			for (ChannelSnapshot.Entry entry : snapshot.entries()) {
				if (entry.uniqueid() == null || entry.queue() == null) {
					continue;
				}
				Waiting known = before.get(entry.uniqueid());
				Instant enteredAt = (known != null && known.queue.equals(entry.queue())) ? known.enteredAt
						: snapshot.takenAt().minusSeconds((entry.waitSec() != null) ? entry.waitSec() : 0);
				Waiting waiting = new Waiting(entry.uniqueid(), entry.queue(), enteredAt,
						(entry.position() != null) ? entry.position() : 0, entry.callerNumber());
				if (known != null) {
					waiting.callId = known.callId;
				}
				floor.waiting.put(entry.uniqueid(), waiting);
				floor.queues.add(entry.queue());
				this.touchedQueues.add(entry.queue());
			}
			// The members' device channels: those still up (a call that began while we were away included).
			floor.channels.values().forEach((device) -> touch(device.agent, snapshot.takenAt()));
			Map<String, DeviceChannel> devicesBefore = new HashMap<>(floor.channels);
			floor.channels.clear();
			for (ChannelSnapshot.Channel channel : snapshot.channels()) {
				String agent = (channel.channel() != null && channel.uniqueid() != null)
						? floor.agentOfChannel(channel.channel()) : null;
				if (agent != null) {
					DeviceChannel known = devicesBefore.get(channel.uniqueid());
					DeviceChannel device = (known != null) ? known : new DeviceChannel(agent, channel.uniqueid(),
							channel.channel(), snapshot.takenAt().minus(durationOf(channel.duration())));
					floor.channels.put(channel.uniqueid(), device);
					touch(agent, snapshot.takenAt());
				}
			}
			// A queue call whose channels are gone ended while we were away.
			floor.calls.values().removeIf((call) -> {
				boolean ended = !(call.agentUniqueid != null && live.contains(call.agentUniqueid)
						|| call.callerUniqueid != null && live.contains(call.callerUniqueid));
				if (ended) {
					touch(call.agent, snapshot.takenAt());
				}
				return ended;
			});
			this.spies.values().removeIf((spy) -> {
				boolean ended = spy.spy.server().equals(server) && spy.uniqueid != null && !live.contains(spy.uniqueid);
				if (ended) {
					force(spy.spy.agent());
				}
				return ended;
			});
			snapshot.channels().forEach((channel) -> spyFound(floor, channel, snapshot.takenAt()));
		}
	}

	@Override
	public void flush() {
		List<Lookup> lookups;
		synchronized (this.lock) {
			lookups = callIdsToLookUp();
		}
		lookUp(lookups);
		List<FloorRepository.Transition> history;
		synchronized (this.lock) {
			derive(this.clock.instant());
			history = drainHistory();
		}
		// The listeners first: the wallboard need not wait for the history's write.
		notifyListeners();
		writeHistory(history);
	}

	// ---- what the actions need ----

	/** The memberships of an agent on every server: server, queue, interface. */
	List<Membership> memberships(String agent) {
		synchronized (this.lock) {
			List<Membership> found = new ArrayList<>();
			for (ServerFloor floor : this.servers.values()) {
				for (Member member : floor.members.values()) {
					if (member.name.equals(agent)) {
						found.add(new Membership(floor.server, member.queue, member.iface));
					}
				}
			}
			return found;
		}
	}

	/** The servers that have {@code queue}. */
	List<String> serversWithQueue(String queue) {
		synchronized (this.lock) {
			return this.servers.values()
				.stream()
				.filter((floor) -> floor.queues.contains(queue))
				.map((floor) -> floor.server)
				.toList();
		}
	}

	/** Whether the floor ever saw {@code agent} (a member now, or since the server started). */
	boolean knows(String agent) {
		synchronized (this.lock) {
			return this.agents.containsKey(agent);
		}
	}

	record Membership(String server, String queue, String iface) {
	}

	/** Lists a spy from the moment its Originate is sent. */
	void spyStarted(String actionId, Spy spy) {
		synchronized (this.lock) {
			this.spies.put(actionId, new SpyEntry(spy));
			force(spy.agent());
			derive(this.clock.instant());
		}
		notifyListeners();
	}

	/** The Originate was refused or never answered: the spy is gone. */
	void spyEnded(String actionId) {
		boolean removed;
		synchronized (this.lock) {
			SpyEntry spy = this.spies.remove(actionId);
			removed = spy != null;
			if (removed) {
				force(spy.spy.agent());
				derive(this.clock.instant());
			}
		}
		if (removed) {
			notifyListeners();
		}
	}

	List<Spy> spies() {
		synchronized (this.lock) {
			return spyList();
		}
	}

	// ---- events ----

	private void reported(ServerFloor floor, QueueMemberReported e) {
		if (e.queue() == null || e.iface() == null) {
			return;
		}
		String name = Objects.requireNonNullElse(firstNonEmpty(e.memberName(), e.name()), e.iface());
		Member member = member(floor, e.queue(), e.iface(), name, e.at());
		if (e.status() != null) {
			member.status = e.status();
		}
		if (e.paused() != null) {
			setPaused(member, e.paused(), e.pausedReason(), (e.lastPause() != null) ? e.lastPause() : null);
		}
		if (e.inCall() != null) {
			member.inCall = e.inCall() > 0;
		}
	}

	private void added(ServerFloor floor, QueueMemberAdded e) {
		if (e.queue() == null || e.iface() == null) {
			return;
		}
		Member member = member(floor, e.queue(), e.iface(),
				Objects.requireNonNullElse(firstNonEmpty(e.memberName(), null), e.iface()), e.at());
		if (e.status() != null) {
			member.status = e.status();
		}
		setPaused(member, Boolean.TRUE.equals(e.paused()), e.pausedReason(), e.at());
		member.inCall = "1".equals(e.inCall());
	}

	private void removed(ServerFloor floor, QueueMemberRemoved e) {
		if (e.queue() == null || e.iface() == null) {
			return;
		}
		Member member = floor.members.remove(new MemberKey(e.queue(), e.iface()));
		if (member != null) {
			touch(member.name, e.at());
			this.touchedQueues.add(e.queue());
		}
	}

	private void paused(ServerFloor floor, QueueMemberPaused e) {
		if (e.queue() == null || e.iface() == null) {
			return;
		}
		Member member = floor.members.get(new MemberKey(e.queue(), e.iface()));
		if (member == null) {
			// A pause of a member we missed joining: the next event or resync tells the rest.
			member = member(floor, e.queue(), e.iface(),
					Objects.requireNonNullElse(firstNonEmpty(e.memberName(), null), e.iface()), e.at());
		}
		touch(member.name, e.at());
		setPaused(member, Boolean.TRUE.equals(e.paused()), e.pausedReason(), e.at());
	}

	private void joined(ServerFloor floor, CallerJoinedQueue e) {
		if (e.uniqueid() == null || e.queue() == null) {
			return;
		}
		int position = (e.position() != null) ? e.position() : floor.waiting.size() + 1;
		floor.waiting.put(e.uniqueid(), new Waiting(e.uniqueid(), e.queue(), e.at(), position,
				firstNonEmpty(e.callerNumber(), null)));
		floor.queues.add(e.queue());
		this.touchedQueues.add(e.queue());
	}

	private void left(ServerFloor floor, @Nullable String uniqueid, @Nullable String queue) {
		Waiting gone = (uniqueid != null) ? floor.waiting.remove(uniqueid) : null;
		if (gone == null) {
			return;
		}
		// As app_queue does: everyone behind moves up one place.
		for (Waiting other : floor.waiting.values()) {
			if (other.queue.equals(gone.queue) && other.position > gone.position) {
				other.position--;
			}
		}
		this.touchedQueues.add(gone.queue);
	}

	private void connected(ServerFloor floor, AgentConnected e) {
		String agent = agentOf(floor, e.memberName(), e.queue(), e.iface());
		if (agent == null || e.queue() == null) {
			return;
		}
		Waiting waiting = (e.uniqueid() != null) ? floor.waiting.get(e.uniqueid()) : null;
		String callerNumber = firstNonEmpty(e.callerNumber(), (waiting != null) ? waiting.callerNumber : null);
		QueueCall call = new QueueCall(agent, e.queue(), e.uniqueid(), e.agentUniqueid(), e.agentChannel(),
				callerNumber, e.at());
		if (waiting != null) {
			call.callId = waiting.callId;
		}
		floor.calls.put(agent, call);
		left(floor, e.uniqueid(), e.queue());
		if (e.iface() != null) {
			Member member = floor.members.get(new MemberKey(e.queue(), e.iface()));
			if (member != null) {
				member.inCall = true;
			}
		}
		this.callsToday.merge(agent, 1, Integer::sum);
		touch(agent, e.at());
		this.touchedQueues.add(e.queue());
	}

	private void completed(ServerFloor floor, AgentCompleted e) {
		String agent = agentOf(floor, e.memberName(), e.queue(), e.iface());
		if (agent == null) {
			return;
		}
		QueueCall call = floor.calls.get(agent);
		if (call != null && (e.queue() == null || call.queue.equals(e.queue()))) {
			endCall(floor, call, e.at());
		}
		if (e.queue() != null && e.iface() != null) {
			Member member = floor.members.get(new MemberKey(e.queue(), e.iface()));
			if (member != null) {
				member.inCall = false;
			}
		}
		touch(agent, e.at());
	}

	private void channelCreated(ServerFloor floor, ChannelCreated e) {
		if (e.channel() == null || e.uniqueid() == null) {
			return;
		}
		String agent = floor.agentOfChannel(e.channel());
		if (agent != null) {
			floor.channels.put(e.uniqueid(), new DeviceChannel(agent, e.uniqueid(), e.channel(), e.at()));
			touch(agent, e.at());
		}
	}

	private void hungUp(ServerFloor floor, HungUp e) {
		String uniqueid = e.uniqueid();
		if (uniqueid == null) {
			return;
		}
		left(floor, uniqueid, null);
		DeviceChannel device = floor.channels.remove(uniqueid);
		if (device != null) {
			touch(device.agent, e.at());
			endSpiesOn(floor, device.channel);
		}
		for (QueueCall call : List.copyOf(floor.calls.values())) {
			if (uniqueid.equals(call.agentUniqueid) || uniqueid.equals(call.callerUniqueid)) {
				endCall(floor, call, e.at());
			}
		}
		this.spies.values().removeIf((spy) -> {
			boolean ended = spy.spy.server().equals(floor.server) && uniqueid.equals(spy.uniqueid);
			if (ended) {
				force(spy.spy.agent());
			}
			return ended;
		});
	}

	private void originateResponded(ServerFloor floor, OriginateResponded e) {
		SpyEntry spy = (e.actionId() != null) ? this.spies.get(e.actionId()) : null;
		if (spy == null) {
			return;
		}
		if ("Success".equalsIgnoreCase(e.response()) && e.uniqueid() != null) {
			spy.uniqueid = e.uniqueid();
			Spy was = spy.spy;
			spy.spy = new Spy(was.supervisor(), was.phone(), was.agent(), was.mode(), was.server(),
					was.agentChannel(), was.startedAt(), e.channel());
		}
		else {
			this.spies.remove(e.actionId());
		}
		force(spy.spy.agent());
	}

	/**
	 * A channel running ChanSpy at a resync: a spy whose OriginateResponse was lost in the outage gets its channel; one
	 * started before our restart is listed again, under the supervisor's phone (who started it is not known).
	 */
	private void spyFound(ServerFloor floor, ChannelSnapshot.Channel channel, Instant takenAt) {
		String data = channel.applicationData();
		if (!"ChanSpy".equalsIgnoreCase(channel.application()) || data == null || channel.uniqueid() == null
				|| channel.channel() == null) {
			return;
		}
		int comma = data.indexOf(',');
		String spied = (comma < 0) ? data : data.substring(0, comma);
		String options = (comma < 0) ? "" : data.substring(comma + 1);
		String phone = deviceOf(channel.channel());
		for (SpyEntry spy : this.spies.values()) {
			if (spy.spy.server().equals(floor.server) && channel.uniqueid().equals(spy.uniqueid)) {
				return;
			}
		}
		for (SpyEntry spy : this.spies.values()) {
			Spy was = spy.spy;
			if (spy.uniqueid == null && was.server().equals(floor.server) && was.agentChannel().equals(spied)
					&& was.phone().equals(phone)) {
				spy.uniqueid = channel.uniqueid();
				spy.spy = new Spy(was.supervisor(), was.phone(), was.agent(), was.mode(), was.server(),
						was.agentChannel(), was.startedAt(), channel.channel());
				force(was.agent());
				return;
			}
		}
		String agent = floor.agentOfChannel(spied);
		if (agent == null) {
			return;
		}
		SpyMode mode = options.contains("B") ? SpyMode.BARGE : options.contains("w") ? SpyMode.WHISPER
				: SpyMode.LISTEN;
		SpyEntry adopted = new SpyEntry(new Spy(phone, phone, agent, mode, floor.server, spied,
				takenAt.minus(durationOf(channel.duration())), channel.channel()));
		adopted.uniqueid = channel.uniqueid();
		this.spies.put("resync-" + floor.server + "-" + channel.uniqueid(), adopted);
		force(agent);
	}

	/** The device a channel is on: {@code PJSIP/2001-0000000b} is on {@code PJSIP/2001}. */
	private static String deviceOf(String channel) {
		int dash = channel.lastIndexOf('-');
		return (dash > 0) ? channel.substring(0, dash) : channel;
	}

	private void endCall(ServerFloor floor, QueueCall call, Instant at) {
		floor.calls.remove(call.agent);
		touch(call.agent, at);
		this.touchedQueues.add(call.queue);
		if (call.agentChannel != null) {
			endSpiesOn(floor, call.agentChannel);
		}
	}

	/** ChanSpy's E option ends a spy with the spied channel; the supervisor's Hangup may come later or not at all. */
	private void endSpiesOn(ServerFloor floor, String agentChannel) {
		this.spies.values().removeIf((spy) -> {
			boolean ended = spy.spy.server().equals(floor.server) && spy.spy.agentChannel().equals(agentChannel);
			if (ended) {
				force(spy.spy.agent());
			}
			return ended;
		});
	}

	/** CoreShowChannel's {@code Duration}, {@code HH:MM:SS}; zero when unreadable. */
	static Duration durationOf(@Nullable String duration) {
		if (duration == null) {
			return Duration.ZERO;
		}
		String[] parts = duration.split(":");
		try {
			long seconds = 0;
			for (String part : parts) {
				seconds = seconds * 60 + Long.parseLong(part.trim());
			}
			return Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			return Duration.ZERO;
		}
	}

	private Member member(ServerFloor floor, String queue, String iface, String name, Instant at) {
		Member member = floor.members.computeIfAbsent(new MemberKey(queue, iface),
				(key) -> new Member(queue, iface, name));
		if (!member.name.equals(name)) {
			touch(member.name, at);
			member.name = name;
		}
		floor.queues.add(queue);
		touch(name, at);
		this.touchedQueues.add(queue);
		return member;
	}

	private static void setPaused(Member member, boolean paused, @Nullable String reason, @Nullable Instant at) {
		if (member.paused != paused || !Objects.equals(member.pausedReason, reasonOf(paused, reason))) {
			member.pausedAt = at;
		}
		else if (member.pausedAt == null) {
			member.pausedAt = at;
		}
		member.paused = paused;
		member.pausedReason = reasonOf(paused, reason);
	}

	private static @Nullable String reasonOf(boolean paused, @Nullable String reason) {
		return (paused && reason != null && !reason.isEmpty()) ? reason : null;
	}

	/** The agent an Agent* event names: its MemberName, or else the member with that interface. */
	private static @Nullable String agentOf(ServerFloor floor, @Nullable String memberName, @Nullable String queue,
			@Nullable String iface) {
		if (memberName != null && !memberName.isEmpty()) {
			return memberName;
		}
		if (queue != null && iface != null) {
			Member member = floor.members.get(new MemberKey(queue, iface));
			return (member != null) ? member.name : null;
		}
		return null;
	}

	private void touch(String agent, Instant at) {
		this.touchedAgents.add(agent);
		this.touchedAt.merge(agent, at, (a, b) -> a.isAfter(b) ? a : b);
	}

	private void force(String agent) {
		this.touchedAgents.add(agent);
		this.forcedAgents.add(agent);
	}

	// ---- deriving the floor ----

	/** Recomputes the touched agents and queues (under the lock); the changed ones get a new version. */
	private void derive(Instant now) {
		if (this.touchedAgents.isEmpty() && this.touchedQueues.isEmpty()) {
			return;
		}
		Map<String, List<Member>> byAgent = new HashMap<>();
		Map<String, List<Member>> byQueue = new HashMap<>();
		Map<String, QueueCall> callOf = new HashMap<>();
		Map<String, String> callServer = new HashMap<>();
		Map<String, DeviceChannel> deviceOf = new HashMap<>();
		Map<String, String> deviceServer = new HashMap<>();
		Set<String> allQueues = new HashSet<>();
		for (ServerFloor floor : this.servers.values()) {
			allQueues.addAll(floor.queues);
			for (Member member : floor.members.values()) {
				byAgent.computeIfAbsent(member.name, (name) -> new ArrayList<>()).add(member);
				byQueue.computeIfAbsent(member.queue, (name) -> new ArrayList<>()).add(member);
			}
			for (DeviceChannel device : floor.channels.values()) {
				DeviceChannel other = deviceOf.get(device.agent);
				if (other == null || device.since.isAfter(other.since)) {
					deviceOf.put(device.agent, device);
					deviceServer.put(device.agent, floor.server);
				}
			}
			for (QueueCall call : floor.calls.values()) {
				QueueCall other = callOf.get(call.agent);
				if (other == null || call.since.isAfter(other.since)) {
					callOf.put(call.agent, call);
					callServer.put(call.agent, floor.server);
				}
			}
		}
		for (String agent : this.touchedAgents) {
			AgentFloor before = this.agents.get(agent);
			deriveAgent(agent, byAgent.getOrDefault(agent, List.of()), callOf.get(agent), callServer.get(agent),
					deviceOf.get(agent), deviceServer.get(agent), now);
			AgentFloor after = this.agents.get(agent);
			// The agent's queues count them: a change of state changes the counts.
			if (before != null) {
				this.touchedQueues.addAll(before.queues());
			}
			if (after != null) {
				this.touchedQueues.addAll(after.queues());
			}
		}
		for (String queue : this.touchedQueues) {
			deriveQueue(queue, allQueues.contains(queue), byQueue.getOrDefault(queue, List.of()), now);
		}
		this.touchedAgents.clear();
		this.touchedQueues.clear();
		this.forcedAgents.clear();
		this.touchedAt.clear();
	}

	private void deriveAgent(String agent, List<Member> memberships, @Nullable QueueCall call,
			@Nullable String callServer, @Nullable DeviceChannel device, @Nullable String deviceServer, Instant now) {
		AgentFloor before = this.agents.get(agent);
		if (before == null && memberships.isEmpty()) {
			return;
		}
		AgentState state;
		String reason = null;
		Instant pausedSince = null;
		if (memberships.isEmpty()) {
			state = AgentState.LOGGED_OUT;
		}
		else if (call != null || memberships.stream().anyMatch(Member::onCall)) {
			state = AgentState.ON_CALL;
		}
		else if (memberships.stream().anyMatch(Member::ringing)) {
			state = AgentState.RINGING;
		}
		else if (memberships.stream().allMatch((member) -> member.paused)) {
			state = AgentState.PAUSED;
			Member latest = memberships.stream()
				.max(Comparator.comparing((Member member) -> (member.pausedAt != null) ? member.pausedAt : Instant.MIN))
				.orElseThrow();
			reason = memberships.stream()
				.sorted(Comparator.comparing((Member member) -> (member.pausedAt != null) ? member.pausedAt
						: Instant.MIN).reversed())
				.map((member) -> member.pausedReason)
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(null);
			pausedSince = latest.pausedAt;
		}
		else if (memberships.stream().anyMatch((member) -> member.idle() && !member.paused)) {
			state = AgentState.AVAILABLE;
		}
		else {
			state = AgentState.UNAVAILABLE;
		}
		List<String> queues = new ArrayList<>(new TreeSet<>(memberships.stream().map((member) -> member.queue).toList()));
		AgentFloor.CurrentCall current = null;
		if (call != null) {
			current = new AgentFloor.CurrentCall(call.callId, Objects.requireNonNull(callServer), call.queue,
					call.callerNumber, call.since, call.agentChannel);
		}
		else if (device != null && state == AgentState.ON_CALL) {
			// Not a queue call we saw answered (a direct call, or one that began before we connected).
			current = new AgentFloor.CurrentCall(device.callId, Objects.requireNonNull(deviceServer), null, null,
					device.since, device.channel);
		}
		int today = this.callsToday.getOrDefault(agent, 0);
		boolean sameState = before != null && before.state() == state && Objects.equals(before.pauseReason(), reason);
		Instant at = this.touchedAt.getOrDefault(agent, now);
		if (before != null && at.isBefore(before.since())) {
			at = before.since();
		}
		Instant since;
		if (sameState) {
			since = before.since();
		}
		else if (before == null && state == AgentState.PAUSED && pausedSince != null && pausedSince.isBefore(at)) {
			// First seen paused (a restart): Asterisk's LastPause says since when.
			since = pausedSince;
		}
		else {
			since = at;
		}
		boolean changed = before == null || !sameState || !before.queues().equals(queues)
				|| !Objects.equals(before.call(), current) || before.callsToday() != today
				|| this.forcedAgents.contains(agent);
		if (!changed) {
			return;
		}
		this.agents.put(agent, new AgentFloor(agent, state, since, reason, queues, current, today, ++this.version));
		this.removedAgents.remove(agent);
		if (!sameState && !(before == null && state == AgentState.LOGGED_OUT)) {
			this.pendingHistory.add(new FloorRepository.Transition(agent, state, reason, at));
		}
	}

	private void deriveQueue(String queue, boolean exists, List<Member> members, Instant now) {
		List<LiveQueueEntry> entries = new ArrayList<>();
		for (ServerFloor floor : this.servers.values()) {
			for (Waiting entry : floor.waiting.values()) {
				if (entry.queue.equals(queue)) {
					entries.add(new LiveQueueEntry(entry.callId, floor.server, queue, entry.enteredAt, entry.position,
							entry.callerNumber));
				}
			}
		}
		QueueFloor before = this.queues.get(queue);
		if (!exists && members.isEmpty() && entries.isEmpty()) {
			if (before != null) {
				this.queues.remove(queue);
				this.removedQueues.put(queue, new Removed(++this.version, now));
			}
			return;
		}
		entries.sort(Comparator.comparingInt(LiveQueueEntry::position).thenComparing(LiveQueueEntry::enteredAt));
		Instant longest = entries.stream().map(LiveQueueEntry::enteredAt).min(Comparator.naturalOrder()).orElse(null);
		int available = 0;
		int ringing = 0;
		int onCall = 0;
		int paused = 0;
		int unavailable = 0;
		Map<String, List<Member>> byAgent = new LinkedHashMap<>();
		members.forEach((member) -> byAgent.computeIfAbsent(member.name, (name) -> new ArrayList<>()).add(member));
		for (Map.Entry<String, List<Member>> entry : byAgent.entrySet()) {
			AgentFloor agent = this.agents.get(entry.getKey());
			AgentState state = (agent != null) ? agent.state() : AgentState.UNAVAILABLE;
			List<Member> here = entry.getValue();
			if (state == AgentState.ON_CALL) {
				onCall++;
			}
			else if (state == AgentState.RINGING) {
				ringing++;
			}
			else if (here.stream().allMatch((member) -> member.paused)) {
				paused++;
			}
			else if (here.stream().anyMatch((member) -> member.idle() && !member.paused)) {
				available++;
			}
			else {
				unavailable++;
			}
		}
		QueueFloor after = new QueueFloor(queue, entries, longest, byAgent.size(), available, ringing, onCall, paused,
				unavailable, 0);
		if (before != null && sameQueue(before, after)) {
			return;
		}
		this.queues.put(queue, new QueueFloor(queue, entries, longest, byAgent.size(), available, ringing, onCall,
				paused, unavailable, ++this.version));
		this.removedQueues.remove(queue);
	}

	private static boolean sameQueue(QueueFloor a, QueueFloor b) {
		return a.waiting().equals(b.waiting()) && Objects.equals(a.longestWaitingSince(), b.longestWaitingSince())
				&& a.loggedIn() == b.loggedIn() && a.available() == b.available() && a.ringing() == b.ringing()
				&& a.onCall() == b.onCall() && a.paused() == b.paused() && a.unavailable() == b.unavailable();
	}

	/**
	 * The stored calls of waiting callers and of agents' calls: the call tracker stores a call a moment after its
	 * first event, so a few flushes look again.
	 */
	private List<Lookup> callIdsToLookUp() {
		long now = System.nanoTime();
		boolean retry = now - this.lastLookup >= CALL_ID_LOOKUP_SPACING_NANOS;
		if (retry) {
			this.lastLookup = now;
		}
		List<Lookup> lookups = new ArrayList<>();
		for (ServerFloor floor : this.servers.values()) {
			for (Waiting waiting : floor.waiting.values()) {
				if (waiting.callId == null && (waiting.lookups == 0 || retry && waiting.lookups < CALL_ID_LOOKUPS)) {
					waiting.lookups++;
					lookups.add(new Lookup(waiting.uniqueid, (id) -> {
						waiting.callId = id;
						this.touchedQueues.add(waiting.queue);
					}));
				}
			}
			for (DeviceChannel device : floor.channels.values()) {
				if (device.callId == null && (device.lookups == 0 || retry && device.lookups < CALL_ID_LOOKUPS)) {
					device.lookups++;
					lookups.add(new Lookup(device.uniqueid, (id) -> {
						device.callId = id;
						this.touchedAgents.add(device.agent);
					}));
				}
			}
			for (QueueCall call : floor.calls.values()) {
				String uniqueid = call.callerUniqueid;
				if (call.callId == null && uniqueid != null
						&& (call.lookups == 0 || retry && call.lookups < CALL_ID_LOOKUPS)) {
					call.lookups++;
					lookups.add(new Lookup(uniqueid, (id) -> {
						call.callId = id;
						this.touchedAgents.add(call.agent);
					}));
				}
			}
		}
		return lookups;
	}

	/**
	 * Asks the call tracker outside the floor's lock (it may ask the database) and applies what it found under it;
	 * something gone meanwhile just gets an id nobody reads.
	 */
	private void lookUp(List<Lookup> lookups) {
		if (lookups.isEmpty()) {
			return;
		}
		Map<Lookup, Long> found = new HashMap<>();
		for (Lookup lookup : lookups) {
			this.calls.findByUniqueid(lookup.uniqueid()).ifPresent((id) -> found.put(lookup, id));
		}
		if (!found.isEmpty()) {
			synchronized (this.lock) {
				found.forEach((lookup, id) -> lookup.apply().accept(id));
			}
		}
	}

	/** A stored call to look up by a channel's Uniqueid, and what to do with its id (under the lock). */
	private record Lookup(String uniqueid, Consumer<Long> apply) {
	}

	// ---- history, the minute tick, listeners ----

	private List<FloorRepository.Transition> drainHistory() {
		if (this.pendingHistory.isEmpty()) {
			return List.of();
		}
		List<FloorRepository.Transition> batch = List.copyOf(this.pendingHistory);
		this.pendingHistory.clear();
		return batch;
	}

	private void writeHistory(List<FloorRepository.Transition> batch) {
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.repository.write(batch);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record {} agent state change(s); trying again with the next ones", batch.size(),
					ex);
			synchronized (this.lock) {
				// Given back in front, in order; a database that stays down must not grow this without end.
				if (this.pendingHistory.size() < 100_000) {
					this.pendingHistory.addAll(0, batch);
				}
			}
		}
	}

	private void notifyListeners() {
		long now;
		synchronized (this.lock) {
			now = this.version;
			if (now == this.notifiedVersion) {
				return;
			}
			this.notifiedVersion = now;
		}
		for (Runnable listener : this.listeners) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				logger.warn("A live floor listener failed", ex);
			}
		}
	}

	private void lookUpLater() {
		try {
			List<Lookup> lookups;
			synchronized (this.lock) {
				lookups = callIdsToLookUp();
			}
			lookUp(lookups);
			synchronized (this.lock) {
				derive(this.clock.instant());
			}
			notifyListeners();
		}
		catch (RuntimeException ex) {
			logger.debug("Looking up the stored calls of the live floor failed", ex);
		}
	}

	/** Every minute: the open stretches are still true; after midnight, today's counts start over. */
	void tick() {
		try {
			Instant now = this.clock.instant();
			this.repository.markSeen(now);
			LocalDate day = LocalDate.ofInstant(now, this.clock.getZone());
			List<FloorRepository.Transition> history = List.of();
			synchronized (this.lock) {
				if (!day.equals(this.today)) {
					this.today = day;
					newDay(now);
					derive(now);
					history = drainHistory();
				}
				forgetOldRemovals(now);
			}
			writeHistory(history);
			notifyListeners();
		}
		catch (RuntimeException ex) {
			logger.warn("The live floor's minute tick failed", ex);
		}
	}

	/** Midnight: counts start at zero and agents logged out all along are dropped from the floor. */
	private void newDay(Instant now) {
		for (String agent : this.callsToday.keySet()) {
			touch(agent, now);
		}
		this.callsToday.clear();
		for (Iterator<AgentFloor> it = this.agents.values().iterator(); it.hasNext();) {
			AgentFloor agent = it.next();
			if (agent.state() == AgentState.LOGGED_OUT) {
				it.remove();
				this.touchedAgents.remove(agent.agent());
				this.removedAgents.put(agent.agent(), new Removed(++this.version, now));
			}
		}
	}

	private void forgetOldRemovals(Instant now) {
		Instant cutoff = now.minus(this.properties.removedRetention());
		Predicate<Map.Entry<String, Removed>> old = (entry) -> entry.getValue().at().isBefore(cutoff);
		for (Map<String, Removed> removed : List.of(this.removedQueues, this.removedAgents)) {
			removed.entrySet().removeIf((entry) -> {
				if (old.test(entry)) {
					this.forgottenUpTo = Math.max(this.forgottenUpTo, entry.getValue().version());
					return true;
				}
				return false;
			});
		}
	}

	// ---- helpers ----

	private ServerFloor server(String server) {
		return this.servers.computeIfAbsent(server, ServerFloor::new);
	}

	private List<Spy> spyList() {
		return this.spies.values().stream().map((entry) -> entry.spy).toList();
	}

	private static Set<String> newerThan(Map<String, Removed> removed, long version) {
		Set<String> names = new HashSet<>();
		removed.forEach((name, gone) -> {
			if (gone.version() > version) {
				names.add(name);
			}
		});
		return names;
	}

	private static List<QueueFloor> sortedQueues(Collection<QueueFloor> queues) {
		return queues.stream().sorted(Comparator.comparing(QueueFloor::queue)).toList();
	}

	private static List<AgentFloor> sortedAgents(Collection<AgentFloor> agents) {
		return agents.stream().sorted(Comparator.comparing(AgentFloor::agent)).toList();
	}

	private Instant midnight(LocalDate day) {
		return day.atStartOfDay(this.clock.getZone()).toInstant();
	}

	private static @Nullable String firstNonEmpty(@Nullable String first, @Nullable String second) {
		return (first != null && !first.isEmpty()) ? first : second;
	}

	private record Removed(long version, Instant at) {
	}

	private static final class SpyEntry {

		Spy spy;

		/** The supervisor's channel once Asterisk answered the Originate: its Hangup ends the spy. */
		@Nullable String uniqueid;

		SpyEntry(Spy spy) {
			this.spy = spy;
		}

	}

}
