package io.callqa.qaconsole.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.callqa.simulator.AmiSimulator;

import io.callqa.telephony.LifecyclePhases;

/**
 * The simulated Asterisk of demo mode: started before the connector (which then logs into it like into a real one),
 * it plays a new call every {@code callEvery}, paced in (sped-up) real time (the scripted conversations of
 * {@link DemoCalls} first, recorded per party), calls back the customer of the kept promise, and answers the
 * callback engine's Originates.
 */
@Component
@ConditionalOnBooleanProperty("callqa.demo.enabled")
@EnableConfigurationProperties(DemoProperties.class)
class DemoAsterisk implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DemoAsterisk.class);

	private final DemoProperties properties;

	private final DemoCalls calls;

	private @Nullable AmiSimulator simulator;

	private @Nullable ScheduledExecutorService arrivals;

	private @Nullable ExecutorService inProgress;

	DemoAsterisk(DemoProperties properties) {
		this.properties = properties;
		this.calls = new DemoCalls(properties.seed());
	}

	@Override
	public void start() {
		try {
			Files.createDirectories(this.properties.monitorDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// One file per party, as the dialplan in telephony/asterisk/ records: transcripts know who said what.
		this.simulator = AmiSimulator.start(this.properties.username(), this.properties.secret(),
				this.properties.amiPort())
			.recordInto(this.properties.monitorDir(), true)
			.originatesInRealTime(this.properties.speed());
		this.inProgress = Executors.newCachedThreadPool(daemon("demo-call"));
		this.arrivals = Executors.newSingleThreadScheduledExecutor(daemon("demo-arrivals"));
		long every = this.properties.callEvery().toMillis();
		this.arrivals.scheduleWithFixedDelay(this::newCall, 2_000, every, TimeUnit.MILLISECONDS);
		logger.info("Demo mode: simulated Asterisk on 127.0.0.1:{}, a call every {} s at {}x speed, recordings in {}",
				this.properties.amiPort(), this.properties.callEvery().toSeconds(), this.properties.speed(),
				this.properties.monitorDir().toAbsolutePath());
	}

	private void newCall() {
		DemoCalls.DemoCall call = this.calls.next();
		this.inProgress.execute(() -> {
			try {
				this.simulator.playPaced(call.script(), this.properties.speed());
				if (call.followUp() != null) {
					long after = (long) (DemoCalls.CALLBACK_AFTER.toMillis() / this.properties.speed());
					this.arrivals.schedule(() -> callBack(call.followUp()), after, TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				logger.warn("Demo call not played: {}", ex.getMessage());
			}
		});
	}

	/** The agent calls the customer back as promised (an outbound call of their own, not a callback request). */
	private void callBack(DemoCalls.FollowUp followUp) {
		this.inProgress.execute(() -> {
			try {
				this.simulator.callOut(followUp.agent(), followUp.number(), followUp.conversation(),
						this.properties.speed());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				logger.warn("Demo call back not played: {}", ex.getMessage());
			}
		});
	}

	@Override
	public void stop() {
		if (this.arrivals != null) {
			this.arrivals.shutdownNow();
			this.inProgress.shutdownNow();
			this.simulator.close();
			this.arrivals = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.arrivals != null;
	}

	/** Before the connector, so its first login finds the simulated Asterisk listening. */
	@Override
	public int getPhase() {
		return LifecyclePhases.DEMO_ASTERISK;
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
