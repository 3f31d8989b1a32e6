package io.callqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Replays the actions of real Asterisk 22.10.1 sessions (test resources {@code traces/asterisk22/NAME.sent}, captured
 * from {@code /opt/ast} with the queues below) against the simulator and compares what comes back with what the real
 * server answered ({@code NAME.ami}): every response and event, field names, order and values, except the clock
 * (Timestamp, LoginTime, LastPause, LastCall; Holdtime and TalkTime) and the login banner events.
 */
class QueueTraceFidelityTests {

	/** queues.conf of the capture: support has servicelevel = 20, sales the default 0. */
	private static final List<SimulatedQueue> CAPTURED_QUEUES = List.of(
			new SimulatedQueue("support", "rrmemory", 10, 2,
					List.of(SimulatedQueue.Member.local("agent1", "agents"),
							SimulatedQueue.Member.local("agent2", "agents")),
					20),
			new SimulatedQueue("sales", "ringall", 5, 1, List.of(SimulatedQueue.Member.local("agent3", "agents-noanswer"),
					SimulatedQueue.Member.local("agent4", "agents-noanswer"))));

	/** The clock, and the queue's hold and talk time averages (they depend on how long the calls before took). */
	private static final Set<String> CLOCK = Set.of("Timestamp", "LoginTime", "LastPause", "LastCall", "Holdtime",
			"TalkTime");

	private static final Set<String> SKIPPED_EVENTS = Set.of("FullyBooted", "SuccessfulAuth");

	@Test
	void queueActionsShouldBeAnsweredAsAsterisk22Answered() throws Exception {
		try (AmiSimulator simulator = AmiSimulator.start("ccadmin", "ccsecret").queues(CAPTURED_QUEUES)) {
			// Without chan_pjsip loaded, the real server reported PJSIP/1001 as Invalid (Status 4).
			simulator.deviceState("PJSIP/1001", DeviceState.INVALID);
			assertReplayMatches(simulator, "queue-actions");
		}
	}

	@Test
	void queueActionEdgeCasesShouldBeAnsweredAsAsterisk22Answered() throws Exception {
		try (AmiSimulator simulator = AmiSimulator.start("ccadmin", "ccsecret").queues(CAPTURED_QUEUES)) {
			// The state queue-edge was captured in: after queue-actions and queue-floor (agent1 took one call).
			simulator.pauseMember("Local/agent1@agents/n", "support", true, "Lunch");
			simulator.pauseMember("Local/agent1@agents/n", "support", false, null);
			QueueCaller caller = simulator.callerJoins("support", "5550101", "Alice Waiting");
			simulator.answer(caller, "agent1");
			simulator.hangUp(caller, false);
			assertReplayMatches(simulator, "queue-edge");
		}
	}

