package io.callqa.telephony.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake Asterisk Manager Interface on 127.0.0.1 that real AMI clients log into and that replays captured traces.
 */
public final class AmiSimulator implements AutoCloseable {

	private final ServerSocket server;

	private final AmiCredentials credentials;

	private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "ami-simulator");
		thread.setDaemon(true);
		return thread;
	});

	private AmiSimulator(ServerSocket server, AmiCredentials credentials) {
		this.server = server;
		this.credentials = credentials;
	}

	/** Starts a simulator on an ephemeral port that accepts {@code username} with {@code secret}. */
	public static AmiSimulator start(String username, String secret) {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			AmiSimulator simulator = new AmiSimulator(server, new AmiCredentials(username, secret));
			simulator.threads.execute(simulator::acceptLoop);
			return simulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The TCP port clients connect to. */
	public int port() {
		return this.server.getLocalPort();
	}

	/** How many connected clients have logged in. */
	public int loggedInClients() {
		return (int) this.sessions.stream().filter(AmiSession::isLoggedIn).count();
	}

	/** Waits until at least {@code count} clients are logged in; returns whether they were within {@code timeout}. */
	public boolean awaitLoggedInClients(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (loggedInClients() < count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		return loggedInClients() >= count;
	}

	/** Sends every event of the scenario, in wire order, to every logged-in client. */
	public void play(Scenario scenario) {
		for (AmiEvent event : scenario.events()) {
			broadcast(event.wire());
		}
	}

	/** Sends raw text (malformed blocks, unknown events, ...) unchanged to every logged-in client. */
	public void inject(String raw) {
		broadcast(raw);
	}

	/** Closes every client connection, as an Asterisk restart or an outage would; reconnects are accepted. */
	public void dropConnections() {
		this.sessions.forEach(AmiSession::close);
		this.sessions.clear();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Nothing to do: the port is released either way.
		}
		dropConnections();
		this.threads.shutdownNow();
	}

	private void broadcast(String text) {
		this.sessions.stream().filter(AmiSession::isLoggedIn).forEach((session) -> session.write(text));
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				accept(this.server.accept());
			}
			catch (IOException ex) {
				// The server socket was closed by close(); the loop condition ends the thread.
			}
		}
	}

	private void accept(Socket socket) throws IOException {
		AmiSession session = new AmiSession(socket, this.credentials);
		this.sessions.add(session);
		this.threads.execute(() -> {
			session.run();
			this.sessions.remove(session);
		});
	}

}
