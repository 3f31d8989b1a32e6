package io.callqa.telephony;

import org.springframework.context.SmartLifecycle;

/**
 * The order in which the server's moving parts start and stop: the one place that decides it. Spring starts
 * {@link SmartLifecycle} beans in ascending phase order and stops them in descending order, one phase after the other
 * (each phase waits at most {@code spring.lifecycle.timeout-per-shutdown-phase} for its beans), and only after the
 * last phase destroys the singletons: the connection pool, then the embedded PostgreSQL it depends on.
 *
 * <p>On SIGTERM the server thus:
 * <ol>
 * <li>finishes the HTTP requests in progress and refuses new ones (Spring Boot's graceful web server shutdown,
 * phases {@code DEFAULT_PHASE - 1024} and {@code - 2048}, above ours);
 * <li>{@link #CALLBACK_ENGINE}: dials no further callbacks (a round in progress ends first);
 * <li>{@link #FASTAGI}: takes no new AGI requests;
 * <li>{@link #AMI_CONNECTOR}: logs off every Asterisk, handles the events already read and flushes the call tracker,
 * so every call is stored as far as it was followed (still live calls are reconciled by the resync after the next
 * start);
 * <li>{@link #RECORDING_COLLECTOR}: stops waiting for recording files (the sweep attaches them after the restart);
 * <li>{@link #TRANSCRIPTION_WORKERS}: each running job saves a checkpoint and is handed back QUEUED with its attempt
 * count unchanged;
 * <li>{@link #INDEX_FOLLOWER}: commits the index after what was stored last;
 * <li>{@link #DEMO_ASTERISK}: the simulated Asterisk of demo mode (started before the connector, stopped after it);
 * <li>then the pool is closed and the embedded PostgreSQL stopped.
 * </ol>
 * A later phase may rely on the database and on the earlier phases having stopped.
 */
public final class LifecyclePhases {

	public static final int CALLBACK_ENGINE = SmartLifecycle.DEFAULT_PHASE - 3000;

	public static final int FASTAGI = SmartLifecycle.DEFAULT_PHASE - 3100;

	public static final int AMI_CONNECTOR = SmartLifecycle.DEFAULT_PHASE - 3200;

	public static final int RECORDING_COLLECTOR = SmartLifecycle.DEFAULT_PHASE - 3300;

	public static final int TRANSCRIPTION_WORKERS = SmartLifecycle.DEFAULT_PHASE - 3400;

	public static final int INDEX_FOLLOWER = SmartLifecycle.DEFAULT_PHASE - 3500;

	public static final int DEMO_ASTERISK = SmartLifecycle.DEFAULT_PHASE - 3600;

	private LifecyclePhases() {
	}

}
