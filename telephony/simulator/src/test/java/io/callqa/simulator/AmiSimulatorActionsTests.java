package io.callqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.CoreStatusResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tests for the actions {@link AmiSimulator} answers, its scripted calls and recordings, driven by the real
 * Asterisk-Java 3.42.2 client over TCP.
 */
class AmiSimulatorActionsTests {

	private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

	private static final Duration SETTLED = Duration.ofMillis(250);

	private final EventRecorder recorder = new EventRecorder();

	@TempDir
	Path recordings;

	private AmiSimulator simulator;

	private ManagerConnection connection;

	@BeforeEach
	void connect() throws Exception {
		this.simulator = AmiSimulator.start("ccadmin", "ccsecret").recordInto(this.recordings);
		this.connection = new ManagerConnectionFactory("127.0.0.1", this.simulator.port(), "ccadmin", "ccsecret")
			.createManagerConnection();
		this.connection.addEventListener(this.recorder);
		this.connection.login();
		assertThat(this.recorder.await(FullyBootedEvent.class, Duration.ofSeconds(2))).isTrue();
		this.recorder.clear();
	}

	@AfterEach
	void close() {
		if (this.connection.getState() == ManagerConnectionState.CONNECTED) {
			this.connection.logoff();
		}
		this.simulator.close();
	}

