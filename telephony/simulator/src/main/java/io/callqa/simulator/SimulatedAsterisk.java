package io.callqa.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The state of the simulated Asterisk process that actions read and played events change: live channels, queues,
 * recordings being written, id counters, startup time and how Originates turn out.
 */
final class SimulatedAsterisk {

	final SimulatorIds ids;

	final LiveChannels channels = new LiveChannels();

	final QueueModel queues = new QueueModel(SimulatedQueue.defaults());

	/**
	 * Held while events are written to the clients and while an action is answered, so that an action's reply and
	 * the events it causes reach every client in one order and the models change one event at a time.
	 */
	final Object wire = new Object();

	final FloorCalls floor;

	/** The last {@value #KEPT_ACTIONS} actions received (the demo mode runs for hours; Pings add up). */
	private final java.util.Deque<ReceivedAction> actions = new java.util.ArrayDeque<>();

	static final int KEPT_ACTIONS = 10_000;

	/** Every Originate received, in order. */
	final List<ReceivedOriginate> received = new CopyOnWriteArrayList<>();

	/** Plays one event: updates the models and writes it to every client (set by {@link AmiSimulator}). */
	private volatile Consumer<AmiEvent> out = (event) -> observe(event);

	private volatile MixMonitorFiles recordings = new MixMonitorFiles(null, false);

	private volatile Function<ReceivedOriginate, OriginateOutcome> originates = (request) -> OriginateOutcome
		.answered();

	private final Consumer<RenderedCall> player;

	private volatile Instant startedAt;

	private volatile Instant lastEventAt;

	private volatile long lastEventNanos = System.nanoTime();

	SimulatedAsterisk(Consumer<RenderedCall> player) {
		this.player = player;
		this.startedAt = Instant.now();
		this.lastEventAt = this.startedAt;
		this.ids = new SimulatorIds(this.startedAt.getEpochSecond());
		this.floor = new FloorCalls(this.ids, this.queues, this.channels);
	}

	void received(Map<String, String> action) {
		Map<String, String> headers = new LinkedHashMap<>(action);
		headers.remove("secret");
		headers.remove("key");
		ReceivedAction received = new ReceivedAction(action.getOrDefault("action", ""), headers);
		synchronized (this.actions) {
			this.actions.addLast(received);
			if (this.actions.size() > KEPT_ACTIONS) {
				this.actions.removeFirst();
			}
		}
	}

	List<ReceivedAction> actions() {
		synchronized (this.actions) {
			return List.copyOf(this.actions);
		}
	}

	void wireTo(Consumer<AmiEvent> out) {
		this.out = out;
	}

	/** Plays events the simulated Asterisk produces itself (after an action, a phone, a caller). */
	void emit(List<AmiEvent> events) {
		synchronized (this.wire) {
			events.forEach(this.out);
		}
	}

	Consumer<AmiEvent> out() {
		return this.out;
	}

	void recordInto(@Nullable Path directory, boolean perParty) {
		this.recordings = new MixMonitorFiles(directory, perParty);
	}

