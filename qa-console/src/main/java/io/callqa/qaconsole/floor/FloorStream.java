package io.callqa.qaconsole.floor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import io.callqa.telephony.FloorChanges;
import io.callqa.telephony.FloorSnapshot;
import io.callqa.telephony.LiveFloor;
import io.callqa.telephony.Spy;

/**
 * The wallboards' Server-Sent Events ({@code GET /api/floor/stream}). One pusher thread, woken by the live floor's
 * listener, at most every {@code callqa.floor.stream.min-interval} (250 ms) asks the floor once for what changed,
 * serializes it once per audience (staff, wallboard without callers) and writes the same bytes to every client. Events:
 * {@code snapshot} first (a {@link FloorView}), then {@code changes} ({@link FloorChanges}), {@code today}
 * ({@link FloorToday}, every time the figures are computed) and {@code thresholds}; a comment line every
 * {@code heartbeat} (15 s). Nothing here reads the database per client.
 */
@Component
class FloorStream implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FloorStream.class);

	private final LiveFloor floor;

	private final TodaysFigures today;

	private final WallboardThresholds thresholds;

	private final JsonMapper json;

	private final WallboardProperties.Stream settings;

	private final List<StreamClient> clients = new CopyOnWriteArrayList<>();

	private final Queue<StreamClient> joining = new ConcurrentLinkedQueue<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition woken = this.lock.newCondition();

	private boolean wake;

	private final AtomicReference<@Nullable FloorToday> newFigures = new AtomicReference<>();

	private final AtomicBoolean thresholdsChanged = new AtomicBoolean();

	private final AtomicLong pushes = new AtomicLong();

	private final AtomicLong bytesWritten = new AtomicLong();

	private volatile boolean running;

	private volatile @Nullable Thread pusher;

	private long version = -1;

	private List<Spy> spies = List.of();

	FloorStream(LiveFloor floor, TodaysFigures today, WallboardThresholds thresholds, JsonMapper json,
			WallboardProperties properties) {
		this.floor = floor;
		this.today = today;
		this.thresholds = thresholds;
		this.json = json;
		this.settings = properties.stream();
	}

	/** Takes the request over as a stream; answers a 503 problem when {@code max-clients} are connected. */
	void connect(HttpServletRequest request, HttpServletResponse response, FloorAudience audience)
			throws IOException {
		if (!this.running || this.clients.size() + this.joining.size() >= this.settings.maxClients()) {
			problem(response, HttpStatus.SERVICE_UNAVAILABLE, "Too many wallboards",
					"At most " + this.settings.maxClients() + " wallboards may be connected at once; try again later",
					request.getRequestURI());
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/event-stream");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-cache, no-store");
		// Proxies (nginx) would otherwise hold the events back in their buffer.
		response.setHeader("X-Accel-Buffering", "no");
		// Commits the headers through the security filters' wrappers before the pusher writes to the raw response.
		response.flushBuffer();
		AsyncContext async = request.startAsync();
		async.setTimeout(0);
		StreamClient client = new StreamClient(async, audience, this.settings.maxBacklog(), this.clients::remove);
		client.start();
		this.joining.add(client);
		wake();
	}

	private void problem(HttpServletResponse response, HttpStatus status, String title, String detail,
			String instance) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(java.net.URI.create(instance));
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

	int clients() {
		return this.clients.size() + this.joining.size();
	}

	/** Pushes sent (any event but the heartbeat), bytes written to all clients together, CPU time of the pusher. */
	record PushFigures(long pushes, long bytes, long pusherCpuNanos) {
	}

	PushFigures figures() {
		Thread thread = this.pusher;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu = (thread != null) ? threads.getThreadCpuTime(thread.getId()) : 0;
		return new PushFigures(this.pushes.get(), this.bytesWritten.get(), cpu);
	}

	/** The live floor's listener: on the connector's thread, so it only sets a flag and signals. */
	private void wake() {
		this.lock.lock();
		try {
			this.wake = true;
			this.woken.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.floor.addListener(this::wake);
		this.today.addListener((figures) -> {
			this.newFigures.set(figures);
			wake();
		});
		this.thresholds.addListener(() -> {
			this.thresholdsChanged.set(true);
			wake();
		});
		Thread thread = new Thread(this::pushUntilStopped, "floor-push");
		thread.setDaemon(true);
		this.pusher = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		wake();
		Thread thread = this.pusher;
		if (thread != null) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// Wallboards reconnect by themselves; open streams would hold up the web server's graceful stop.
		this.joining.forEach(StreamClient::close);
		this.clients.forEach(StreamClient::close);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the web server's graceful stop (which would wait for the open streams). */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	private void pushUntilStopped() {
		long minInterval = this.settings.minInterval().toNanos();
		long heartbeat = this.settings.heartbeat().toNanos();
		long lastPush = System.nanoTime() - minInterval;
		long lastHeartbeat = System.nanoTime();
		while (this.running) {
			try {
				awaitWake(lastHeartbeat + heartbeat);
				long sinceLast = System.nanoTime() - lastPush;
				if (sinceLast < minInterval) {
					// Coalesce: the events of the next few milliseconds go out in the same push.
					TimeUnit.NANOSECONDS.sleep(minInterval - sinceLast);
				}
				if (push()) {
					lastPush = System.nanoTime();
				}
				if (System.nanoTime() - lastHeartbeat >= heartbeat) {
					broadcast(": heartbeat\n\n".getBytes(StandardCharsets.UTF_8), null);
					lastHeartbeat = System.nanoTime();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// A client is never left behind silently: on a failure every client starts again from a snapshot.
				logger.warn("Pushing the live floor failed; every wallboard gets a new snapshot: {}", ex.toString());
				this.clients.forEach(StreamClient::close);
			}
		}
	}

	private void awaitWake(long heartbeatAt) throws InterruptedException {
		this.lock.lock();
		try {
			while (!this.wake && this.running) {
				long wait = heartbeatAt - System.nanoTime();
				if (wait <= 0) {
					return;
				}
				this.woken.awaitNanos(wait);
			}
			this.wake = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** One round: changes to those connected, then a snapshot to those who joined, then figures and thresholds. */
	private boolean push() {
		boolean pushed = false;
		if (this.version >= 0 && !this.clients.isEmpty()) {
			FloorChanges changes = this.floor.changesSince(this.version);
			if (!changes.isEmpty() || !changes.spies().equals(this.spies)) {
				Map<FloorAudience, byte[]> frames = new EnumMap<>(FloorAudience.class);
				frames.put(FloorAudience.STAFF, frame("changes", changes));
				frames.put(FloorAudience.WALLBOARD, frame("changes", WallboardRedaction.changes(changes)));
				broadcast(null, frames);
				this.spies = changes.spies();
				pushed = true;
			}
			this.version = changes.version();
		}
		if (!this.joining.isEmpty()) {
			join();
			pushed = true;
		}
		FloorToday figures = this.newFigures.getAndSet(null);
		if (figures != null && !this.clients.isEmpty()) {
			broadcast(frame("today", figures), null);
			pushed = true;
		}
		if (this.thresholdsChanged.getAndSet(false) && !this.clients.isEmpty()) {
			broadcast(frame("thresholds", this.thresholds.current()), null);
			pushed = true;
		}
		if (pushed) {
			this.pushes.incrementAndGet();
		}
		return pushed;
	}

	private void join() {
		FloorSnapshot snapshot = this.floor.snapshot();
		WallboardThresholds.Thresholds levels = this.thresholds.current();
		FloorToday figures = this.today.current();
		Map<FloorAudience, byte[]> frames = new EnumMap<>(FloorAudience.class);
		// retry: the browser reconnects 2 s after a drop (and gets a new snapshot).
		frames.put(FloorAudience.STAFF, concat("retry: 2000\n", frame("snapshot", new FloorView(snapshot, levels,
				figures))));
		frames.put(FloorAudience.WALLBOARD, concat("retry: 2000\n",
				frame("snapshot", new FloorView(WallboardRedaction.snapshot(snapshot), levels, figures))));
		if (this.clients.isEmpty()) {
			this.version = snapshot.version();
			this.spies = snapshot.spies();
		}
		// Otherwise the round goes on from the connected clients' version: those joining now may get a change they
		// already have in the snapshot once more, which the page applies by version.
		StreamClient client;
		while ((client = this.joining.poll()) != null) {
			this.clients.add(client);
			byte[] first = frames.get(client.audience());
			this.bytesWritten.addAndGet(first.length);
			client.send(first);
		}
	}

	private void broadcast(byte @Nullable [] same, @Nullable Map<FloorAudience, byte[]> perAudience) {
		for (StreamClient client : this.clients) {
			byte[] frame = (same != null) ? same : perAudience.get(client.audience());
			this.bytesWritten.addAndGet(frame.length);
			client.send(frame);
		}
	}

	private byte[] frame(String event, Object data) {
		byte[] body = this.json.writeValueAsBytes(data);
		byte[] head = ("event: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8);
		byte[] frame = new byte[head.length + body.length + 2];
		System.arraycopy(head, 0, frame, 0, head.length);
		System.arraycopy(body, 0, frame, head.length, body.length);
		frame[frame.length - 2] = '\n';
		frame[frame.length - 1] = '\n';
		return frame;
	}

	private static byte[] concat(String prefix, byte[] frame) {
		byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + frame.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(frame, 0, all, head.length, frame.length);
		return all;
	}

}
