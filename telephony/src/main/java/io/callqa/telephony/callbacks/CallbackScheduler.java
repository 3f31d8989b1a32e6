package io.callqa.telephony.callbacks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

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

	@Override
	public void stop() {
		ScheduledExecutorService scheduled = this.executor;
		this.executor = null;
		if (scheduled != null) {
			scheduled.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
