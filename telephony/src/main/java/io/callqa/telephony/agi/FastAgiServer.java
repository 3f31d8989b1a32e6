package io.callqa.telephony.agi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import io.callqa.telephony.LifecyclePhases;

/**
 * Asterisk-Java's {@link DefaultAgiServer} as a lifecycle bean: every {@link FastAgiScript} bean is served under its
 * bean name. Scripts are shared by all calls, so they must be thread-safe.
 */
class FastAgiServer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FastAgiServer.class);

	private static final long BIND_WAIT_SECONDS = 5;

	private final AgiProperties properties;

	private final Supplier<Map<String, FastAgiScript>> scripts;

	private volatile @Nullable ListeningServer server;

	FastAgiServer(AgiProperties properties, Supplier<Map<String, FastAgiScript>> scripts) {
		this.properties = properties;
		this.scripts = scripts;
	}

	@Override
	public void start() {
		Map<String, AgiScript> mapped = new LinkedHashMap<>();
		this.scripts.get().forEach((name, script) -> mapped.put(name, served(script)));
		SimpleMappingStrategy mapping = new SimpleMappingStrategy();
		mapping.setMappings(mapped);
		ListeningServer listening = new ListeningServer(mapping);
		listening.setAddress(this.properties.bindAddress());
		listening.setPort(this.properties.port());
		listening.setMaximumPoolSize(this.properties.maxCalls());
		Thread thread = new Thread(() -> listening.run(this.properties), "fastagi-server");
		thread.setDaemon(true);
		thread.start();
		this.server = listening;
		logger.info("FastAGI server on {}:{} serves scripts {}", this.properties.bindAddress().getHostAddress(),
				this.properties.port(), mapped.keySet());
		listening.awaitBound();
	}

	@Override
	public void stop() {
		ListeningServer listening = this.server;
		this.server = null;
		if (listening != null) {
			listening.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.FASTAGI;
	}

	/** Whether the server listens on its port now (false after a failed bind). */
	public boolean isListening() {
		ListeningServer listening = this.server;
		return listening != null && listening.bound.getCount() == 0 && !listening.failed;
	}

	/** A script as Asterisk-Java's server runs it (for tests that run that server themselves). */
	public static AgiScript served(FastAgiScript script) {
		return AsteriskJavaAgiCall.serving(script);
	}

	/** The script names served, for diagnostics. */
	public Set<String> scriptNames() {
		return this.scripts.get().keySet();
	}

	/**
	 * A {@link DefaultAgiServer} that reports when it listens, since {@code startup()} blocks until shutdown.
	 */
	private static final class ListeningServer extends DefaultAgiServer {

		private final CountDownLatch bound = new CountDownLatch(1);

		private volatile boolean failed;

		ListeningServer(SimpleMappingStrategy mapping) {
			super(mapping);
		}

		@Override
		protected ServerSocketFacade createServerSocket() throws IOException {
			ServerSocketFacade socket = super.createServerSocket();
			this.bound.countDown();
			return socket;
		}

		void run(AgiProperties properties) {
			try {
				startup();
			}
			catch (IOException | RuntimeException ex) {
				// A busy port must not take the whole server down: calls and callbacks still work without AGI.
				this.failed = true;
				this.bound.countDown();
				logger.error("FastAGI server could not listen on {}:{}: {}", properties.bindAddress().getHostAddress(),
						properties.port(), ex.toString());
			}
		}

		void awaitBound() {
			try {
				this.bound.await(BIND_WAIT_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
