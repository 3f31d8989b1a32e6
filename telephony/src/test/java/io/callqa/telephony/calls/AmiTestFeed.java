package io.callqa.telephony.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.ManagerEvent;

import io.callqa.telephony.Await;
import io.callqa.telephony.ami.AmiEventHandler;
import io.callqa.telephony.ami.AmiTestEvents;
import io.callqa.telephony.ami.ChannelSnapshot;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.Scenario;

/**
 * Stands in for the AMI connector in tests: the real Asterisk-Java client logged into the simulator, its events
 * translated by {@link AmiTestEvents} as the connector does and handed to a handler on one executor thread (never the
 * library's dispatch thread), flushed after each drained run.
 */
final class AmiTestFeed implements AutoCloseable {

	/** The server name events are attributed to. */
	volatile String server = "pbx1";

	private final AmiSimulator simulator = AmiSimulator.start("ccadmin", "ccsecret");

	private final ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", this.simulator.port(),
			"ccadmin", "ccsecret").createManagerConnection();

	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicInteger markers = new AtomicInteger();

	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	private volatile AmiEventHandler handler;

	private volatile CountDownLatch marker = new CountDownLatch(0);

	private volatile String markerName = "";

	AmiTestFeed(AmiEventHandler handler) throws Exception {
		this.handler = handler;
		this.connection.addEventListener(this::dispatch);
		this.connection.login();
	}

	/** Later events go to {@code handler} (a tracker started anew, as after a server restart). */
	void handTo(AmiEventHandler handler) {
		this.handler = handler;
	}

	/** Plays the scenario and returns once the handler has seen and flushed all of it. */
	void play(Scenario scenario) throws Exception {
		this.simulator.play(scenario);
		settle();
	}

	/** Plays the scenarios back to back, as one burst, and returns once all of it was handled and flushed. */
	void playAll(List<Scenario> scenarios) throws Exception {
		scenarios.forEach(this.simulator::play);
		settle();
	}

	/** Sends raw text and returns once everything before it was handled and flushed. */
	void inject(String raw) throws Exception {
		this.simulator.inject(raw);
		settle();
	}

	/** Waits until everything sent so far has been handled and flushed: a marker event follows it in wire order. */
	void settle() throws Exception {
		String name = "marker-" + this.markers.incrementAndGet();
		this.markerName = name;
		this.marker = new CountDownLatch(1);
		this.simulator.inject("Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: " + name + "\r\n\r\n");
		if (!this.marker.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The feed did not settle");
		}
		onWorker(() -> this.handler.flush());
	}

	void disconnect(Instant at) throws Exception {
		onWorker(() -> this.handler.onDisconnect(this.server, at));
	}

	void resync(ChannelSnapshot snapshot) throws Exception {
		onWorker(() -> {
			this.handler.onResync(this.server, snapshot);
			this.handler.flush();
		});
	}

	/** Drops the AMI connection as an outage would, and waits for the client to log in again. */
	void dropAndReconnect() throws Exception {
		this.simulator.dropConnections();
		Await.until(Duration.ofSeconds(15), () -> this.connection.getState() == ManagerConnectionState.CONNECTED
				&& this.simulator.loggedInClients() >= 1);
	}

	/** What the handler threw (it never should). */
	List<Throwable> failures() {
		return List.copyOf(this.failures);
	}

	@Override
	public void close() {
		if (this.connection.getState() == ManagerConnectionState.CONNECTED) {
			this.connection.logoff();
		}
		this.simulator.close();
		this.worker.shutdownNow();
	}

	private void dispatch(ManagerEvent event) {
		if (event instanceof DialEvent || event instanceof BridgeEvent) {
			return;
		}
		Instant receivedAt = Instant.now();
		this.queued.incrementAndGet();
		this.worker.execute(() -> handle(event, receivedAt));
	}

	private void handle(ManagerEvent event, Instant receivedAt) {
		try {
			if (event instanceof FullyBootedEvent booted && this.markerName.equals(booted.getStatus())) {
				this.marker.countDown();
			}
			else {
				this.handler.onEvent(this.server, AmiTestEvents.from(event, receivedAt));
			}
			if (this.queued.decrementAndGet() == 0) {
				this.handler.flush();
			}
		}
		catch (Throwable ex) {
			this.failures.add(ex);
		}
	}

	private void onWorker(Runnable task) throws Exception {
		this.worker.submit(() -> {
			try {
				task.run();
			}
			catch (Throwable ex) {
				this.failures.add(ex);
			}
		}).get(10, TimeUnit.SECONDS);
	}

}