	void onOriginate(Function<ReceivedOriginate, OriginateOutcome> outcomes) {
		this.originates = outcomes;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	/** The simulator's clock: the scripted time of the last played event, advanced by the real time since. */
	Instant now() {
		return this.lastEventAt.plusNanos(System.nanoTime() - this.lastEventNanos);
	}

	/** The event as this Asterisk would send it now (see {@link QueueModel#current}). */
	AmiEvent current(AmiEvent event) {
		return this.queues.current(event);
	}

	/** Updates the models from one event about to be sent; events without Timestamp count as "now". */
	void observe(AmiEvent event) {
		Instant at = timestampOf(event);
		this.lastEventAt = at;
		this.lastEventNanos = System.nanoTime();
		this.channels.observe(event, at);
		this.queues.observe(event, at);
		this.recordings.observe(event, at);
	}

	static Instant timestampOf(AmiEvent event) {
		String timestamp = event.value("Timestamp");
		if (timestamp != null) {
			try {
				String[] parts = timestamp.split("\\.");
				long micros = (parts.length > 1) ? Long.parseLong((parts[1] + "000000").substring(0, 6)) : 0;
				return Instant.ofEpochSecond(Long.parseLong(parts[0]), micros * 1_000);
			}
			catch (NumberFormatException ex) {
				// A hand-injected bad timestamp: treat the event as happening now.
			}
		}
		return Instant.now();
	}

	RenderedCall render(CallScript script) {
		SimulatedQueue queue = this.queues.queue(script.queueName());
		RenderedCall call = InboundCall.render(script, queue, this.ids, this.recordings.directoryName(),
				Instant.now());
		Conversation conversation = script.conversationOrNull();
		if (conversation != null) {
			expect(call, conversation);
		}
		return call;
	}

	/** An outbound call as our callback engine would originate it, the customer answering after 2 s. */
	RenderedCall callOut(ReceivedOriginate request, Conversation conversation) {
		RenderedCall call = CallbackCall.render(request, OriginateOutcome.answered(conversation.length()), this.ids,
				this.recordings.directoryName(), Instant.now());
		expect(call, conversation);
		return call;
	}

	/** The call's recordings will hold the conversation from the moment the parties are bridged. */
	private void expect(RenderedCall call, Conversation conversation) {
		if (call.recordingFile() == null) {
			return;
		}
		Instant answered = call.scenario().events().stream()
			.filter((event) -> event.type().equals("BridgeEnter"))
			.map(SimulatedAsterisk::timestampOf)
			.findFirst()
			.orElse(call.start());
		String file = call.recordingFile();
		this.recordings.expect(file.substring(0, file.length() - ".wav".length()), conversation, answered);
	}

	/** Answers an Originate after its response went out: renders the callback call and plays it. */
	void originate(ReceivedOriginate request) {
		this.received.add(request);
		OriginateOutcome outcome = this.originates.apply(request);
		if (request.runsApplication()) {
			synchronized (this.wire) {
				this.floor.originateApplication(request, outcome, now(), this.out);
			}
			return;
		}
		this.player.accept(CallbackCall.render(request, outcome, this.ids, this.recordings.directoryName(),
				Instant.now()));
	}

	/**
	 * The Hangup action and the test API: a spy channel, a floor caller's channel or the member's channel of a
	 * floor call hangs up; false if the simulator cannot hang up {@code channel}.
	 */
	boolean hangUp(String channel) {
		synchronized (this.wire) {
			if (this.floor.hangUpSpy(channel, 0, now(), this.out)) {
				return true;
			}
			QueueCaller caller = this.floor.callerOf(channel);
			if (caller == null) {
				return false;
			}
			this.floor.hangUp(caller, this.floor.isAgentChannel(channel), now(), this.out);
			return true;
		}
	}

	/** Events that follow a played one on their own: a ChanSpy with option E ends when its spied-on channel does. */
	void followUp(AmiEvent event) {
		if (event.type().equals("Hangup")) {
			String channel = event.value("Channel");
			if (channel != null) {
				this.floor.spiedChannelHungUp(channel, now(), this.out);
			}
		}
	}

	/** The MixMonitor action: records the live channel until it hangs up; false if there is no such channel. */
	boolean mixMonitor(String channel, String file, String options) {
		String uniqueid = this.channels.channelUniqueid(channel);
		if (uniqueid == null) {
			return false;
		}
		this.recordings.start(uniqueid, file, option(options, 'r'), option(options, 't'), now());
		return true;
	}

	/** Asterisk restarted: calls in progress are gone, ids start over in a new epoch, startup time is now. */
	void restart() {
		this.channels.clear();
		this.queues.reset();
		this.floor.clear();
		this.recordings.abandonAll();
		this.ids.restart(Instant.now().getEpochSecond());
		// A later second than before, so CoreStatus always shows that a restart happened.
		this.startedAt = Instant.ofEpochSecond(this.ids.bootSecond());
		this.lastEventAt = Instant.now();
		this.lastEventNanos = System.nanoTime();
	}

	/** The file name of a MixMonitor option such as {@code r(/path/in.wav)}, or null. */
	static @Nullable String option(String options, char name) {
		Matcher matcher = Pattern.compile(name + "\\(([^)]*)\\)").matcher(options);
		return matcher.find() ? matcher.group(1) : null;
	}

	static Map<String, String> variables(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return Map.of();
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (String pair : header.split(",")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				variables.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
			}
		}
		return variables;
	}

	static Duration millis(@Nullable String value) {
		try {
			return Duration.ofMillis((value != null) ? Long.parseLong(value.trim()) : 30_000);
		}
		catch (NumberFormatException ex) {
			return Duration.ofSeconds(30);
		}
	}


}
