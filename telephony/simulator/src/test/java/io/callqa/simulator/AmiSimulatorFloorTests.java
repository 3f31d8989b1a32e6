package io.callqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.QueueSummaryAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ChanSpyStartEvent;
import org.asteriskjava.manager.event.ChanSpyStopEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueSummaryEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live floor on {@link AmiSimulator}, driven by the real Asterisk-Java 3.42.2 client: queue actions
 * (QueuePause with a reason, QueueAdd, QueueRemove, QueueSummary), member device states, callers joining, abandoning
 * and being answered on the member's own channel, and supervisors' ChanSpy Originates. What Asterisk 22 sends for
 * each was captured in test resources {@code traces/asterisk22/} (queue-actions, queue-floor, queue-edge).
 */
class AmiSimulatorFloorTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	/** Two queues of phones: agent1 (PJSIP/1001) in both, agent2 (PJSIP/1002) in support only. */
	private static final List<SimulatedQueue> FLOOR = List.of(
			new SimulatedQueue("support", "rrmemory", 15, 5, List.of(SimulatedQueue.Member.pjsip("agent1", "1001"),
					SimulatedQueue.Member.pjsip("agent2", "1002")), 20),
			new SimulatedQueue("sales", "ringall", 15, 5, List.of(SimulatedQueue.Member.pjsip("agent1", "1001")), 30));

	private final EventRecorder recorder = new EventRecorder();

	private AmiSimulator simulator;

	private ManagerConnection connection;

	@BeforeEach
	void connect() throws Exception {
		this.simulator = AmiSimulator.start("ccadmin", "ccsecret").queues(FLOOR);
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
	void queuePauseWithoutQueueShouldPauseTheMemberInEveryQueueWithTheReason() throws Exception {
		QueuePauseAction pause = new QueuePauseAction("PJSIP/1001", true);
		pause.setReason("Lunch");
		ManagerResponse response = this.connection.sendAction(pause, 2_000);
		assertThat(response.getResponse()).isEqualTo("Success");
		assertThat(response.getMessage()).isEqualTo("Interface paused successfully");
		assertThat(this.simulator.actions()).filteredOn((action) -> action.is("QueuePause"))
			.singleElement()
			.satisfies((action) -> {
				assertThat(action.header("Interface")).isEqualTo("PJSIP/1001");
				assertThat(action.header("Reason")).isEqualTo("Lunch");
				assertThat(action.header("Queue")).isNull();
			});
		assertThat(this.simulator.actions()).filteredOn((action) -> action.is("Login"))
			.allSatisfy((login) -> assertThat(login.header("Key")).isNull());
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueMemberPauseEvent.class)).hasSize(2).allSatisfy((event) -> {
			assertThat(event.getMemberName()).isEqualTo("agent1");
			assertThat(event.getPaused()).isTrue();
			assertThat(event.getPausedreason()).isEqualTo("Lunch");
			assertThat(event.getLastpause()).isPositive();
		}).extracting(QueueMemberPauseEvent::getQueue).containsExactlyInAnyOrder("support", "sales");
		// sales has no other member: Asterisk publishes the queue as unavailable.
		assertThat(this.recorder.events(DeviceStateChangeEvent.class)).extracting((event) -> event.getDevice() + "="
				+ event.getState())
			.contains("Queue:sales_pause_PJSIP/1001=INUSE", "Queue:sales_avail=INUSE")
			.doesNotContain("Queue:support_avail=INUSE");
		assertThat(member(queueStatus("support"), "agent1")).satisfies((member) -> {
			assertThat(member.getPaused()).isTrue();
			assertThat(member.getPausedreason()).isEqualTo("Lunch");
		});
		assertThat(summary("support").getAvailable()).isEqualTo(1);
		assertThat(summary("sales").getAvailable()).isZero();
	}

	@Test
	void queuePauseWhenUnpausedInOneQueueShouldKeepTheOtherPaused() throws Exception {
		this.connection.sendAction(reasoned(new QueuePauseAction("PJSIP/1001", true), "Break"), 2_000);
		ManagerResponse response = this.connection.sendAction(new QueuePauseAction("PJSIP/1001", "sales", false),
				2_000);
		assertThat(response.getMessage()).isEqualTo("Interface unpaused successfully");
		assertThat(member(queueStatus("sales"), "agent1").getPaused()).isFalse();
		assertThat(member(queueStatus("sales"), "agent1").getPausedreason()).isEmpty();
		assertThat(member(queueStatus("support"), "agent1").getPausedreason()).isEqualTo("Break");
	}

	@Test
	void queuePauseWhenInterfaceUnknownShouldAnswerInterfaceNotFound() throws Exception {
		ManagerResponse unknown = this.connection.sendAction(new QueuePauseAction("PJSIP/9999", true), 2_000);
		ManagerResponse noQueue = this.connection.sendAction(new QueuePauseAction("PJSIP/1001", "nosuch", true),
				2_000);
		assertThat(List.of(unknown, noQueue)).allSatisfy((response) -> {
			assertThat(response).isInstanceOf(ManagerError.class);
			assertThat(response.getMessage()).isEqualTo("Interface not found");
		});
	}

	@Test
	void pauseFromThePhoneShouldSendWhatQueuePauseSends() throws Exception {
		assertThat(this.simulator.pauseMember("PJSIP/1002", null, true, "Training")).isTrue();
		assertThat(this.simulator.pauseMember("PJSIP/9999", null, true, "Training")).isFalse();
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueMemberPauseEvent.class)).singleElement().satisfies((event) -> {
			assertThat(event.getInterface()).isEqualTo("PJSIP/1002");
			assertThat(event.getPausedreason()).isEqualTo("Training");
		});
	}

	@Test
	void queueAddShouldAddADynamicMemberAndQueueRemoveRemoveIt() throws Exception {
		QueueAddAction add = new QueueAddAction("sales", "PJSIP/1002");
		add.setMemberName("agent2");
		add.setPaused(true);
		add.setReason("Training");
		assertThat(this.connection.sendAction(add, 2_000).getMessage()).isEqualTo("Added interface to queue");
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueMemberAddedEvent.class)).singleElement().satisfies((event) -> {
			assertThat(event.getQueue()).isEqualTo("sales");
			assertThat(event.getMemberName()).isEqualTo("agent2");
			assertThat(event.getMembership()).isEqualTo("dynamic");
			assertThat(event.getPaused()).isTrue();
		});
		assertThat(member(queueStatus("sales"), "agent2").getPausedreason()).isEqualTo("Training");

		ManagerResponse again = this.connection.sendAction(add, 2_000);
		assertThat(again.getMessage()).isEqualTo("Unable to add interface: Already there");
		assertThat(this.connection.sendAction(new QueueAddAction("nosuch", "PJSIP/1002"), 2_000).getMessage())
			.isEqualTo("Unable to add interface to queue: No such queue");

		assertThat(this.connection.sendAction(new QueueRemoveAction("sales", "PJSIP/1002"), 2_000).getMessage())
			.isEqualTo("Removed interface from queue");
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueMemberRemovedEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getMemberName()).isEqualTo("agent2"));
		assertThat(queueStatus("sales").getEvents()).filteredOn(QueueMemberEvent.class::isInstance)
			.extracting((event) -> ((QueueMemberEvent) event).getName())
			.containsExactly("agent1");
		assertThat(this.connection.sendAction(new QueueRemoveAction("sales", "PJSIP/1002"), 2_000).getMessage())
			.isEqualTo("Unable to remove interface: Not there");
		assertThat(this.connection.sendAction(new QueueRemoveAction("sales", "PJSIP/1001"), 2_000).getMessage())
			.isEqualTo("Member not dynamic");
		assertThat(this.connection.sendAction(new QueueRemoveAction("nosuch", "PJSIP/1001"), 2_000).getMessage())
			.isEqualTo("Unable to remove interface from queue: No such queue");
	}

	@Test
	void deviceStateShouldSendQueueMemberStatusForEveryQueueOfThePhone() throws Exception {
		this.simulator.deviceState("PJSIP/1001", DeviceState.UNAVAILABLE);
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueMemberStatusEvent.class)).hasSize(2)
			.allSatisfy((event) -> assertThat(event.getStatus()).isEqualTo(5));
		assertThat(this.recorder.events(DeviceStateChangeEvent.class)).extracting(DeviceStateChangeEvent::getDevice)
			.contains("PJSIP/1001");
		assertThat(summary("sales").getLoggedIn()).isZero();
		assertThat(summary("support").getLoggedIn()).isEqualTo(1);
	}

	@Test
	void callerWhenAnsweredShouldRingTheMemberThenConnectOnTheMembersOwnChannel() throws Exception {
		QueueCaller caller = this.simulator.callerJoins("support", "5550101", "Alice Waiting");
		QueueCaller second = this.simulator.callerJoins("support", "5550102", "Bob Waiting");
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueCallerJoinEvent.class)).extracting(QueueCallerJoinEvent::getCallerIdNum,
				QueueCallerJoinEvent::getPosition, QueueCallerJoinEvent::getCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("5550101", 1, 1),
					org.assertj.core.groups.Tuple.tuple("5550102", 2, 2));
		assertThat(queueStatus("support").getEvents()).filteredOn(QueueEntryEvent.class::isInstance)
			.extracting((event) -> ((QueueEntryEvent) event).getCallerIdNum())
			.containsExactly("5550101", "5550102");

		String agentChannel = this.simulator.ring(caller, "agent1");
		assertThat(agentChannel).matches("PJSIP/1001-[0-9a-f]{8}");
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(AgentCalledEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getDestChannel()).isEqualTo(agentChannel));
		assertThat(lastStatus("agent1").getStatus()).isEqualTo(DeviceState.RINGING.code());

		this.simulator.connect(caller);
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueCallerLeaveEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getCount()).isEqualTo(1));
		assertThat(this.recorder.events(AgentConnectEvent.class)).singleElement().satisfies((event) -> {
			assertThat(event.getDestChannel()).isEqualTo(agentChannel);
			assertThat(event.getMemberName()).isEqualTo("agent1");
			assertThat(event.getCallerIdNum()).isEqualTo("5550101");
			assertThat(event.getQueue()).isEqualTo("support");
		});
		assertThat(lastStatus("agent1").getStatus()).isEqualTo(DeviceState.INUSE.code());
		assertThat(member(queueStatus("support"), "agent1").getIncall()).isEqualTo(1);

		this.simulator.hangUp(caller, true);
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(AgentCompleteEvent.class)).singleElement().satisfies((event) -> {
			assertThat(event.getReason()).isEqualTo("agent");
			assertThat(event.getDestChannel()).isEqualTo(agentChannel);
		});
		assertThat(this.recorder.events(HangupEvent.class)).extracting(HangupEvent::getChannel)
			.containsExactlyInAnyOrder(caller.channel(), agentChannel);
		QueueMemberStatusEvent free = lastStatus("agent1");
		assertThat(free.getStatus()).isEqualTo(DeviceState.NOT_INUSE.code());
		assertThat(free.getCallsTaken()).isEqualTo(1);
		assertThat(member(queueStatus("support"), "agent1").getCallsTaken()).isEqualTo(1);
		assertThat(queueParams("support").getCompleted()).isEqualTo(1);

		this.simulator.callerAbandons(second);
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueCallerAbandonEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getOriginalPosition()).isEqualTo(2));
		assertThat(queueParams("support").getAbandoned()).isEqualTo(1);
		assertThat(summary("support").getCallers()).isZero();
		assertThat(this.simulator.liveChannels()).isZero();
	}

	@Test
	void callerHangingUpAnAnsweredCallShouldEndEachChannelOnce() throws Exception {
		QueueCaller caller = this.simulator.callerJoins("support", "5550101", "Alice Waiting");
		String agentChannel = this.simulator.answer(caller, "agent2");
		this.simulator.hangUp(caller, false);
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(HangupEvent.class)).extracting(HangupEvent::getChannel)
			.containsExactly(caller.channel(), agentChannel);
		assertThat(this.recorder.events(AgentCompleteEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getReason()).isEqualTo("caller"));
		assertThat(this.simulator.liveChannels()).isZero();
	}

	@Test
	void ringNoAnswerShouldFreeThePhoneAndKeepTheCallerWaiting() throws Exception {
		QueueCaller caller = this.simulator.callerJoins("support", "5550101", "Alice Waiting");
		String first = this.simulator.ring(caller, "agent2");
		this.simulator.ringNoAnswer(caller);
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(AgentRingNoAnswerEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getMemberName()).isEqualTo("agent2"));
		assertThat(this.recorder.events(HangupEvent.class)).extracting(HangupEvent::getChannel).containsExactly(first);
		assertThat(this.recorder.events(QueueMemberStatusEvent.class)).extracting(QueueMemberStatusEvent::getStatus)
			.containsExactly(6, 1);
		assertThat(summary("support").getCallers()).isEqualTo(1);

		this.simulator.ring(caller, "agent1");
		this.simulator.callerAbandons(caller);
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(lastStatus("agent1").getStatus()).isEqualTo(DeviceState.NOT_INUSE.code());
		assertThat(this.simulator.liveChannels()).isZero();
	}

	@Test
	void originateOfChanSpyShouldBeRecordedAndSpyOnTheAgentsChannelUntilTheSupervisorHangsUp() throws Exception {
		QueueCaller caller = this.simulator.callerJoins("support", "5550101", "Alice Waiting");
		String agentChannel = this.simulator.answer(caller, "agent1");
		ResponseEvents answer = this.connection.sendEventGeneratingAction(spy(agentChannel, "qEw"), 5_000);
		assertThat(answer.getResponse().getMessage()).isEqualTo("Originate successfully queued");
		OriginateResponseEvent response = answer.getEvents()
			.stream()
			.filter(OriginateResponseEvent.class::isInstance)
			.map(OriginateResponseEvent.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(response.getResponse()).isEqualTo("Success");
		assertThat(response.getReason()).isEqualTo(4);
		assertThat(response.getChannel()).matches("PJSIP/2001-[0-9a-f]{8}");

		assertThat(this.simulator.originates()).singleElement().satisfies((request) -> {
			assertThat(request.channel()).isEqualTo("PJSIP/2001");
			assertThat(request.application()).isEqualTo("ChanSpy");
			assertThat(request.data()).isEqualTo(agentChannel + ",qEw");
			assertThat(request.spiedChannel()).isEqualTo(agentChannel);
			assertThat(request.spyOptions()).isEqualTo("qEw");
			assertThat(request.callerId()).contains("Whisper: agent1");
		});
		assertThat(this.recorder.await(ChanSpyStartEvent.class, WAIT)).isTrue();
		assertThat(this.recorder.events(ChanSpyStartEvent.class)).singleElement().satisfies((event) -> {
			assertThat(event.getSpyerChannel()).isEqualTo(response.getChannel());
			assertThat(event.getSpyeeChannel()).isEqualTo(agentChannel);
		});
		assertThat(this.simulator.spies()).singleElement().satisfies((spy) -> {
			assertThat(spy.channel()).isEqualTo(response.getChannel());
			assertThat(spy.spiedChannel()).isEqualTo(agentChannel);
			assertThat(spy.spying()).isTrue();
		});

		ResponseEvents channels = this.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 2_000);
		assertThat(channels.getEvents()).filteredOn(CoreShowChannelEvent.class::isInstance)
			.map(CoreShowChannelEvent.class::cast)
			.extracting(CoreShowChannelEvent::getChannel, CoreShowChannelEvent::getApplication,
					CoreShowChannelEvent::getApplicationdata)
			.contains(org.assertj.core.groups.Tuple.tuple(response.getChannel(), "ChanSpy", agentChannel + ",qEw"),
					org.assertj.core.groups.Tuple.tuple(caller.channel(), "Queue", "support"));

		assertThat(this.simulator.hangUpSpy(response.getChannel())).isTrue();
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(ChanSpyStopEvent.class)).hasSize(1);
		assertThat(this.recorder.events(HangupEvent.class)).extracting(HangupEvent::getChannel)
			.containsExactly(response.getChannel());
		assertThat(this.simulator.spies()).isEmpty();
	}

	@Test
	void spyWhenTheAgentsCallEndsShouldEndToo() throws Exception {
		QueueCaller caller = this.simulator.callerJoins("support", "5550101", "Alice Waiting");
		String agentChannel = this.simulator.answer(caller, "agent2");
		this.connection.sendEventGeneratingAction(spy(agentChannel, "qE"), 5_000);
		assertThat(this.recorder.await(ChanSpyStartEvent.class, WAIT)).isTrue();
		this.simulator.hangUp(caller, false);
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(ChanSpyStopEvent.class)).hasSize(1);
		assertThat(this.recorder.events(HangupEvent.class)).extracting(HangupEvent::getChannel)
			.anyMatch((channel) -> channel.startsWith("PJSIP/2001-"));
		assertThat(this.simulator.spies()).isEmpty();
	}

	@Test
	void spyWhenTheChannelIsNotLiveShouldWaitWithoutChanSpyStartUntilHungUp() throws Exception {
		this.connection.sendEventGeneratingAction(spy("PJSIP/1001-0000abcd", "qE"), 5_000);
		assertThat(this.simulator.spies()).singleElement().satisfies((spy) -> assertThat(spy.spying()).isFalse());
		ManagerResponse hangup = this.connection.sendAction(new HangupAction(this.simulator.spies().get(0).channel()),
				2_000);
		assertThat(hangup.getMessage()).isEqualTo("Channel Hungup");
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(ChanSpyStartEvent.class)).isEmpty();
		assertThat(this.recorder.events(ChanSpyStopEvent.class)).isEmpty();
		assertThat(this.recorder.events(HangupEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getCause()).isZero());
	}

	/** With u (one exact channel) a gone channel ends ChanSpy at once, as Asterisk 22.10.1 did (H6's trial). */
	@Test
	void spyWithTheExactChannelOptionWhenTheChannelIsGoneShouldHangUpAtOnce() throws Exception {
		ResponseEvents answer = this.connection.sendEventGeneratingAction(spy("PJSIP/1001-0000abcd", "qEwu"), 5_000);
		assertThat(answer.getEvents()).filteredOn(OriginateResponseEvent.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((OriginateResponseEvent) event).getResponse()).isEqualTo("Success"));
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.simulator.spies()).isEmpty();
		assertThat(this.recorder.events(ChanSpyStartEvent.class)).isEmpty();
		assertThat(this.recorder.events(HangupEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getChannel()).startsWith("PJSIP/2001-"));
	}

	@Test
	void hangupActionShouldEndASpyChannel() throws Exception {
		QueueCaller caller = this.simulator.callerJoins("support", "5550101", "Alice Waiting");
		String agentChannel = this.simulator.answer(caller, "agent1");
		this.connection.sendEventGeneratingAction(spy(agentChannel, "qEB"), 5_000);
		String spyChannel = this.simulator.spies().get(0).channel();
		ManagerResponse hangup = this.connection.sendAction(new HangupAction(spyChannel), 2_000);
		assertThat(hangup.getMessage()).isEqualTo("Channel Hungup");
		assertThat(this.connection.sendAction(new HangupAction("PJSIP/9-00000000"), 2_000).getMessage())
			.isEqualTo("No such channel");
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.simulator.spies()).isEmpty();
		assertThat(this.recorder.events(ChanSpyStopEvent.class)).hasSize(1);
	}

	@Test
	void originateOfChanSpyWhenSupervisorPhoneDoesNotAnswerShouldFail() throws Exception {
		this.simulator.onOriginate((request) -> OriginateOutcome.agentNoAnswer());
		ResponseEvents answer = this.connection.sendEventGeneratingAction(spy("PJSIP/1001-00000001", "qE"), 5_000);
		OriginateResponseEvent response = (OriginateResponseEvent) answer.getEvents()
			.stream()
			.filter(OriginateResponseEvent.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(response.getResponse()).isEqualTo("Failure");
		assertThat(response.getReason()).isEqualTo(3);
		assertThat(this.simulator.spies()).isEmpty();
	}

	@Test
	void reconnectShouldFindPauseReasonsCallersAndCallsInQueueStatus() throws Exception {
		this.simulator.pauseMember("PJSIP/1002", "support", true, "Meeting");
		QueueCaller talking = this.simulator.callerJoins("support", "5550101", "Alice");
		this.simulator.answer(talking, "agent1");
		this.simulator.callerJoins("support", "5550102", "Bob");
		this.recorder.clear();
		this.simulator.dropConnections();
		assertThat(this.recorder.await(ConnectEvent.class, Duration.ofSeconds(15))).isTrue();
		ResponseEvents status = queueStatus("support");
		assertThat(member(status, "agent2").getPausedreason()).isEqualTo("Meeting");
		assertThat(member(status, "agent1").getIncall()).isEqualTo(1);
		assertThat(status.getEvents()).filteredOn(QueueEntryEvent.class::isInstance)
			.singleElement()
			.satisfies((entry) -> assertThat(((QueueEntryEvent) entry).getCallerIdNum()).isEqualTo("5550102"));
	}

	@Test
	void outageShouldHideChangesUntilTheClientResyncs() throws Exception {
		try (AmiSimulator.Outage outage = this.simulator.outage()) {
			assertThat(this.simulator.loggedInClients()).isZero();
			this.recorder.clear();
			assertThat(this.simulator.pauseMember("PJSIP/1002", "support", true, "Offline break")).isTrue();
			this.simulator.callerJoins("support", "5550199", "Dora");
		}
		assertThat(this.recorder.await(ConnectEvent.class, Duration.ofSeconds(15))).isTrue();
		ResponseEvents status = queueStatus("support");
		assertThat(member(status, "agent2").getPausedreason()).isEqualTo("Offline break");
		assertThat(status.getEvents()).filteredOn(QueueEntryEvent.class::isInstance).hasSize(1);
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueMemberPauseEvent.class)).isEmpty();
		assertThat(this.recorder.events(QueueCallerJoinEvent.class)).isEmpty();
	}

	@Test
	void queueParamsShouldAverageHoldAndTalkTimeAndCountServiceLevelAsAsterisk22() throws Exception {
		// Trace queue-floor (servicelevel 20): one abandon after 3 s, then a call held 5 s and talked 5 s gave
		// Holdtime 1, TalkTime 5, ServicelevelPerf 100.0 and ServicelevelPerf2 100.0.
		this.simulator.play(new Scenario("stats", List.of(
				event("QueueCallerAbandon", "Queue: support", "Uniqueid: 1.1", "HoldTime: 3"),
				event("AgentConnect", "Queue: support", "Uniqueid: 1.2", "Interface: PJSIP/1001", "HoldTime: 5"),
				event("AgentComplete", "Queue: support", "Interface: PJSIP/1001", "HoldTime: 5", "TalkTime: 5"))));
		QueueParamsEvent params = queueParams("support");
		assertThat(params.getHoldTime()).isEqualTo(1);
		assertThat(params.getTalkTime()).isEqualTo(5);
		assertThat(params.getServiceLevelPerf()).isEqualTo(100.0);
		assertThat(params.getServiceLevelPerf2()).isEqualTo(100.0);
		assertThat(params.getCompleted()).isEqualTo(1);
		assertThat(params.getAbandoned()).isEqualTo(1);
		// A second call held 30 s (outside the service level) and talked 13 s.
		this.simulator.play(new Scenario("stats", List.of(
				event("AgentConnect", "Queue: support", "Uniqueid: 1.3", "Interface: PJSIP/1001", "HoldTime: 30"),
				event("AgentComplete", "Queue: support", "Interface: PJSIP/1001", "HoldTime: 30", "TalkTime: 13"))));
		params = queueParams("support");
		assertThat(params.getHoldTime()).isEqualTo((1 * 3 + 30) >> 2);
		assertThat(params.getTalkTime()).isEqualTo((5 * 3 + 13) >> 2);
		assertThat(params.getServiceLevelPerf()).isEqualTo(50.0);
		assertThat(member(queueStatus("support"), "agent1").getCallsTaken()).isEqualTo(2);
	}

	private static AmiEvent event(String type, String... lines) {
		List<String> all = new java.util.ArrayList<>(List.of("Event: " + type, "Privilege: agent,all"));
		all.addAll(List.of(lines));
		return new AmiEvent(all);
	}

	@Test
	void scriptedCallRingingAPausedMemberShouldShowThePauseInQueueMemberStatus() throws Exception {
		this.simulator.queues(SimulatedQueue.defaults());
		this.simulator.pauseMember("Local/agent1@agents/n", "support", true, "Coaching");
		this.simulator.play(CallScript.answered().agents("agent1"));
		this.recorder.awaitDispatched(this.simulator, WAIT);
		assertThat(this.recorder.events(QueueMemberStatusEvent.class)).isNotEmpty().allSatisfy((event) -> {
			assertThat(event.getPaused()).isTrue();
			assertThat(event.getPausedreason()).isEqualTo("Coaching");
		});
		assertThat(this.recorder.events(QueueMemberStatusEvent.class).get(this.recorder
			.events(QueueMemberStatusEvent.class)
			.size() - 1)
			.getCallsTaken()).isEqualTo(1);
	}

	@Test
	void generatedFloorShouldLoadFiveHundredAgentsAndTwoHundredCallersQuickly() throws Exception {
		List<SimulatedQueue> floor = SimulatedQueue.generated(50, 500, 2);
		this.simulator.queues(floor);
		long started = System.nanoTime();
		List<QueueCaller> callers = this.simulator.callersJoin(floor.stream().map(SimulatedQueue::name).toList(), 200);
		Map<String, DeviceState> busy = new HashMap<>();
		for (int agent = 0; agent < 500; agent++) {
			busy.put("PJSIP/" + (1001 + agent), DeviceState.INUSE);
		}
		int sent = this.simulator.deviceStates(busy);
		long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(callers).hasSize(200);
		assertThat(sent).isEqualTo(500 * 2 + 500);
		assertThat(elapsedMillis).as("simulator time for 200 callers and 500 phones").isLessThan(5_000);
		ResponseEvents status = this.connection.sendEventGeneratingAction(new QueueStatusAction(), 10_000);
		assertThat(status.getEvents()).filteredOn(QueueParamsEvent.class::isInstance).hasSize(50);
		assertThat(status.getEvents()).filteredOn(QueueMemberEvent.class::isInstance)
			.hasSize(1_000)
			.allSatisfy((member) -> assertThat(((QueueMemberEvent) member).getStatus()).isEqualTo(2));
		assertThat(status.getEvents()).filteredOn(QueueEntryEvent.class::isInstance).hasSize(200);
		assertThat(floor.get(0).members()).extracting(SimulatedQueue.Member::location)
			.contains("PJSIP/1001", "PJSIP/1500");
	}

	private static OriginateAction spy(String agentChannel, String options) {
		OriginateAction originate = new OriginateAction();
		originate.setChannel("PJSIP/2001");
		originate.setApplication("ChanSpy");
		originate.setData(agentChannel + "," + options);
		originate.setCallerId("\"Whisper: agent1\" <2001>");
		originate.setTimeout(30_000L);
		originate.setAsync(true);
		return originate;
	}

	private static QueuePauseAction reasoned(QueuePauseAction pause, String reason) {
		pause.setReason(reason);
		return pause;
	}

	private ResponseEvents queueStatus(String queue) throws Exception {
		QueueStatusAction action = new QueueStatusAction();
		action.setQueue(queue);
		return this.connection.sendEventGeneratingAction(action, 2_000);
	}

	private QueueParamsEvent queueParams(String queue) throws Exception {
		return (QueueParamsEvent) queueStatus(queue).getEvents()
			.stream()
			.filter(QueueParamsEvent.class::isInstance)
			.findFirst()
			.orElseThrow();
	}

	private QueueSummaryEvent summary(String queue) throws Exception {
		ResponseEvents answer = this.connection.sendEventGeneratingAction(new QueueSummaryAction(queue), 2_000);
		return (QueueSummaryEvent) answer.getEvents()
			.stream()
			.filter(QueueSummaryEvent.class::isInstance)
			.findFirst()
			.orElseThrow();
	}

	private static QueueMemberEvent member(ResponseEvents status, String name) {
		return status.getEvents()
			.stream()
			.filter(QueueMemberEvent.class::isInstance)
			.map(QueueMemberEvent.class::cast)
			.filter((member) -> member.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private QueueMemberStatusEvent lastStatus(String memberName) {
		List<QueueMemberStatusEvent> events = this.recorder.events(QueueMemberStatusEvent.class)
			.stream()
			.filter((event) -> memberName.equals(event.getMemberName()) && "support".equals(event.getQueue()))
			.toList();
		assertThat(events).isNotEmpty();
		return events.get(events.size() - 1);
	}

	@SuppressWarnings("unused")
	private static boolean any(List<ManagerEvent> events, Class<?> type) {
		return events.stream().anyMatch(type::isInstance);
	}

}
