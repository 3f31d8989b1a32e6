package io.callqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Replays the actions of real Asterisk 22.10.1 sessions (test resources {@code traces/asterisk22/NAME.sent}, captured
 * from {@code /opt/ast} with the queues below) against the simulator and compares what comes back with what the real
 * server answered ({@code NAME.ami}): every response and event, field names, order and values, except the clock
 * (Timestamp, LoginTime, LastPause, LastCall) and the login banner events.
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

	private static final Set<String> CLOCK = Set.of("Timestamp", "LoginTime", "LastPause", "LastCall");

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

	private static void assertReplayMatches(AmiSimulator simulator, String trace) throws Exception {
		{
			String sent = resource(trace + ".sent");
			List<String> expected = normalized(resource(trace + ".ami"));
			List<String> actual = normalized(replay(simulator.port(), sent));
			assertThat(actual).containsExactlyElementsOf(expected);
		}
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
