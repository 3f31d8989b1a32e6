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
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
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
import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.LiveFloor;
import io.callqa.transcription.Eventually;

/**
 * The live floor's actions in headless Chromium against the AMI simulator: an agent pauses with a reason from their
 * page and sees the state Asterisk sends back; a supervisor's Whisper button on the wallboard (floor-actions.js, the
 * module the wallboard appends to agent rows) rings their phone into ChanSpy with {@code qEwu}; an admin sets a
 * supervisor's phone and queues.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Closed after the class: no other class has this configuration (its simulator's port), and left in the context cache
// it would keep a database, workers and a connector retrying its stopped simulator for the rest of the test JVM.
@DirtiesContext
class BrowserFloorActionsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String PASSWORD = "browser-floor-pw";

	private static final AmiSimulator simulator = AmiSimulator.start("callqa", "s3cret")
		.queues(List.of(new SimulatedQueue("bf-support", "ringall", 15, 5,
				List.of(Member.pjsip("bf1", "1201"), Member.pjsip("bf2", "1202")))));

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	LiveFloor floor;

	Http admin;

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
		this.admin = new Http(this.port);
		assertThat(simulator.awaitLoggedInClients(1, TIMEOUT)).isTrue();
		awaitAgent("bf2", (agent) -> agent.state() != AgentState.LOGGED_OUT);
	}

	@Test
	void anAgentPausesWithAReasonFromTheirPageAndSeesTheState() {
		createUser("bf-agent1", "AGENT", "bf1", null, null);
		browser.logIn("bf-agent1", PASSWORD);
		assertThat(browser.driver().getCurrentUrl()).endsWith("/agent.html");
		browser.until((d) -> browser.text("#state-now").equals("–") ? null : true);
		assertThat(browser.text("#state-now")).isNotEqualTo("paused");

		new Select(browser.find("#pause-reason")).selectByVisibleText("Training");
		browser.find("#pause").click();
		browser.until((d) -> browser.text("#state-now").equals("paused") ? true : null);
		assertThat(browser.text("#state-detail")).contains("Reason: Training").contains("bf-support");
		assertThat(this.floor.agent("bf1").orElseThrow().pauseReason()).isEqualTo("Training");
		browser.screenshot("agent-paused");

		browser.find("#unpause").click();
		browser.until((d) -> browser.text("#state-now").equals("paused") ? null : true);
		awaitAgent("bf1", (agent) -> agent.state() != AgentState.PAUSED);
	}

	/** The "done when": a whisper started from the wallboard page reaches Asterisk as ChanSpy with w. */
	@Test
	void aWhisperStartedFromTheWallboardRingsTheSupervisorsPhoneIntoChanSpyOnTheAgent() {
		createUser("bf-sup", "SUPERVISOR", null, "PJSIP/2101", "bf-support");
		QueueCaller caller = simulator.callerJoins("bf-support", "5550177", "Browser Caller");
		String agentChannel = simulator.answer(caller, "bf2");
		try {
			awaitAgent("bf2", (agent) -> agent.call() != null);
			int before = simulator.originates().size();
			browser.logIn("bf-sup", PASSWORD);
			browser.open("/wallboard.html");
			// The wallboard appends floor-actions.js's agentActions(...) to each agent row of the supervisor's queues.
			String row = ".agent-actions[data-agent='bf2']";
			assertThat(browser.find(row + " .spy-listen")).isNotNull();
			assertThat(browser.find(row + " .pause-agent")).isNotNull();
			browser.find(row + " .spy-whisper").click();
			ReceivedOriginate originate = Eventually.await("the Originate", TIMEOUT,
					() -> simulator.originates().stream().skip(before).findFirst(), Optional::isPresent)
				.orElseThrow();
			assertThat(originate.channel()).isEqualTo("PJSIP/2101");
			assertThat(originate.application()).isEqualTo("ChanSpy");
			assertThat(originate.data()).isEqualTo(agentChannel + ",qEwu");
			assertThat(browser.driver().findElements(By.cssSelector(row + " .action-error")).get(0).isDisplayed())
				.isFalse();
			browser.screenshot("wallboard-whisper");

			// Not theirs: no buttons at all.
			browser.script("""
					import('/js/floor-actions.js').then(async (m) => {
					  const me = await (await fetch('/api/me')).json();
					  const other = { agent: 'x', state: 'AVAILABLE', queues: ['elsewhere'], call: null };
					  document.body.append(Object.assign(document.createElement('p'),
					    { id: 'other-row', textContent: String(m.agentActions(other, me, null)) }));
					});""");
			assertThat(browser.text("#other-row")).isEqualTo("null");
		}
		finally {
			simulator.hangUp(caller, false);
		}
	}

	@Test
	void anAdminSetsASupervisorsPhoneAndQueues() {
		long id = createUser("bf-sup2", "SUPERVISOR", null, null, null);
		browser.logIn("admin", Http.ADMIN_PASSWORD);
		browser.open("/admin.html");
		String row = "#users tr[data-username='bf-sup2']";
		browser.find(row + " .user-phone").sendKeys("PJSIP/2102");
		browser.find(row + " .user-queues").sendKeys("bf-support, sales");
		browser.find(row + " .save-floor").click();
		browser.until((d) -> browser.text("#message").contains("Saved") ? true : null);
		JsonNode user = Http.json(this.admin.get("/api/users")).valueStream()
			.filter((u) -> u.path("id").asLong() == id)
			.findFirst()
			.orElseThrow();
		assertThat(user.path("phone").asString()).isEqualTo("PJSIP/2102");
		assertThat(user.path("queues").valueStream().map(JsonNode::asString)).containsExactly("bf-support", "sales");

		browser.find("#nu-username").sendKeys("bf-tv");
		browser.find("#nu-password").sendKeys(PASSWORD);
		new Select(browser.find("#nu-role")).selectByVisibleText("WALLBOARD");
		browser.find("#nu-create").click();
		assertThat(browser.text("#users tr[data-username='bf-tv']")).contains("WALLBOARD");
	}

	private AgentFloor awaitAgent(String agent, java.util.function.Predicate<AgentFloor> done) {
		return Eventually.await(agent, TIMEOUT, () -> this.floor.agent(agent),
				(found) -> found.isPresent() && done.test(found.get()))
			.orElseThrow();
	}

	private long createUser(String username, String role, String agent, String phone, String queue) {
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s,"phone":%s,"queues":%s}""".formatted(
				username, PASSWORD, role, (agent != null) ? "\"" + agent + "\"" : "null",
				(phone != null) ? "\"" + phone + "\"" : "null", (queue != null) ? "[\"" + queue + "\"]" : "[]"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asLong();
	}

}
