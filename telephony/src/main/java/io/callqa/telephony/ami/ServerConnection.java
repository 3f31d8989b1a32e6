package io.callqa.telephony.ami;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.callqa.telephony.ConnectorStatus;

/**
 * One Asterisk server: logs in (retrying with backoff until the first login works; the library reconnects after
 * that), pings so a dead link is noticed, rebuilds state on every (re)connect, and passes events to the pump.
 */
final class ServerConnection implements ManagerEventListener {

	private static final Logger logger = LoggerFactory.getLogger(ServerConnection.class);

	private static final long SNAPSHOT_TIMEOUT_MILLIS = 10_000;

	private static final long ACTION_TIMEOUT_MILLIS = 10_000;

	private final AmiProperties.Server server;

	private final ManagerConnection connection;

	private final EventPump pump;

	private final ScheduledExecutorService scheduler;

	private final Map<String, CompletableFuture<OriginateResult>> originates = new ConcurrentHashMap<>();

	private final AtomicLong events = new AtomicLong();

	private final AtomicLong reconnects = new AtomicLong();

	private final AtomicBoolean firstConnectSeen = new AtomicBoolean();

	private volatile @Nullable Instant connectedSince;

	private volatile @Nullable Instant lastEventAt;

	private volatile @Nullable Instant lastResyncAt;

	private volatile @Nullable String lastError;

	private volatile boolean stopped;

	private final AtomicLong resyncs = new AtomicLong();

	private volatile long resyncedGeneration;

	private @Nullable ScheduledFuture<?> pings;

	ServerConnection(AmiProperties.Server server, EventPump pump, ScheduledExecutorService scheduler) {
		this.server = server;
		this.pump = pump;
		this.scheduler = scheduler;
		this.connection = new ManagerConnectionFactory(server.host(), server.port(), server.username(),
				server.secret())
			.createManagerConnection();
		this.connection.setSocketReadTimeout((int) server.readTimeout().toMillis());
		this.connection.setSocketTimeout(5_000);
		// A wrong secret is a configuration error, but fixing manager.conf must not need our restart.
		this.connection.setKeepAliveAfterAuthenticationFailure(true);
		this.connection.addEventListener(this);
	}

	String name() {
		return this.server.name();
	}

	void start() {
		this.scheduler.execute(() -> login(Duration.ofMillis(500)));
	}

	void stop() {
		this.stopped = true;
		if (this.pings != null) {
			this.pings.cancel(false);
		}
		if (this.connection.getState() == ManagerConnectionState.CONNECTED) {
			try {
				this.connection.logoff();
			}
			catch (RuntimeException ex) {
				// Closing anyway.
			}
		}
		this.originates.values()
			.forEach((pending) -> pending.completeExceptionally(new AmiUnavailableException(name(), "stopped")));
	}

	ConnectorStatus.ServerStatus status() {
		return new ConnectorStatus.ServerStatus(name(), this.server.host(), this.server.port(),
				this.connection.getState().name(), this.events.get(), this.reconnects.get(), this.connectedSince,
				this.lastEventAt, this.lastResyncAt, this.lastError);
	}

	/** Runs on the library's dispatch thread: never send a synchronous action from here. */
	@Override
	public void onManagerEvent(ManagerEvent event) {
		if (event instanceof ConnectEvent) {
			// The library announces the first login too; login() rebuilds state for that one itself.
			if (this.firstConnectSeen.compareAndSet(false, true)) {
				return;
			}
			onReconnected();
			return;
		}
		if (event instanceof DisconnectEvent) {
			onDisconnected();
			return;
		}
		// The library synthesizes these legacy events from DialBegin and BridgeEnter: counting them counts twice.
		if (event.getClass() == DialEvent.class || event.getClass() == BridgeEvent.class) {
			return;
		}
		this.events.incrementAndGet();
		this.lastEventAt = Instant.now();
		if (event instanceof OriginateResponseEvent response) {
			completeOriginate(response);
		}
		this.pump.event(name(), event);
	}

	CompletableFuture<OriginateResult> originate(OriginateRequest request) {
		CompletableFuture<OriginateResult> result = new CompletableFuture<>();
		this.originates.put(request.actionId(), result);
		OriginateAction action = new OriginateAction();
		action.setActionId(request.actionId());
		action.setAsync(true);
		action.setChannel(request.channel());
		action.setContext(request.context());
		action.setExten(request.exten());
		action.setPriority(request.priority());
		if (!request.callerId().isEmpty()) {
			action.setCallerId(request.callerId());
		}
		action.setTimeout(request.timeout().toMillis());
		action.setVariables(request.variables());
		send(action, result, request.actionId());
		// Asterisk answers an async Originate only after the ring timeout; a lost link must not leave it pending.
		this.scheduler.schedule(() -> expire(request.actionId()), request.timeout().toMillis() + 30_000,
				TimeUnit.MILLISECONDS);
		return result;
	}

