package io.callqa.telephony.ami;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.callqa.telephony.AsteriskConnector;
import io.callqa.telephony.ConnectorStatus;
import io.callqa.telephony.LifecyclePhases;

/**
 * The connections to every configured Asterisk server: started with the application, their events handed to the
 * {@link AmiEventHandler} beans, their status reported for health and metrics.
 */
@Component
class AmiConnections implements AmiActions, AsteriskConnector, SmartLifecycle {

	private final AmiProperties properties;

	private final ObjectProvider<AmiEventHandler> handlers;

	private final Map<String, ServerConnection> servers = new LinkedHashMap<>();

	private volatile EventPump pump;

	private volatile ScheduledExecutorService scheduler;

	private volatile boolean running;

	AmiConnections(AmiProperties properties, ObjectProvider<AmiEventHandler> handlers) {
		this.properties = properties;
		this.handlers = handlers;
	}

	@Override
	public synchronized void start() {
		this.pump = new EventPump(this.handlers.orderedStream().toList(), this.properties.eventQueueCapacity());
		this.scheduler = Executors.newScheduledThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "ami-connector");
			thread.setDaemon(true);
			return thread;
		});
		for (AmiProperties.Server server : this.properties.servers()) {
			ServerConnection connection = new ServerConnection(server, this.pump, this.scheduler);
			this.servers.put(server.name(), connection);
			connection.start();
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.servers.values().forEach(ServerConnection::stop);
		this.servers.clear();
		this.scheduler.shutdownNow();
		// The events already read are still handled and the tracker flushed: what was seen is stored.
		this.pump.close();
		this.running = false;
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.AMI_CONNECTOR;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** The configured server names, in configuration order. */
	public List<String> serverNames() {
		return List.copyOf(this.servers.keySet());
	}

	public ConnectorStatus status() {
		EventPump pump = this.pump;
		List<ConnectorStatus.ServerStatus> statuses = this.servers.values().stream().map(ServerConnection::status).toList();
		if (pump == null) {
			return new ConnectorStatus(statuses, 0, 0, 0, 0, 0, 0);
		}
		EventPump.LagWindow lag = pump.lag();
		return new ConnectorStatus(statuses, pump.queued(), pump.handled(), pump.dropped(), lag.percentileMillis(50),
				lag.percentileMillis(99), lag.percentileMillis(100));
	}

	@Override
	public CompletableFuture<OriginateResult> originate(String server, OriginateRequest request) {
		ServerConnection connection = this.servers.get(server);
		if (connection == null) {
			return CompletableFuture.failedFuture(new AmiUnavailableException(server, "not configured"));
		}
		return connection.originate(request);
	}

	@Override
	public CompletableFuture<Void> mixMonitor(String server, String channel, String file, String options) {
		ServerConnection connection = this.servers.get(server);
		if (connection == null) {
			return CompletableFuture.failedFuture(new AmiUnavailableException(server, "not configured"));
		}
		return connection.mixMonitor(channel, file, options);
	}

	@Override
	public CompletableFuture<Void> queuePause(String server, String iface, @Nullable String queue, boolean paused,
			@Nullable String reason) {
		QueuePauseAction action = new QueuePauseAction(iface, queue, paused);
		if (reason != null && !reason.isEmpty()) {
			action.setReason(reason);
		}
		return send(server, action, "QueuePause");
	}

	@Override
	public CompletableFuture<Void> queueAdd(String server, String queue, String iface, String memberName) {
		QueueAddAction action = new QueueAddAction(queue, iface);
		action.setMemberName(memberName);
		return send(server, action, "QueueAdd");
	}

	@Override
	public CompletableFuture<Void> queueRemove(String server, String queue, String iface) {
		return send(server, new QueueRemoveAction(queue, iface), "QueueRemove");
	}

	@Override
	public SpyOriginate spy(String server, SpyRequest request) {
		ServerConnection connection = this.servers.get(server);
		if (connection == null) {
			CompletableFuture<Void> accepted = CompletableFuture
				.failedFuture(new AmiUnavailableException(server, "not configured"));
			return new SpyOriginate(accepted,
					CompletableFuture.failedFuture(new AmiUnavailableException(server, "not configured")));
		}
		return connection.spy(request);
	}

	private CompletableFuture<Void> send(String server, ManagerAction action, String actionName) {
		ServerConnection connection = this.servers.get(server);
		if (connection == null) {
			return CompletableFuture.failedFuture(new AmiUnavailableException(server, "not configured"));
		}
		return connection.send(action, actionName);
	}

	/** A fresh unique ActionID for an action whose result event must be matched. */
	public static String newActionId() {
		return ServerConnection.newActionId();
	}

}