	/**
	 * queue-floor: two callers wait while both agents are paused (Lunch, Break), one abandons, agent1 unpauses and
	 * answers the other, a supervisor whispers to agent1 (Originate of ChanSpy with qEw) and hangs up, the caller
	 * hangs up. The capture's callers were Local channels originated into the dialplan; here the simulator's callers
	 * stand in for them, so channel names, ids and waiting times are left out of the comparison, as are the events
	 * of the channels themselves: what is compared is every queue, agent, spy and Queue: device event and every
	 * reply to the floor's actions.
	 */
	@Test
	void floorShouldSendTheQueueAgentAndSpyEventsAsterisk22Sent() throws Exception {
		try (AmiSimulator simulator = AmiSimulator.start("ccadmin", "ccsecret").queues(CAPTURED_QUEUES);
				RawAmiClient client = new RawAmiClient(simulator.port())) {
			client.send("Login", "Username: ccadmin", "Secret: ccsecret", "Events: on");
			client.send("QueuePause", "Interface: Local/agent1@agents/n", "Queue: support", "Paused: true",
					"Reason: Lunch");
			client.send("QueuePause", "Interface: Local/agent2@agents/n", "Queue: support", "Paused: true",
					"Reason: Break");
			client.skip();
			QueueCaller alice = simulator.callerJoins("support", "5550101", "Alice Waiting");
			client.skip();
			QueueCaller bob = simulator.callerJoins("support", "5550102", "Bob Leaving");
			client.list("QueueStatus", "QueueStatusComplete", "Queue: support");
			client.list("QueueSummary", "QueueSummaryComplete", "Queue: support");
			client.send("Hangup", "Channel: " + bob.channel());
			client.send("QueuePause", "Interface: Local/agent1@agents/n", "Queue: support", "Paused: false");
			String agentChannel = simulator.answer(alice, "agent1");
			client.list("QueueStatus", "QueueStatusComplete", "Queue: support");
			client.list("QueueSummary", "QueueSummaryComplete", "Queue: support");
			client.list("Originate", "OriginateResponse", "Channel: Local/sup1@supervisor-quiet", "Application: ChanSpy",
					"Data: " + agentChannel + ",qEw", "CallerID: \"Whisper: agent1\" <2001>", "Timeout: 30000",
					"Async: true");
			client.send("Hangup", "Channel: " + simulator.spies().get(0).channel());
			client.send("Hangup", "Channel: " + alice.channel());
			client.list("QueueStatus", "QueueStatusComplete", "Queue: support");
			client.send("QueuePause", "Interface: Local/agent2@agents/n", "Paused: false");
			client.send("Logoff");
			assertSameBlocks("queue-floor", floor(client.received()), floor(resource("queue-floor.ami")));
		}
	}

	/**
	 * queue-verify: Hangup of an unknown channel, QueueAdd without MemberName (the interface is the name), and an
	 * Originate of ChanSpy to a phone that cannot be called (the real server had no chan_pjsip: Failure, Reason 0).
	 */
	@Test
	void hangupQueueAddWithoutNameAndFailedSpyShouldBeAnsweredAsAsterisk22Answered() throws Exception {
		try (AmiSimulator simulator = AmiSimulator.start("ccadmin", "ccsecret").queues(CAPTURED_QUEUES);
				RawAmiClient client = new RawAmiClient(simulator.port())) {
			simulator.onOriginate((request) -> OriginateOutcome.failure(0));
			// Captured after the other sessions: Queue:support_avail had been published NOT_INUSE already.
			simulator.pauseMember("Local/agent1@agents/n", "support", true, "Lunch");
			simulator.pauseMember("Local/agent1@agents/n", "support", false, null);
			client.send("Login", "Username: ccadmin", "Secret: ccsecret", "Events: on");
			client.send("Hangup", "Channel: PJSIP/9-00000000");
			client.send("QueueAdd", "Queue: support", "Interface: Local/agent7@agents/n");
			client.send("QueueRemove", "Queue: support", "Interface: Local/agent7@agents/n");
			client.list("Originate", "OriginateResponse", "Channel: PJSIP/2001", "Application: ChanSpy",
					"Data: PJSIP/1001-00000001,qEw", "CallerID: \"Listen: agent1\" <2001>", "Timeout: 30000",
					"Async: true");
			List<String> expected = normalized(resource("queue-verify.ami"));
			int failed = 0;
			while (!expected.get(failed).startsWith("Event: OriginateResponse")) {
				failed++;
			}
			assertSameBlocks("queue-verify", normalized(client.received()), expected.subList(0, failed + 1));
		}
	}

	@Test
	void queueStatusWithMemberFilterShouldListEveryQueueButOnlyThatMember() throws Exception {
		try (AmiSimulator simulator = AmiSimulator.start("ccadmin", "ccsecret").queues(CAPTURED_QUEUES)) {
			// Captured last: one caller had abandoned, agent1 had taken one call (queue-floor).
			simulator.callerAbandons(simulator.callerJoins("support", "5550102", "Bob Leaving"));
			QueueCaller caller = simulator.callerJoins("support", "5550101", "Alice Waiting");
			simulator.answer(caller, "agent1");
			simulator.hangUp(caller, false);
			assertReplayMatches(simulator, "queue-filter");
		}
	}

