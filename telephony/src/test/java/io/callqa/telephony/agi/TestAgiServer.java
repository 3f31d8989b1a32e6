package io.callqa.telephony.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * A real {@link DefaultAgiServer} on a free loopback port, started on its own thread and ready once constructed,
 * serving our scripts as the application's {@link FastAgiServer} does (for tests of scripts outside {@code agi}).
 */
public final class TestAgiServer extends DefaultAgiServer {

	public static final String HOST = "127.0.0.1";

	private final CountDownLatch bound = new CountDownLatch(1);

	private TestAgiServer(Map<String, AgiScript> scripts) {
		super(mapping(scripts));
	}

	/**
	 * Starts a server serving the given scripts by name and waits until it listens.
	 */
	public static TestAgiServer start(Map<String, FastAgiScript> scripts) throws Exception {
		Map<String, AgiScript> served = new HashMap<>();
		scripts.forEach((name, script) -> served.put(name, FastAgiServer.served(script)));
		TestAgiServer server = new TestAgiServer(served);
		server.setPort(freePort());
		server.setAddress(InetAddress.getByName(HOST));
		Thread thread = new Thread(server::serve, "fastagi-server");
		thread.setDaemon(true);
		thread.start();
		if (!server.bound.await(5, TimeUnit.SECONDS)) {
			throw new IllegalStateException("FastAGI server did not bind");
		}
		return server;
	}

	private void serve() {
		try {
			startup();
		}
		catch (IOException ex) {
			// Already logged by the server; start() then fails on the bound latch.
		}
	}

	@Override
	protected ServerSocketFacade createServerSocket() throws IOException {
		ServerSocketFacade socket = super.createServerSocket();
		this.bound.countDown();
		return socket;
	}

	private static SimpleMappingStrategy mapping(Map<String, AgiScript> scripts) {
		SimpleMappingStrategy mapping = new SimpleMappingStrategy();
		mapping.setMappings(scripts);
		return mapping;
	}

	private static int freePort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
