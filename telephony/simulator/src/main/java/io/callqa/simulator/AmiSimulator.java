package io.callqa.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
 * The live floor: QueueSummary, QueuePause (with a reason), QueueAdd, QueueRemove, Hangup and Originate of an
 * application (ChanSpy) are answered as Asterisk 22 does, and tests drive phones ({@link #deviceState}), pauses from
 * the phone ({@link #pauseMember}), callers ({@link #callerJoins}, {@link #answer}, {@link #hangUp}) and supervisors'
 * spy channels ({@link #spies}, {@link #hangUpSpy}); {@link SimulatedQueue#generated} with {@link #callersJoin} and
 * {@link #deviceStates} load a floor of hundreds of agents at once.
 * <p>
 * Typical use: {@code AmiSimulator.start("ccadmin", "ccsecret").recordInto(dir)}, then
 * {@code play(CallScript.answered().waitFor(ofSeconds(20)).talkFor(ofSeconds(90)).startingAt(t0))}.
 */
public final class AmiSimulator implements AutoCloseable {

	private final ServerSocket server;

	private final AmiCredentials credentials;

	private final SimulatedAsterisk asterisk;

	private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();

	private final Object wire;

	private volatile double originateSpeed;

	/** Open (count 0) except during an {@link #outage()}. */
	private volatile CountDownLatch gate = new CountDownLatch(0);

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
		this.wire = this.asterisk.wire;
		this.asterisk.wireTo(this::send);
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
				for (AmiEvent played : call.scenario().events()) {
					AmiEvent event = this.asterisk.current(played);
					this.asterisk.observe(event);
					block.append(event.wire());
				}
				broadcast(block.toString());
				call.scenario().events().forEach(this.asterisk::followUp);
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
	 * An outage you end: every client connection is closed and clients that connect meanwhile get no banner until
	 * {@link Outage#close()}, so changes made in between (pauses, callers...) reach no client and only a resync on
	 * reconnect (QueueStatus, CoreShowChannels) can find them. Keep it short (Asterisk-Java waits about 2 s for a
	 * banner, then reconnects again):
	 * {@code try (AmiSimulator.Outage outage = simulator.outage()) { simulator.pauseMember(...); }}
	 */
	public Outage outage() {
		CountDownLatch gate = new CountDownLatch(1);
		this.gate = gate;
		dropConnections();
		return new Outage(gate);
	}

	/** An outage in progress: {@link #close()} lets clients in again. */
	public static final class Outage implements AutoCloseable {

		private final CountDownLatch gate;

		private Outage(CountDownLatch gate) {
			this.gate = gate;
		}

		@Override
		public void close() {
			this.gate.countDown();
		}

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

	// ----- The live floor: members, callers, supervisors (events as Asterisk 22 sends them, see QueueModel) -----

	/**
	 * A phone's device state changes ({@code device}: a member's state interface such as {@code PJSIP/1001}):
	 * QueueMemberStatus for each queue it is a member of, DeviceStateChange, and the queues' availability.
	 */
	public void deviceState(String device, DeviceState state) {
		synchronized (this.wire) {
			this.asterisk.emit(this.asterisk.queues.deviceState(device, state, this.asterisk.now()));
		}
	}

	/**
	 * Many device state changes written to the sockets as one block (benchmarks: e.g. 500 phones at once). Returns
	 * how many events were sent.
	 */
	public int deviceStates(Map<String, DeviceState> states) {
		StringBuilder block = new StringBuilder(states.size() * 900);
		int sent = 0;
		synchronized (this.wire) {
			for (Map.Entry<String, DeviceState> change : states.entrySet()) {
				for (AmiEvent event : this.asterisk.queues.deviceState(change.getKey(), change.getValue(),
						this.asterisk.now())) {
					this.asterisk.observe(event);
					block.append(event.wire());
					sent++;
				}
			}
			broadcast(block.toString());
		}
		return sent;
	}

	/**
	 * The member pauses or unpauses from their phone (PauseQueueMember / UnpauseQueueMember in the dialplan): the
	 * same events as the QueuePause action; {@code queue} null: every queue of {@code iface}. Returns false (and
	 * sends nothing) if {@code iface} is a member of no such queue.
	 */
	public boolean pauseMember(String iface, @Nullable String queue, boolean paused, @Nullable String reason) {
		synchronized (this.wire) {
			QueueModel.Outcome outcome = this.asterisk.queues.pause(iface, queue, paused, reason, this.asterisk.now());
			this.asterisk.emit(outcome.events());
			return outcome.success();
		}
	}

	/** AddQueueMember from the dialplan: the same events as the QueueAdd action; false if not added. */
	public boolean addMember(String queue, String iface, String memberName, boolean paused, @Nullable String reason) {
		synchronized (this.wire) {
			QueueModel.Outcome outcome = this.asterisk.queues.add(queue, iface, memberName, 0, paused, reason, null,
					this.asterisk.now());
			this.asterisk.emit(outcome.events());
			return outcome.success();
		}
	}

	/** RemoveQueueMember from the dialplan: the same events as the QueueRemove action; false if not removed. */
	public boolean removeMember(String queue, String iface) {
		synchronized (this.wire) {
			QueueModel.Outcome outcome = this.asterisk.queues.remove(queue, iface, this.asterisk.now());
			this.asterisk.emit(outcome.events());
			return outcome.success();
		}
	}

	/** A caller (on channel {@code PJSIP/trunk-<n>}) joins {@code queue}: Newchannel, Newstate, QueueCallerJoin. */
	public QueueCaller callerJoins(String queue, String callerNumber, String callerName) {
		synchronized (this.wire) {
			return this.asterisk.floor.join(queue, callerNumber, callerName, this.asterisk.now(), this::send);
		}
	}

	/**
	 * {@code count} callers join, spread round-robin over {@code queues}, numbers {@code 5550000}, {@code 5550001}...,
	 * written to the sockets as one block (benchmarks).
	 */
	public List<QueueCaller> callersJoin(List<String> queues, int count) {
		List<QueueCaller> callers = new ArrayList<>(count);
		StringBuilder block = new StringBuilder(count * 1500);
		synchronized (this.wire) {
			for (int i = 0; i < count; i++) {
				callers.add(this.asterisk.floor.join(queues.get(i % queues.size()), String.valueOf(5550000 + i),
						"Caller " + (i + 1), this.asterisk.now(), (event) -> {
							this.asterisk.observe(event);
							block.append(event.wire());
						}));
			}
			broadcast(block.toString());
		}
		return callers;
	}

	/**
	 * The waiting caller hangs up: QueueCallerAbandon, QueueCallerLeave, Hangup (and a member's phone ringing for
	 * them stops).
	 */
	public void callerAbandons(QueueCaller caller) {
		synchronized (this.wire) {
			this.asterisk.floor.abandon(caller, this.asterisk.now(), this::send);
		}
	}

	/** The waiting caller leaves the queue without hanging up (QueueCallerLeave); {@link #hangUp} ends the call. */
	public void callerLeaves(QueueCaller caller) {
		synchronized (this.wire) {
			this.asterisk.floor.leave(caller, this.asterisk.now(), this::send);
		}
	}

	/**
	 * The queue rings member {@code memberName} for the waiting caller: AgentCalled and the member's phone ringing
	 * (QueueMemberStatus 6 and DeviceStateChange RINGING for a phone). Returns the member's channel, e.g.
	 * {@code PJSIP/1001-0000002a}.
	 */
	public String ring(QueueCaller caller, String memberName) {
		synchronized (this.wire) {
			return this.asterisk.floor.ring(caller, memberName, this.asterisk.now(), this::send);
		}
	}

	/**
	 * The ringing member does not answer: AgentRingNoAnswer, the member's channel hangs up and the phone is free;
	 * the caller keeps waiting (ring another member, or the same again).
	 */
	public void ringNoAnswer(QueueCaller caller) {
		synchronized (this.wire) {
			this.asterisk.floor.ringNoAnswer(caller, this.asterisk.now(), this::send);
		}
	}

	/** The ringing member answers: QueueCallerLeave, AgentConnect (DestChannel: the member's channel), bridge. */
	public void connect(QueueCaller caller) {
		synchronized (this.wire) {
			this.asterisk.floor.connect(caller, this.asterisk.now(), this::send);
		}
	}

	/** {@link #ring} then {@link #connect}: member {@code memberName} answers the caller. Returns the member's channel. */
	public String answer(QueueCaller caller, String memberName) {
		synchronized (this.wire) {
			String channel = ring(caller, memberName);
			connect(caller);
			return channel;
		}
	}

	/**
	 * The call ends: answered, AgentComplete (Reason {@code agent} if {@code byAgent}, else {@code caller}), both
	 * channels hang up, the member's phone is free again; still waiting, the caller abandons.
	 */
	public void hangUp(QueueCaller caller, boolean byAgent) {
		synchronized (this.wire) {
			this.asterisk.floor.hangUp(caller, byAgent, this.asterisk.now(), this::send);
		}
	}

	/**
	 * The actions received from all clients, oldest first (the last 10,000), e.g. to check that a QueuePause with
	 * its Reason reached the server: {@code actions().stream().filter((action) -> action.is("QueuePause"))}.
	 */
	public List<ReceivedAction> actions() {
		return this.asterisk.actions();
	}

	/** Every Originate received so far (dialplan and application ones), in order. */
	public List<ReceivedOriginate> originates() {
		return List.copyOf(this.asterisk.received);
	}

	/** The supervisors' channels running ChanSpy (or another originated application) now. */
	public List<SpyChannel> spies() {
		return this.asterisk.floor.spies();
	}

	/** The supervisor hangs up the spy channel {@code channel}: ChanSpyStop, Hangup. False if there is none. */
	public boolean hangUpSpy(String channel) {
		synchronized (this.wire) {
			return this.asterisk.floor.hangUpSpy(channel, 16, this.asterisk.now(), this::send);
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

	private void send(AmiEvent played) {
		synchronized (this.wire) {
			AmiEvent event = this.asterisk.current(played);
			this.asterisk.observe(event);
			broadcast(event.wire());
			this.asterisk.followUp(event);
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
		CountDownLatch outage = this.gate;
		AmiSession session = new AmiSession(socket, this.credentials, this.asterisk);
		this.sessions.add(session);
		this.threads.execute(() -> {
			try {
				// During an outage() the connection is up but Asterisk "does not answer" yet.
				outage.await();
				session.run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				session.close();
			}
			finally {
				this.sessions.remove(session);
			}
		});
	}

}
