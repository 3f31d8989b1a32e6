package io.callqa.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Collects the events Asterisk-Java dispatches, so tests can wait for them and look at their order.
 */
final class EventRecorder implements ManagerEventListener {

	private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onManagerEvent(ManagerEvent event) {
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
		long deadline = System.nanoTime() + timeout.toNanos();
		while (events(type).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		return !events(type).isEmpty();
	}

	/** Waits until no event has arrived for {@code quiet}, so a replay is known to be fully dispatched. */
	void awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int seen = -1;
		while (seen != this.events.size() && System.nanoTime() < deadline) {
			seen = this.events.size();
			Thread.sleep(quiet.toMillis());
		}
	}

}