	@Test
	void coreShowChannelsWhenCallIsBridgedShouldListItsFourChannels() throws Exception {
		RenderedCall call = this.simulator.render(CallScript.answered().startingAt(T0));
		this.simulator.play(until(call, "AgentConnect", 6));
		ResponseEvents answer = this.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 2_000);
		List<CoreShowChannelEvent> channels = events(answer, CoreShowChannelEvent.class);
		assertThat(channels).hasSize(4).allSatisfy((channel) -> assertThat(channel.getLinkedid()).isEqualTo(call.linkedid()));
		assertThat(channels).filteredOn((channel) -> !channel.getBridgeid().isEmpty()).hasSize(2);
		assertThat(events(answer, CoreShowChannelsCompleteEvent.class)).singleElement()
			.satisfies((complete) -> assertThat(complete.getListitems()).isEqualTo(4));
	}

	@Test
	void coreShowChannelsWhenCallEndedShouldListNothing() throws Exception {
		this.simulator.play(CallScript.answered().startingAt(T0));
		ResponseEvents answer = this.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 2_000);
		assertThat(events(answer, CoreShowChannelEvent.class)).isEmpty();
		assertThat(this.simulator.liveChannels()).isZero();
	}

	@Test
	void queueStatusWhenAgentTalksAndCallerWaitsShouldReportMembersAndEntry() throws Exception {
		this.simulator.play(until(this.simulator.render(CallScript.answered().agents("agent1").startingAt(T0)),
				"AgentConnect", 6));
		RenderedCall waiting = this.simulator.render(CallScript.abandoned().caller("5550177", "Eve Waiting"));
		this.simulator.play(until(waiting, "QueueCallerJoin", 1));
		ResponseEvents answer = this.connection.sendEventGeneratingAction(new QueueStatusAction(), 2_000);
		assertThat(events(answer, QueueParamsEvent.class)).extracting(QueueParamsEvent::getQueue)
			.containsExactly("support", "sales");
		assertThat(events(answer, QueueMemberEvent.class)).hasSize(4)
			.filteredOn((member) -> member.getName().equals("agent1"))
			.singleElement()
			.satisfies((member) -> {
				assertThat(member.getLocation()).isEqualTo("Local/agent1@agents/n");
				assertThat(member.getIncall()).isEqualTo(1);
				assertThat(member.getStatus()).isEqualTo(2);
			});
		assertThat(events(answer, QueueEntryEvent.class)).singleElement()
			.satisfies((entry) -> assertThat(entry.getQueue()).isEqualTo("sales"));
		assertThat(events(answer, QueueStatusCompleteEvent.class)).hasSize(1);
	}

	@Test
	void coreStatusWhenRestartedShouldReportNewStartupTimeAndNoCalls() throws Exception {
		this.simulator.play(until(this.simulator.render(CallScript.answered()), "AgentConnect", 0));
		CoreStatusResponse before = (CoreStatusResponse) this.connection.sendAction(new CoreStatusAction(), 2_000);
		assertThat(before.getCoreCurrentCalls()).isEqualTo(1);
		this.simulator.restart();
		assertThat(this.recorder.await(ConnectEvent.class, Duration.ofSeconds(15))).isTrue();
		CoreStatusResponse after = (CoreStatusResponse) this.connection.sendAction(new CoreStatusAction(), 2_000);
		assertThat(after.getCoreStartupDate() + " " + after.getCoreStartupTime())
			.isNotEqualTo(before.getCoreStartupDate() + " " + before.getCoreStartupTime());
		assertThat(after.getCoreCurrentCalls()).isZero();
		ResponseEvents channels = this.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 2_000);
		assertThat(events(channels, CoreShowChannelEvent.class)).isEmpty();
	}

	@Test
	void restartWhenCallsFollowShouldUseANewUniqueidEpoch() {
		String before = this.simulator.render(CallScript.answered().startingAt(T0)).linkedid();
		this.simulator.restart();
		String after = this.simulator.render(CallScript.answered().startingAt(T0)).linkedid();
		assertThat(Long.parseLong(after.split("\\.")[0])).isGreaterThan(Long.parseLong(before.split("\\.")[0]));
		assertThat(after).endsWith(".0");
	}

	@Test
	void originateWhenAnsweredShouldSendResponseEventThenTheCallbackCall() throws Exception {
		ResponseEvents answer = this.connection.sendEventGeneratingAction(originate("5550199"), 5_000);
		OriginateResponseEvent response = events(answer, OriginateResponseEvent.class).get(0);
		assertThat(answer.getResponse().getMessage()).isEqualTo("Originate successfully queued");
		assertThat(response.getResponse()).isEqualTo("Success");
		assertThat(response.getReason()).isEqualTo(4);
		assertThat(response.getChannel()).startsWith("Local/agent1@agents-callback-").endsWith(";1");
		// The call's events follow the response from the simulator's own thread; its four hang-ups end it.
		assertThat(this.recorder.await(HangupEvent.class, 4, Duration.ofSeconds(5))).isTrue();
		assertThat(variables()).contains("CALLBACK_ID=42", "DIALSTATUS=ANSWER");
		assertThat(this.recorder.events(HangupEvent.class)).hasSize(4);
		assertThat(this.recordings.resolve("callback-" + response.getUniqueId() + ".wav")).exists();
	}

	@Test
	void originateWhenOutcomesAreChosenPerNumberShouldReportEachLikeAsterisk() throws Exception {
		this.simulator.onOriginate((request) -> switch (request.exten()) {
			case "5550001" -> OriginateOutcome.agentNoAnswer();
			case "5550002" -> OriginateOutcome.customerBusy();
			case "5550003" -> OriginateOutcome.failure(0);
			default -> OriginateOutcome.customerNoAnswer();
		});
		assertThat(originateResponse("5550001").getReason()).isEqualTo(3);
		assertThat(originateResponse("5550003").getResponse()).isEqualTo("Failure");
		OriginateResponseEvent busy = originateResponse("5550002");
		assertThat(busy.getResponse()).isEqualTo("Success");
		this.recorder.awaitQuiet(SETTLED, Duration.ofSeconds(5));
		assertThat(variables()).contains("DIALSTATUS=BUSY").doesNotContain("DIALSTATUS=ANSWER");
	}

	@Test
	void playWhenRecordedChannelHangsUpShouldFinishWavOfTheCallLength() throws Exception {
		RenderedCall call = this.simulator.render(CallScript.answered().waitFor(Duration.ofSeconds(5))
			.talkFor(Duration.ofSeconds(12))
			.startingAt(T0));
		Path file = this.recordings.resolve(Path.of(call.recordingFile()).getFileName());
		this.simulator.play(until(call, "BridgeDestroy", 0));
		assertThat(riffSize(file)).as("header not final while the call is up").isZero();
		this.simulator.play(from(call, "BridgeDestroy"));
		AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
		assertThat(format.getFormat().getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
		assertThat(format.getFormat().getSampleRate()).isEqualTo(8000f);
		assertThat(format.getFormat().getSampleSizeInBits()).isEqualTo(16);
		assertThat(format.getFormat().getChannels()).isEqualTo(1);
		assertThat(format.getFrameLength()).isEqualTo(17 * 8000);
		assertThat(Files.size(file)).isEqualTo(44 + 17 * 16000);
	}

	@Test
	void mixMonitorWhenChannelIsLiveShouldRecordPerPartyUntilHangup() throws Exception {
		RenderedCall call = this.simulator.render(CallScript.answered().startingAt(T0));
		this.simulator.play(until(call, "AgentConnect", 6));
		String channel = call.scenario().events().get(0).value("Channel");
		MixMonitorAction action = new MixMonitorAction(channel);
		action.setFile("manual-" + call.linkedid() + ".wav");
		action.setOptions("br(" + call.linkedid() + "-in.wav)t(" + call.linkedid() + "-out.wav)");
		assertThat(this.connection.sendAction(action, 2_000).getResponse()).isEqualTo("Success");
		this.simulator.play(from(call, "BridgeDestroy"));
		assertThat(this.recordings.resolve("manual-" + call.linkedid() + ".wav")).exists();
		assertThat(this.recordings.resolve(call.linkedid() + "-in.wav")).exists();
		assertThat(riffSize(this.recordings.resolve(call.linkedid() + "-out.wav"))).isPositive();
	}

	/** As telephony/asterisk/extensions.conf: per-party files start on the agent's channel, named by the caller. */
	@Test
	void playWhenDialplanRecordsPerPartyShouldWriteAgentAndCustomerFilesOfTheCaller() throws Exception {
		this.simulator.recordInto(this.recordings, true);
		RenderedCall call = this.simulator.play(CallScript.answered().recordingPrefix("support").startingAt(T0));
		String base = "support-" + call.linkedid();
		assertThat(riffSize(this.recordings.resolve(base + ".wav"))).isPositive();
		assertThat(riffSize(this.recordings.resolve(base + "-agent.wav"))).isPositive();
		assertThat(riffSize(this.recordings.resolve(base + "-customer.wav"))).isPositive();
		try (var files = Files.list(this.recordings)) {
			assertThat(files.map((file) -> file.getFileName().toString())).noneMatch((name) -> name.endsWith("-in.wav"));
		}
	}

	@Test
	void mixMonitorWhenChannelIsUnknownShouldAnswerError() throws Exception {
		ManagerResponse response = this.connection.sendAction(new MixMonitorAction("Local/nobody@x-0;1"), 2_000);
		assertThat(response.getResponse()).isEqualTo("Error");
	}

	@Test
	void playBurstWhenTenThousandEventsShouldDeliverEveryOne() throws Exception {
		List<RenderedCall> calls = new ArrayList<>();
		int events = 0;
		while (events < 10_000) {
			RenderedCall call = this.simulator.render(CallScript.answered().ringNoAnswer(1));
			calls.add(call);
			events += call.size();
		}
		this.simulator.recordInto(null, false);
		long started = System.nanoTime();
		assertThat(this.simulator.playBurst(calls)).isEqualTo(events);
		this.recorder.awaitDispatched(this.simulator, Duration.ofSeconds(15));
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		System.out.println("Burst of " + events + " events reached Asterisk-Java listeners within " + millis + " ms");
		assertThat(this.recorder.events()).filteredOn((event) -> !isLegacyCopy(event)).hasSize(events);
		assertThat(this.recorder.events(HangupEvent.class)).hasSize(calls.size() * 6);
	}

	@Test
	void playWhenScriptedShouldCarryTimestampsAsteriskJavaReads() throws Exception {
		this.simulator.play(CallScript.abandoned().startingAt(T0));
		this.recorder.awaitDispatched(this.simulator, Duration.ofSeconds(5));
		assertThat(this.recorder.events()).filteredOn((event) -> !isLegacyCopy(event))
			.allSatisfy((event) -> assertThat(event.getTimestamp()).isBetween(1795424400.0, 1795424420.0));
	}

	@ParameterizedTest
	@EnumSource(CallScript.Kind.class)
	void playWhenAnyKindIsScriptedShouldDeliverEveryEventBecauseAsteriskJavaKnowsAllTypes(CallScript.Kind kind)
			throws Exception {
		RenderedCall call = this.simulator.play(script(kind).startingAt(T0));
		this.recorder.awaitDispatched(this.simulator, Duration.ofSeconds(5));
		assertThat(this.recorder.events()).filteredOn((event) -> !isLegacyCopy(event)).hasSize(call.size());
		assertThat(this.simulator.liveChannels()).isZero();
	}

	@Test
	void playPacedWhenSpedUpShouldDeliverTheCallInOrder() throws Exception {
		RenderedCall call = this.simulator.playPaced(CallScript.answered().waitFor(Duration.ofSeconds(2))
			.talkFor(Duration.ofSeconds(3)), 50);
		this.recorder.awaitDispatched(this.simulator, Duration.ofSeconds(5));
		assertThat(this.recorder.events(HangupEvent.class)).hasSize(4)
			.allSatisfy((hangup) -> assertThat(hangup.getLinkedId()).isEqualTo(call.linkedid()));
	}

	private static CallScript script(CallScript.Kind kind) {
		return switch (kind) {
			case ANSWERED -> CallScript.answered().ringNoAnswer(1);
			case ABANDONED -> CallScript.abandoned();
			case QUEUE_TIMEOUT -> CallScript.queueTimeout();
			case CALLBACK_OFFER -> CallScript.callbackOffer();
			case BLIND_TRANSFER -> CallScript.blindTransfer();
			case ATTENDED_TRANSFER -> CallScript.attendedTransfer();
			case CHANSPY -> CallScript.chanSpy();
			case SURVEY -> CallScript.survey();
		};
	}

	private static OriginateAction originate(String number) {
		OriginateAction originate = new OriginateAction();
		originate.setChannel("Local/agent1@agents-callback");
		originate.setContext("callback-out");
		originate.setExten(number);
		originate.setPriority(1);
		originate.setCallerId("\"Support\" <100>");
		originate.setTimeout(30_000L);
		originate.setAsync(true);
		originate.setVariables(Map.of("CALLBACK_ID", "42", "SCENARIO", "callback"));
		return originate;
	}

	private OriginateResponseEvent originateResponse(String number) throws Exception {
		ResponseEvents answer = this.connection.sendEventGeneratingAction(originate(number), 5_000);
		return events(answer, OriginateResponseEvent.class).get(0);
	}

	private List<String> variables() {
		return this.recorder.events(VarSetEvent.class)
			.stream()
			.map((event) -> event.getVariable() + "=" + event.getValue())
			.toList();
	}

	/** The events of {@code call} before the {@code skip}+1-th event of {@code type} plus {@code skip} more. */
	private static Scenario until(RenderedCall call, String type, int extra) {
		List<AmiEvent> events = call.scenario().events();
		int index = indexOf(events, type);
		return new Scenario("head", events.subList(0, Math.min(events.size(), index + extra)));
	}

	private static Scenario from(RenderedCall call, String type) {
		List<AmiEvent> events = call.scenario().events();
		return new Scenario("tail", events.subList(indexOf(events, type), events.size()));
	}

	private static int indexOf(List<AmiEvent> events, String type) {
		for (int index = 0; index < events.size(); index++) {
			if (events.get(index).type().equals(type)) {
				return index;
			}
		}
		throw new IllegalArgumentException("No " + type);
	}

	private static <T extends ManagerEvent> List<T> events(ResponseEvents answer, Class<T> type) {
		return answer.getEvents().stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static int riffSize(Path file) throws Exception {
		byte[] header = Files.readAllBytes(file);
		return ByteBuffer.wrap(header, 40, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
	}

	private static boolean isLegacyCopy(ManagerEvent event) {
		return event.getClass() == DialEvent.class || event.getClass() == BridgeEvent.class;
	}


}
