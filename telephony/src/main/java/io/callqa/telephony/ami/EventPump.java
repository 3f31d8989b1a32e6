package io.callqa.telephony.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves events from the library's dispatch thread to one thread of ours, which hands them to the handlers in batches
 * and lets the handlers write each batch at once. One thread for all servers, so handlers need no locking.
 */
final class EventPump implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EventPump.class);

	private static final int BATCH = 2_000;

	private static final long CLOSE_WAIT_MILLIS = 10_000;

	private final List<AmiEventHandler> handlers;

	private final BlockingQueue<Item> queue;

	private final LagWindow lag = new LagWindow(16_384);

	private final AtomicLong handled = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	EventPump(List<AmiEventHandler> handlers, int capacity) {
		this.handlers = List.copyOf(handlers);
		this.queue = new LinkedBlockingQueue<>(capacity);
		this.thread = new Thread(this::run, "ami-events");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Called on the library's dispatch thread: only enqueues. */
	void event(String server, ManagerEvent event) {
		offer(new Item.Event(server, AmiEvents.from(event, Instant.now()), System.nanoTime()));
	}

	void resync(String server, ChannelSnapshot snapshot) {
		offer(new Item.Resync(server, snapshot));
	}

	void disconnected(String server, Instant at) {
		offer(new Item.Disconnect(server, at));
	}

	int queued() {
		return this.queue.size();
	}

	long handled() {
		return this.handled.get();
	}

	long dropped() {
		return this.dropped.get();
	}

	LagWindow lag() {
		return this.lag;
	}

	/**
	 * Handles what is still queued, flushes the handlers once more and ends the thread. Not interrupted: a batch
	 * being written to the database is finished, never cut off (which would lose it and log a failure).
	 */
	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(CLOSE_WAIT_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.thread.isAlive()) {
			logger.warn("AMI events still being handled after {} ms; stopping without them", CLOSE_WAIT_MILLIS);
			this.thread.interrupt();
		}
	}

	private void offer(Item item) {
		if (!this.queue.offer(item) && this.dropped.getAndIncrement() == 0) {
			logger.error("AMI event queue full ({} events): events are being dropped; the next resync repairs state",
					this.queue.size());
		}
	}

	private void run() {
		List<Item> batch = new ArrayList<>(BATCH);
		while (this.running) {
			try {
				Item first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first != null) {
					batch.add(first);
					this.queue.drainTo(batch, BATCH - 1);
					handle(batch);
					batch.clear();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		// Closing: the connections are stopped, so what is queued now is all there will be.
		for (this.queue.drainTo(batch, BATCH); !batch.isEmpty(); this.queue.drainTo(batch, BATCH)) {
			handle(batch);
			batch.clear();
		}
		this.handlers.forEach(EventPump::flush);
	}

	private void handle(List<Item> batch) {
		for (Item item : batch) {
			for (AmiEventHandler handler : this.handlers) {
				dispatch(handler, item);
			}
		}
		for (AmiEventHandler handler : this.handlers) {
			flush(handler);
		}
		long now = System.nanoTime();
		for (Item item : batch) {
			if (item instanceof Item.Event event) {
				this.lag.record(now - event.receivedNanos());
				this.handled.incrementAndGet();
			}
		}
	}

	private static void dispatch(AmiEventHandler handler, Item item) {
		try {
			if (item instanceof Item.Event e) {
				handler.onEvent(e.server(), e.event());
			}
			else if (item instanceof Item.Resync r) {
				handler.onResync(r.server(), r.snapshot());
			}
			else if (item instanceof Item.Disconnect d) {
				handler.onDisconnect(d.server(), d.at());
			}
		}
		catch (RuntimeException ex) {
			// A handler bug must not stop the pump: the event is skipped, the next resync repairs state.
			logger.error("{} failed on {} from {}", handler.getClass().getSimpleName(), item.describe(), item.server(),
					ex);
		}
	}

	private static void flush(AmiEventHandler handler) {
		try {
			handler.flush();
		}
		catch (RuntimeException ex) {
			logger.error("{} failed to write a batch of AMI events", handler.getClass().getSimpleName(), ex);
		}
	}

	private sealed interface Item {

		String server();

		String describe();

		record Event(String server, AsteriskEvent event, long receivedNanos) implements Item {
			public String describe() {
				return this.event.getClass().getSimpleName();
			}
		}

		record Resync(String server, ChannelSnapshot snapshot) implements Item {
			public String describe() {
				return "resync";
			}
		}

		record Disconnect(String server, Instant at) implements Item {
			public String describe() {
				return "disconnect";
			}
		}

	}

	/** The lags of the most recent events, for percentiles without keeping every value. */
	static final class LagWindow {

		private final long[] nanos;

		private long count;

		LagWindow(int size) {
			this.nanos = new long[size];
		}

		synchronized void record(long lagNanos) {
			this.nanos[(int) (this.count++ % this.nanos.length)] = lagNanos;
		}

		/** The {@code p}-th percentile (0..100) in milliseconds; 0 before any event. */
		synchronized double percentileMillis(double p) {
			int n = (int) Math.min(this.count, this.nanos.length);
			if (n == 0) {
				return 0;
			}
			long[] sorted = Arrays.copyOf(this.nanos, n);
			Arrays.sort(sorted);
			int index = (int) Math.min(n - 1, Math.ceil(p / 100.0 * n) - 1);
			return sorted[Math.max(0, index)] / 1_000_000.0;
		}

	}

}
