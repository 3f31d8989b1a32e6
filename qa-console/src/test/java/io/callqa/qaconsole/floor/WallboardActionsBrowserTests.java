package io.callqa.qaconsole.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.browser.Browser;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.QueueCaller;
import io.callqa.simulator.ReceivedOriginate;
import io.callqa.simulator.SimulatedQueue;
import io.callqa.simulator.SimulatedQueue.Member;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.LiveFloor;
import io.callqa.transcription.Eventually;

/**
 * The "done when": a whisper started from the wallboard page reaches the simulator as an Originate into
 * ChanSpy with the whisper option. Relies only on what floor-actions.js draws (the wallboard appends
 * {@code agentActions(...)} to each agent row: {@code .agent-actions[data-agent]} with {@code .spy-whisper}).
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WallboardActionsBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String PASSWORD = "wallboard-actions-pw";

	private static final AmiSimulator simulator = AmiSimulator.start("callqa", "s3cret")
		.queues(List.of(new SimulatedQueue("wa-support", "ringall", 15, 5, List.of(Member.pjsip("wa1", "1301")))));

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	LiveFloor floor;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		registry.add("callqa.telephony.ami.servers[0].name", () -> "pbx1");
		registry.add("callqa.telephony.ami.servers[0].port", simulator::port);
		registry.add("callqa.telephony.ami.servers[0].username", () -> "callqa");
		registry.add("callqa.telephony.ami.servers[0].secret", () -> "s3cret");
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeEach
	void setUp() throws InterruptedException {
		browser.base(this.port);
		assertThat(simulator.awaitLoggedInClients(1, TIMEOUT)).isTrue();
		Eventually.await("wa1 on the floor", TIMEOUT, () -> this.floor.agent("wa1"),
				(agent) -> agent.isPresent() && agent.get().state() != AgentState.LOGGED_OUT);
	}

	@Test
	void aWhisperStartedFromTheWallboardReachesTheSimulatorAsChanSpyWithW() {
		HttpResponse<String> created = new Http(this.port).post("/api/users", """
				{"username":"wa-sup","password":"%s","role":"SUPERVISOR","phone":"PJSIP/2201",
				 "queues":["wa-support"]}""".formatted(PASSWORD));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		QueueCaller caller = simulator.callerJoins("wa-support", "5550188", "Wallboard Caller");
		String agentChannel = simulator.answer(caller, "wa1");
		try {
			Eventually.await("wa1 on the call", TIMEOUT, () -> this.floor.agent("wa1"),
					(agent) -> agent.isPresent() && agent.get().call() != null);
			int before = simulator.originates().size();
			browser.logIn("wa-sup", PASSWORD);
			browser.open("/wallboard.html");
			browser.find(".agent-actions[data-agent='wa1'] .spy-whisper").click();
			ReceivedOriginate originate = Eventually.await("the Originate", TIMEOUT,
					() -> simulator.originates().stream().skip(before).findFirst(), Optional::isPresent)
				.orElseThrow();
			assertThat(originate.channel()).isEqualTo("PJSIP/2201");
			assertThat(originate.application()).isEqualTo("ChanSpy");
			assertThat(originate.data()).isEqualTo(agentChannel + ",qEwu");
			browser.screenshot("wallboard-whisper");
		}
		finally {
			simulator.hangUp(caller, false);
		}
	}

}
