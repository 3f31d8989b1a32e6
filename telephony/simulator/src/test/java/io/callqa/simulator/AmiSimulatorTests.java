package io.callqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.StatusAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives the real Asterisk-Java 3.42.2 client against {@link AmiSimulator} and the captured Asterisk 22 traces.
 */
class AmiSimulatorTests {

	private static final String USER = "ccadmin";

	private static final String SECRET = "ccsecret";

	private final EventRecorder recorder = new EventRecorder();

	private AmiSimulator simulator;

	private ManagerConnection connection;

	@BeforeEach
	void startSimulator() {
		this.simulator = AmiSimulator.start(USER, SECRET);
		this.connection = connect(SECRET);
		// Registered before login so the FullyBooted sent right after login is seen and can be waited for.
		this.connection.addEventListener(this.recorder);
	}

	@AfterEach
	void stopSimulator() {
		if (this.connection.getState() == ManagerConnectionState.CONNECTED) {
			this.connection.logoff();
		}
		this.simulator.close();
	}

	@Test
	void loginWhenSecretMatchesShouldConnectWithoutVersionFallback() throws Exception {
		long started = System.nanoTime();
		this.connection.login();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.println("Asterisk-Java login against AmiSimulator took " + took.toMillis() + " ms");
		assertThat(this.connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
		// Without a CoreSettings answer the library falls back to 'core show version' and stalls ~18 s.
		assertThat(took).isLessThan(Duration.ofSeconds(3));
		assertThat(this.connection.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_22);
		assertThat(this.simulator.loggedInClients()).isEqualTo(1);
	}

	@Test
	void loginWhenSecretIsWrongShouldFailWithAuthenticationFailed() {
		ManagerConnection intruder = connect("wrong");
		assertThatExceptionOfType(AuthenticationFailedException.class).isThrownBy(intruder::login)
			.withMessageContaining("Authentication failed");
		assertThat(this.simulator.loggedInClients()).isZero();
	}

	@Test
	void loginWhenSecretIsPlaintextShouldBeAccepted() throws Exception {
		List<String> reply = exchangeRaw(
				"Action: Login\r\nUsername: ccadmin\r\nSecret: ccsecret\r\nActionID: raw-1\r\n\r\n");
		assertThat(reply).containsExactly("Asterisk Call Manager/11.0.0", "Response: Success", "ActionID: raw-1",
				"Message: Authentication accepted");
	}

	@Test
	void sendActionWhenPingShouldReturnPong() throws Exception {
		loginAndSettle();
		ManagerResponse response = this.connection.sendAction(new PingAction(), 2_000);
		assertThat(response).isInstanceOf(PingResponse.class);
		assertThat(((PingResponse) response).getPing()).isEqualTo("Pong");
		assertThat(((PingResponse) response).getTimestamp()).isNotNull();
	}

	@Test
	void sendActionWhenCommandIsCoreShowVersionShouldAnswerLikeAsterisk22() throws Exception {
		loginAndSettle();
		ManagerResponse response = this.connection.sendAction(new CommandAction("core show version"), 2_000);
		assertThat(response).isInstanceOf(CommandResponse.class);
		assertThat(((CommandResponse) response).getResult()).singleElement().asString().startsWith("Asterisk 22.10.1 ");
	}

	@Test
	void sendActionWhenActionIsUnknownShouldAnswerError() throws Exception {
		loginAndSettle();
		ManagerResponse response = this.connection.sendAction(new StatusAction(), 2_000);
		assertThat(response).isInstanceOf(ManagerError.class);
		assertThat(response.getMessage()).isEqualTo("Invalid/unknown command");
	}

	@Test
	void playWhenInboundAnsweredShouldDeliverQueueEventsInWireOrder() throws Exception {
		loginAndSettle();
		this.simulator.play(Scenario.load("inbound-answered"));
		this.recorder.awaitDispatched(this.simulator, Duration.ofSeconds(5));
		assertThat(this.recorder.events()).map(Object::getClass)
			.filteredOn((type) -> List.of(QueueCallerJoinEvent.class, AgentCalledEvent.class, AgentConnectEvent.class,
					AgentCompleteEvent.class, QueueCallerLeaveEvent.class).contains(type))
			.containsExactly(QueueCallerJoinEvent.class, AgentCalledEvent.class, QueueCallerLeaveEvent.class,
					AgentConnectEvent.class, AgentCompleteEvent.class);
		assertThat(this.recorder.events(HangupEvent.class)).hasSize(4);
	}

	@ParameterizedTest
	@ValueSource(strings = { "inbound-answered", "abandoned", "queue-timeout", "callback-originate", "chanspy",
			"fastagi" })
	void playWhenTraceIsReplayedShouldDeliverEveryEventBecauseAsteriskJavaKnowsAllTypes(String name) throws Exception {
		loginAndSettle();
		Scenario scenario = Scenario.load(name);
		this.simulator.play(scenario);
		this.recorder.awaitDispatched(this.simulator, Duration.ofSeconds(5));
		List<ManagerEvent> fromWire = this.recorder.events().stream().filter((event) -> !isLegacyCopy(event)).toList();
		assertThat(fromWire).hasSize(scenario.size());
		// The library adds a legacy DialEvent per DialBegin: count calls by class, or they are counted twice.
		assertThat(this.recorder.events()).filteredOn((event) -> event.getClass() == DialEvent.class)
			.hasSize((int) scenario.count("DialBegin"));
	}

	@Test
	void playWhenCallerAbandonsShouldDeliverQueueCallerAbandon() throws Exception {
		loginAndSettle();
		this.simulator.play(Scenario.load("abandoned"));
		this.recorder.awaitDispatched(this.simulator, Duration.ofSeconds(5));
		assertThat(this.recorder.events(QueueCallerAbandonEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getQueue()).isEqualTo("sales"));
		assertThat(queueStatuses()).doesNotContain("TIMEOUT");
	}

	@Test
	void playWhenQueueTimesOutShouldLookLikeAbandonExceptForQueueStatus() throws Exception {
		loginAndSettle();
		Scenario scenario = Scenario.load("queue-timeout");
		this.simulator.play(scenario);
		this.recorder.awaitDispatched(this.simulator, Duration.ofSeconds(5));
		assertThat(scenario.setsVariable("QUEUESTATUS", "TIMEOUT")).isTrue();
		assertThat(this.recorder.events(QueueCallerAbandonEvent.class)).hasSize(1);
		assertThat(queueStatuses()).contains("TIMEOUT");
	}

	@Test
	void playWhenIdsAreSuffixedShouldLookLikeDistinctCall() throws Exception {
		loginAndSettle();
		Scenario first = Scenario.load("inbound-answered");
		this.simulator.play(first);
		this.simulator.play(first.withIdSuffix("1").shiftedBy(Duration.ofMinutes(1)));
		this.recorder.awaitDispatched(this.simulator, Duration.ofSeconds(5));
		List<QueueCallerJoinEvent> joins = this.recorder.events(QueueCallerJoinEvent.class);
		assertThat(joins).hasSize(2);
		assertThat(joins.get(1).getUniqueId()).isEqualTo(joins.get(0).getUniqueId() + "1");
		assertThat(joins.get(1).getLinkedId()).isNotEqualTo(joins.get(0).getLinkedId());
	}

	@Test
	void injectWhenBlockIsMalformedOrUnknownShouldKeepConnectionUsable() throws Exception {
		loginAndSettle();
		this.simulator.inject("this line has no colon\r\n: no key\r\nEvent:\r\n\r\n");
		this.simulator.inject("Event: CallQaNoSuchEvent\r\nPrivilege: call,all\r\n\r\n");
		this.simulator.inject("Event: Hangup\r\nChannel: Local/x@y-0;1\r\nCause: not-a-number\r\n\r\n");
		this.simulator.inject("Event: QueueCallerAbandon\r\nQueue: after-garbage\r\nUniqueid: 1.1\r\n\r\n");
		assertThat(this.recorder.await(QueueCallerAbandonEvent.class, Duration.ofSeconds(2))).isTrue();
		assertThat(this.recorder.events(QueueCallerAbandonEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getQueue()).isEqualTo("after-garbage"));
		assertThat(this.connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
		assertThat(this.connection.sendAction(new PingAction(), 2_000)).isInstanceOf(PingResponse.class);
	}

	@Test
	void dropConnectionsWhenClientIsLoggedInShouldLetItReconnectByItself() throws Exception {
		loginAndSettle();
		this.simulator.dropConnections();
		assertThat(this.recorder.await(DisconnectEvent.class, Duration.ofSeconds(5))).isTrue();
		assertThat(this.recorder.await(ConnectEvent.class, Duration.ofSeconds(15))).isTrue();
		assertThat(this.simulator.awaitLoggedInClients(1, Duration.ofSeconds(2))).isTrue();
		this.simulator.play(Scenario.load("abandoned"));
		assertThat(this.recorder.await(QueueCallerAbandonEvent.class, Duration.ofSeconds(5))).isTrue();
	}

	private ManagerConnection connect(String secret) {
		return new ManagerConnectionFactory("127.0.0.1", this.simulator.port(), USER, secret).createManagerConnection();
	}

	private void loginAndSettle() throws Exception {
		this.connection.login();
		assertThat(this.recorder.await(FullyBootedEvent.class, Duration.ofSeconds(2))).isTrue();
		this.recorder.clear();
	}

	private List<String> queueStatuses() {
		return this.recorder.events(VarSetEvent.class).stream()
			.filter((event) -> "QUEUESTATUS".equals(event.getVariable()))
			.map(VarSetEvent::getValue)
			.toList();
	}

	private static boolean isLegacyCopy(ManagerEvent event) {
		return event.getClass() == DialEvent.class || event.getClass() == BridgeEvent.class;
	}

	/** Sends raw text and reads the reply up to the first blank line, for what Asterisk-Java itself never sends. */
	private List<String> exchangeRaw(String request) throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.simulator.port())) {
			socket.setSoTimeout(2_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			InputStreamReader reader = new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII);
			BufferedReader in = new BufferedReader(reader);
			return in.lines().takeWhile((line) -> !line.isEmpty()).toList();
		}
	}

}
