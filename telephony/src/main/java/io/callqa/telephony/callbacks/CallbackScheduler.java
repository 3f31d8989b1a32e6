package io.callqa.telephony.callbacks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import io.callqa.telephony.LifecyclePhases;

/**
 * Runs the {@link CallbackEngine} every poll interval on its own thread, from context start to close.
 */
class CallbackScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CallbackScheduler.class);

	private final CallbackEngine engine;

	private final CallbackProperties properties;

	private volatile @Nullable ScheduledExecutorService executor;

	CallbackScheduler(CallbackEngine engine, CallbackProperties properties) {
		this.engine = engine;
		this.properties = properties;
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "callback-engine");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.pollInterval().toMillis();
		scheduled.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
		this.executor = scheduled;
	}

	private void pollSafely() {
		try {
			this.engine.poll();
		}
		catch (RuntimeException ex) {
			// A failing round (database down) must not end the schedule: the next one tries again.
			logger.error("Callback engine round failed: {}", ex.toString(), ex);
		}
	}

	/**
	 * No further rounds; a round in progress is not interrupted (that would fail it half-way, with its database
	 * work), it ends within the shutdown phase's timeout.
	 */
	@Override
	public void stop(Runnable callback) {
		ScheduledExecutorService scheduled = this.executor;
		this.executor = null;
		if (scheduled == null) {
			callback.run();
			return;
		}
		scheduled.shutdown();
		Thread waiting = new Thread(() -> {
			awaitTermination(scheduled);
			callback.run();
		}, "callback-engine-stop");
		waiting.setDaemon(true);
		waiting.start();
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduled = this.executor;
		this.executor = null;
		if (scheduled != null) {
			scheduled.shutdown();
			awaitTermination(scheduled);
		}
	}

	private static void awaitTermination(ScheduledExecutorService scheduled) {
		try {
			scheduled.awaitTermination(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.CALLBACK_ENGINE;
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