	CompletableFuture<Void> mixMonitor(String channel, String file, String options) {
		CompletableFuture<Void> result = new CompletableFuture<>();
		MixMonitorAction action = new MixMonitorAction(channel, file, options.isEmpty() ? null : options);
		try {
			this.connection.sendAction(action, (response) -> {
				if (response instanceof ManagerError error) {
					result.completeExceptionally(new AmiActionException(name(), "MixMonitor", error.getMessage()));
				}
				else {
					result.complete(null);
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			result.completeExceptionally(new AmiUnavailableException(name(), ex.getMessage()));
		}
		return result;
	}

	/**
	 * An Originate straight into an application (ChanSpy): {@code accepted} completes when Asterisk queued it,
	 * {@code answered} with its OriginateResponse (after the channel answered, or failed).
	 */
	SpyOriginate spy(SpyRequest request) {
		CompletableFuture<OriginateResult> answered = new CompletableFuture<>();
		this.originates.put(request.actionId(), answered);
		OriginateAction action = new OriginateAction();
		action.setActionId(request.actionId());
		action.setAsync(true);
		action.setChannel(request.phone());
		action.setApplication("ChanSpy");
		action.setData(request.chanSpyData());
		if (!request.callerId().isEmpty()) {
			action.setCallerId(request.callerId());
		}
		action.setTimeout(request.timeout().toMillis());
		CompletableFuture<Void> accepted = send(action, "Originate");
		accepted.whenComplete((ok, failure) -> {
			if (failure != null && this.originates.remove(request.actionId()) != null) {
				answered.completeExceptionally(failure);
			}
		});
		this.scheduler.schedule(() -> expire(request.actionId()), request.timeout().toMillis() + 30_000,
				TimeUnit.MILLISECONDS);
		return new SpyOriginate(accepted, answered);
	}

	/**
	 * Sends an action whose answer is a plain Success or Error. The future completes off the library's dispatch
	 * thread, and fails when no answer comes within {@link #ACTION_TIMEOUT_MILLIS} (the link went away meanwhile).
	 */
	CompletableFuture<Void> send(ManagerAction action, String actionName) {
		CompletableFuture<Void> result = new CompletableFuture<>();
		try {
			this.connection.sendAction(action, (response) -> this.scheduler.execute(() -> {
				if (response instanceof ManagerError error) {
					result.completeExceptionally(new AmiActionException(name(), actionName, error.getMessage()));
				}
				else {
					result.complete(null);
				}
			}));
		}
		catch (IOException | RuntimeException ex) {
			result.completeExceptionally(new AmiUnavailableException(name(), String.valueOf(ex.getMessage())));
			return result;
		}
		this.scheduler.schedule(() -> result.completeExceptionally(
				new AmiUnavailableException(name(), "no answer to " + actionName + " within "
						+ ACTION_TIMEOUT_MILLIS + " ms")),
				ACTION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
		return result;
	}

	private void send(OriginateAction action, CompletableFuture<OriginateResult> result, String actionId) {
		try {
			this.connection.sendAction(action, (response) -> {
				if (response instanceof ManagerError error) {
					this.originates.remove(actionId);
					result.completeExceptionally(new AmiActionException(name(), "Originate", error.getMessage()));
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			this.originates.remove(actionId);
			result.completeExceptionally(new AmiUnavailableException(name(), String.valueOf(ex.getMessage())));
		}
	}

	private void completeOriginate(OriginateResponseEvent event) {
		CompletableFuture<OriginateResult> pending = this.originates.remove(String.valueOf(event.getActionId()));
		if (pending != null) {
			OriginateResult result = new OriginateResult(event.getActionId(), String.valueOf(event.getResponse()),
					(event.getReason() != null) ? event.getReason() : -1, event.getUniqueId(), event.getChannel());
			// Completed off the dispatch thread: whatever depends on it may talk to the database or to Asterisk.
			this.scheduler.execute(() -> pending.complete(result));
		}
	}

	private void expire(String actionId) {
		CompletableFuture<OriginateResult> pending = this.originates.remove(actionId);
		if (pending != null) {
			pending.completeExceptionally(new AmiUnavailableException(name(), "no OriginateResponse for " + actionId));
		}
	}

	private void login(Duration backoff) {
		if (this.stopped) {
			return;
		}
		try {
			this.connection.login();
			logger.info("AMI connected to {} ({}:{}), Asterisk {}", name(), this.server.host(), this.server.port(),
					this.connection.getVersion());
			this.lastError = null;
			this.connectedSince = Instant.now();
			this.pings = this.scheduler.scheduleWithFixedDelay(this::ping, this.server.pingInterval().toMillis(),
					this.server.pingInterval().toMillis(), TimeUnit.MILLISECONDS);
			resync();
		}
		catch (Exception ex) {
			this.lastError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			Duration next = min(backoff.multipliedBy(2), this.server.maxBackoff());
			logger.warn("AMI login to {} ({}:{}) failed: {}; retrying in {} ms", name(), this.server.host(),
					this.server.port(), this.lastError, backoff.toMillis());
			this.scheduler.schedule(() -> login(next), backoff.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void onReconnected() {
		this.reconnects.incrementAndGet();
		this.connectedSince = Instant.now();
		logger.info("AMI reconnected to {}", name());
		this.scheduler.execute(this::resync);
	}

	private void onDisconnected() {
		if (this.stopped) {
			return;
		}
		this.connectedSince = null;
		this.lastError = "disconnected";
		logger.warn("AMI connection to {} lost; the library reconnects and state is rebuilt then", name());
		this.pump.disconnected(name(), Instant.now());
	}

	private void ping() {
		if (this.connection.getState() != ManagerConnectionState.CONNECTED) {
			return;
		}
		try {
			this.connection.sendAction(new PingAction(), (response) -> {
			});
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Ping to {} not sent: {}", name(), ex.getMessage());
		}
	}

	/**
	 * Asks what is live now: QueueStatus, then CoreShowChannels. Both use the callback form, whose callbacks run on
	 * the library's dispatch thread in wire order, so the snapshot enters our queue exactly where Asterisk produced
	 * it: every event before it happened before the channel list was taken, every event after it, after.
	 */
	private void resync() {
		long generation = this.resyncs.incrementAndGet();
		try {
			this.connection.sendEventGeneratingAction(new QueueStatusAction(), (queues) -> {
				if (failed(queues, "QueueStatus")) {
					return;
				}
				List<ResponseEvent> queueEvents = new ArrayList<>(queues.getEvents());
				sendChannelsAfter(queueEvents);
			});
		}
		catch (IOException | RuntimeException ex) {
			this.lastError = "resync failed: " + ex.getMessage();
		}
		// Whatever went wrong (refused, link lost before the answer), try again unless a resync completed.
		this.scheduler.schedule(() -> retryResync(generation), SNAPSHOT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
	}

	private void sendChannelsAfter(List<ResponseEvent> queueEvents) {
		try {
			this.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), (channels) -> {
				if (!failed(channels, "CoreShowChannels")) {
					completeResync(only(new ArrayList<>(channels.getEvents()), CoreShowChannelEvent.class),
							queueEvents);
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			this.lastError = "resync failed: " + ex.getMessage();
		}
	}

	private void completeResync(List<CoreShowChannelEvent> channels, List<ResponseEvent> queueEvents) {
		this.pump.resync(name(), AmiEvents.snapshot(Instant.now(), channels,
				only(queueEvents, QueueMemberEvent.class), only(queueEvents, QueueEntryEvent.class),
				only(queueEvents, QueueParamsEvent.class)));
		this.lastResyncAt = Instant.now();
		this.resyncedGeneration = this.resyncs.get();
		logger.info("AMI state of {} rebuilt: {} channels live", name(), channels.size());
	}

	private boolean failed(ResponseEvents response, String action) {
		if (response.getResponse() instanceof ManagerError error) {
			this.lastError = action + " refused: " + error.getMessage();
			logger.warn("Could not rebuild state from {}: {} refused ({})", name(), action, error.getMessage());
			return true;
		}
		return false;
	}

	private void retryResync(long generation) {
		if (this.resyncedGeneration < generation && !this.stopped
				&& this.connection.getState() == ManagerConnectionState.CONNECTED && this.resyncs.get() == generation) {
			logger.warn("No state from {} within {} ms; asking again", name(), SNAPSHOT_TIMEOUT_MILLIS);
			resync();
		}
	}

	private static <T> List<T> only(List<?> events, Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) < 0) ? a : b;
	}

	static String newActionId() {
		return "callqa-" + UUID.randomUUID();
	}

}