	private static final Set<String> FLOOR_EVENTS = Set.of("QueueMemberPause", "QueueMemberStatus",
			"QueueCallerJoin", "QueueCallerLeave", "QueueCallerAbandon", "AgentCalled", "AgentConnect",
			"AgentComplete", "ChanSpyStart", "ChanSpyStop", "OriginateResponse", "QueueParams", "QueueMember",
			"QueueEntry", "QueueSummary", "QueueStatusComplete", "QueueSummaryComplete", "DeviceStateChange");

	/** Keys whose values name channels or ids, or measure waiting: they differ between the capture and a replay. */
	private static boolean replayDependent(String key) {
		return key.endsWith("Channel") || key.endsWith("Uniqueid") || key.endsWith("Linkedid") || key.equals("Data")
				|| key.equals("Wait") || key.equalsIgnoreCase("HoldTime") || key.equals("TalkTime")
				|| key.equals("RingTime") || key.equals("LongestHoldTime");
	}

	/** The floor's part of a session: replies (but the callers' Originates) and FLOOR_EVENTS, Queue: devices only. */
	private static List<String> floor(String wire) {
		List<String> blocks = new ArrayList<>();
		for (String block : normalized(wire)) {
			String first = block.substring(0, block.indexOf('\n'));
			boolean reply = first.startsWith("Response: ");
			boolean event = first.startsWith("Event: ") && FLOOR_EVENTS.contains(first.substring(7));
			if (!(reply || event) || block.contains("ActionID: originate-4") || block.contains("ActionID: originate-5")
					|| (first.equals("Event: DeviceStateChange") && !block.contains("Device: Queue:"))) {
				continue;
			}
			List<String> lines = new ArrayList<>();
			for (String line : block.split("\n")) {
				String key = AmiEvent.keyOf(line);
				lines.add(replayDependent(key) ? key + ": <replay>" : line);
			}
			blocks.add(String.join("\n", lines));
		}
		return blocks;
	}

	private static void assertReplayMatches(AmiSimulator simulator, String trace) throws Exception {
		{
			String sent = resource(trace + ".sent");
			List<String> expected = normalized(resource(trace + ".ami"));
			List<String> actual = normalized(replay(simulator.port(), sent));
			assertSameBlocks(trace, actual, expected);
		}
	}

	/** Compares; both sides are also written to target/fidelity/ for a diff when they differ. */
	private static void assertSameBlocks(String trace, List<String> actual, List<String> expected) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "fidelity"));
		Files.writeString(dir.resolve(trace + "-simulator.txt"), String.join("\n\n", actual) + "\n");
		Files.writeString(dir.resolve(trace + "-asterisk.txt"), String.join("\n\n", expected) + "\n");
		assertThat(actual).containsExactlyElementsOf(expected);
	}

	/** Sends every action of {@code sent} at once and reads until the Logoff's Goodbye. */
	private static String replay(int port, String sent) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			out.write(sent.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder received = new StringBuilder();
			byte[] buffer = new byte[8192];
			int read;
			while (!received.toString().contains("Response: Goodbye") && (read = in.read(buffer)) >= 0) {
				received.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			}
			return received.toString();
		}
	}

	/** Blocks after the login, each as its lines with the clock's values masked. */
	static List<String> normalized(String wire) {
		List<String> blocks = new ArrayList<>();
		for (String block : wire.split("\r\n\r\n")) {
			if (block.startsWith("Asterisk Call Manager/")) {
				block = block.substring(block.indexOf("\r\n") + 2);
			}
			if (block.isBlank() || block.contains("ActionID: login-1")) {
				continue;
			}
			String event = block.startsWith("Event: ") ? block.substring(7, block.indexOf("\r\n")) : "";
			if (SKIPPED_EVENTS.contains(event)) {
				continue;
			}
			List<String> lines = new ArrayList<>();
			for (String line : block.split("\r\n")) {
				String key = AmiEvent.keyOf(line);
				lines.add(CLOCK.contains(key) ? key + ": <clock>" : line);
			}
			blocks.add(String.join("\n", lines));
		}
		return blocks;
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = QueueTraceFidelityTests.class.getResourceAsStream("/traces/asterisk22/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
