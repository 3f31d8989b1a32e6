package io.callqa.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A fake Asterisk 22 Manager Interface on 127.0.0.1 for tests, benchmarks and the demo mode: real AMI clients log
 * into it (MD5 challenge), it answers the actions our connector uses (CoreShowChannels, QueueStatus, CoreStatus,
 * Originate, MixMonitor, Ping, CoreSettings, Command, Logoff) from a model of live channels and queues that follows
 * the events it plays, and it plays captured traces ({@link Scenario}) or scripted calls ({@link CallScript})
 * whose events follow the real traces, writing MixMonitor-like WAV files while they play.
 * <p>
 * Typical use: {@code AmiSimulator.start("ccadmin", "ccsecret").recordInto(dir)}, then
 * {@code play(CallScript.answered().waitFor(ofSeconds(20)).talkFor(ofSeconds(90)).startingAt(t0))}.
 */
public final class AmiSimulator implements AutoCloseable {

	private final ServerSocket server;

	private final AmiCredentials credentials;

	private final SimulatedAsterisk asterisk;

	private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();

	private final Object wire = new Object();

	private volatile double originateSpeed;

	private final AtomicInteger outbound = new AtomicInteger();

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "ami-simulator");
		thread.setDaemon(true);
		return thread;
	});

	private AmiSimulator(ServerSocket server, AmiCredentials credentials) {
		this.server = server;
		this.credentials = credentials;
		this.asterisk = new SimulatedAsterisk((call) -> this.threads.execute(() -> playCallback(call)));
	}

	/** Starts a simulator on an ephemeral port that accepts {@code username} with {@code secret}. */
	public static AmiSimulator start(String username, String secret) {
		return start(username, secret, 0);
	}

	/** Starts a simulator on {@code port} (0: any free port), e.g. 5038 for the demo mode. */
	public static AmiSimulator start(String username, String secret, int port) {
		try {
			ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
			AmiSimulator simulator = new AmiSimulator(server, new AmiCredentials(username, secret));
			simulator.threads.execute(simulator::acceptLoop);
			return simulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes recordings into {@code directory}: {@code <prefix>-<UNIQUEID>.wav} for every MixMonitor the played
	 * events start (and for MixMonitor actions), plus, if {@code perParty}, the {@code -agent.wav} /
	 * {@code -customer.wav} files the played dialplan names (MixMonitor's r() and t(), as in
	 * {@code telephony/asterisk/extensions.conf}: on the agent's channel once answered, and in {@code callback-out}).
	 * Without a directory, events name {@code /var/spool/asterisk/monitor} and no file is written.
	 */
	public AmiSimulator recordInto(@Nullable Path directory, boolean perParty) {
		this.asterisk.recordInto(directory, perParty);
		return this;
	}

	public AmiSimulator recordInto(Path directory) {
		return recordInto(directory, false);
	}

	/**
	 * Uniqueids as an Asterisk with {@code systemname} set in asterisk.conf makes them,
	 * {@code <systemname>-<epoch>.<sequence>}; null: plain {@code <epoch>.<sequence>} (the default).
	 */
	public AmiSimulator systemName(@Nullable String systemName) {
		this.asterisk.ids.systemName(systemName);
		return this;
	}

	/** Replaces the queues (default: {@link SimulatedQueue#defaults()}). */
	public AmiSimulator queues(List<SimulatedQueue> queues) {
		this.asterisk.queues.configure(queues);
		return this;
	}

	/** Decides per Originate how the callback goes; default: {@link OriginateOutcome#answered()} for all. */
	public AmiSimulator onOriginate(Function<ReceivedOriginate, OriginateOutcome> outcomes) {
		this.asterisk.onOriginate(outcomes);
		return this;
	}

	/** Plays Originate calls in real time divided by {@code speed} (demo); 0 (default) plays them instantly. */
	public AmiSimulator originatesInRealTime(double speed) {
		if (!(speed >= 0)) {
			throw new IllegalArgumentException("'speed' must not be negative");
		}
		this.originateSpeed = speed;
		return this;
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

	/** How many channels are alive according to the events played so far (what CoreShowChannels lists). */
	public int liveChannels() {
		return this.asterisk.channels.size();
	}

	/** When the simulated Asterisk (re)started, as CoreStatus reports it. */
	public Instant startedAt() {
		return this.asterisk.startedAt();
	}

	/** Sends every event of the scenario, in wire order, to every logged-in client. */
	public void play(Scenario scenario) {
		scenario.events().forEach(this::send);
	}

	/** Renders the script with fresh server-unique ids, without playing it (to pre-render a benchmark). */
	public RenderedCall render(CallScript script) {
		return this.asterisk.render(script);
	}

	/** Renders and plays the script at once (as fast as the sockets take it). */
	public RenderedCall play(CallScript script) {
		RenderedCall call = render(script);
		play(call);
		return call;
	}

	public void play(RenderedCall call) {
		play(call.scenario());
	}

	/**
	 * Renders and plays the script paced by its timestamps, in real time divided by {@code speed} (1: real time);
	 * blocks until the call's last event is sent.
	 */
	public RenderedCall playPaced(CallScript script, double speed) throws InterruptedException {
		RenderedCall call = render(script);
		playPaced(call.scenario(), speed);
		return call;
	}

	/**
	 * Plays an outbound call paced like {@link #playPaced(CallScript, double)}: {@code agent} calls {@code number}
	 * (the Originate our callback engine sends, without a callback request: the agent dialled on their own), the
	 * customer answers after 2 s and they talk {@code conversation}. Blocks until the call's last event is sent.
	 */
	public RenderedCall callOut(String agent, String number, Conversation conversation, double speed)
			throws InterruptedException {
		ReceivedOriginate request = new ReceivedOriginate("simulator-out-" + this.outbound.incrementAndGet(),
				"Local/" + agent + "@agents-callback", "callback-out", number, 1, "\"Support\" <100>",
				Duration.ofSeconds(30), Map.of("CALLQA_AGENT", agent));
		RenderedCall call = this.asterisk.callOut(request, conversation);
		playPaced(call.scenario(), speed);
		return call;
	}

	/**
	 * Plays pre-rendered calls one after the other, each written to the sockets as one block: the fastest way to
	 * push many events (benchmarks, the 10,000-event burst). Returns how many events were sent.
	 */
	public int playBurst(List<RenderedCall> calls) {
		int sent = 0;
		for (RenderedCall call : calls) {
			StringBuilder block = new StringBuilder(call.size() * 700);
			synchronized (this.wire) {
				for (AmiEvent event : call.scenario().events()) {
					this.asterisk.observe(event);
					block.append(event.wire());
				}
				broadcast(block.toString());
			}
			sent += call.size();
		}
		return sent;
	}

	/**
	 * Plays pre-rendered calls like {@link #playBurst} but spread to about {@code eventsPerSecond} (whole calls at a
	 * time), for a sustained-throughput benchmark. Returns how many events were sent.
	 */
	public int playAtRate(List<RenderedCall> calls, int eventsPerSecond) throws InterruptedException {
		if (eventsPerSecond <= 0) {
			throw new IllegalArgumentException("'eventsPerSecond' must be positive");
		}
		long started = System.nanoTime();
		int sent = 0;
		for (RenderedCall call : calls) {
			sent += playBurst(List.of(call));
			long dueNanos = started + sent * 1_000_000_000L / eventsPerSecond;
			long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000;
			if (waitMillis > 0) {
				Thread.sleep(waitMillis);
			}
		}
		return sent;
	}

	/** Sends raw text (malformed blocks, unknown events, ...) unchanged to every logged-in client. */
	public void inject(String raw) {
		synchronized (this.wire) {
			broadcast(raw);
		}
	}

	/** Closes every client connection, as an outage would; state is kept and reconnects are accepted. */
	public void dropConnections() {
		this.sessions.forEach(AmiSession::close);
		this.sessions.clear();
	}

	/**
	 * Simulates an Asterisk restart: connections drop, live channels and queue callers are forgotten (recordings in
	 * progress stay unfinished), Uniqueids start over in a new epoch and CoreStatus reports a new startup time.
	 */
	public void restart() {
		synchronized (this.wire) {
			dropConnections();
			this.asterisk.restart();
		}
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

	private void send(AmiEvent event) {
		synchronized (this.wire) {
			this.asterisk.observe(event);
			broadcast(event.wire());
		}
	}

	private void playPaced(Scenario scenario, double speed) throws InterruptedException {
		if (!(speed > 0)) {
			throw new IllegalArgumentException("'speed' must be positive");
		}
		long startedNanos = System.nanoTime();
		Instant first = null;
		for (AmiEvent event : scenario.events()) {
			Instant at = SimulatedAsterisk.timestampOf(event);
			first = (first != null) ? first : at;
			long dueNanos = startedNanos + (long) (Duration.between(first, at).toNanos() / speed);
			long waitNanos = dueNanos - System.nanoTime();
			if (waitNanos > 0) {
				Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
			}
			send(event);
		}
	}

	private void playCallback(RenderedCall call) {
		try {
			if (this.originateSpeed > 0) {
				playPaced(call.scenario(), this.originateSpeed);
			}
			else {
				play(call);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
		AmiSession session = new AmiSession(socket, this.credentials, this.asterisk);
		this.sessions.add(session);
		this.threads.execute(() -> {
			session.run();
			this.sessions.remove(session);
		});
	}

}
