package io.callqa.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.VarSetEvent;

/**
 * Collects the events Asterisk-Java dispatches, so tests can wait for them and look at their order.
 */
final class EventRecorder implements ManagerEventListener {

	private static final String MARKER = "TEST_MARKER";

	private static final AtomicInteger markers = new AtomicInteger();

	private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

	private final Set<String> markersSeen = ConcurrentHashMap.newKeySet();

	@Override
	public void onManagerEvent(ManagerEvent event) {
		if (event instanceof VarSetEvent marker && MARKER.equals(marker.getVariable())) {
			this.markersSeen.add(marker.getValue());
			return;
		}
		this.events.add(event);
	}

	List<ManagerEvent> events() {
		return List.copyOf(this.events);
	}

	/** The received events of one type, in dispatch order. */
	<T extends ManagerEvent> List<T> events(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	void clear() {
		this.events.clear();
	}

	/** Waits until an event of {@code type} has arrived; returns whether it did within {@code timeout}. */
	boolean await(Class<? extends ManagerEvent> type, Duration timeout) throws InterruptedException {
		return await(type, 1, timeout);
	}

	/** Waits until {@code count} events of {@code type} have arrived; returns whether they did within {@code timeout}. */
	boolean await(Class<? extends ManagerEvent> type, int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (events(type).size() < count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		return events(type).size() >= count;
	}

	/**
	 * Sends a marker after what {@code simulator} has written so far and waits until it is dispatched: events are
	 * dispatched in wire order, so everything written before it has been too. The marker is not recorded.
	 */
	void awaitDispatched(AmiSimulator simulator, Duration timeout) throws InterruptedException {
		String marker = "marker-" + markers.incrementAndGet();
		simulator.inject("Event: VarSet\r\nPrivilege: dialplan,all\r\nVariable: " + MARKER + "\r\nValue: " + marker
				+ "\r\n\r\n");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.markersSeen.contains(marker) && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		if (!this.markersSeen.contains(marker)) {
			throw new AssertionError("marker " + marker + " not dispatched within " + timeout);
		}
	}

	/**
	 * Waits until no event has arrived for {@code quiet}: only for events the simulator writes on its own thread
	 * (an originated call), where no marker can be placed after them.
	 */
	void awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int seen = -1;
		while (seen != this.events.size() && System.nanoTime() < deadline) {
			seen = this.events.size();
			Thread.sleep(quiet.toMillis());
		}
	}

}
