package io.callqa.qaconsole.floor;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallboard in headless Chromium against a simulated Asterisk: a queue's tile turns red (in colour and in words)
 * when callers waiting cross its threshold, the agent grid shows a pause with its reason, and the TV mode shows the
 * board with no bar and no buttons.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Closed after the class: no other class has this configuration (its simulator's port), and left in the context cache
// it would keep a database, workers and a connector retrying its stopped simulator for the rest of the test JVM.
@DirtiesContext
class BrowserWallboardTests {

	private static final String PASSWORD = FloorApiIntegrationTests.PASSWORD;

	private static final String QUEUE = "tv-support";

	private static final AmiSimulator simulator = AmiSimulator.start("callqa", "s3cret")
		.queues(List.of(FloorApiIntegrationTests.queue(QUEUE, "tvagent1", "tvagent2"),
				FloorApiIntegrationTests.queue("tv-sales", "tvagent3")));

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

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

	private String user(String role) {
		String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(new Http(this.port).post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":null,"displayName":"%s"}"""
			.formatted(name, PASSWORD, role, name)).statusCode()).isEqualTo(201);
		return name;
	}

	private WebElement tile(String queue) {
		return browser.find(".wb-tile[data-queue='" + queue + "']");
	}

	@Test
	void aTileTurnsRedWhenCallersCrossItsThresholdAndTheGridShowsAPauseReason() throws InterruptedException {
		assertThat(simulator.awaitLoggedInClients(1, Duration.ofSeconds(30))).isTrue();
		assertThat(new Http(this.port).put("/api/floor/queues/" + QUEUE + "/thresholds",
				FloorApiIntegrationTests.thresholds(1, 2)).statusCode()).isEqualTo(200);
		String supervisor = user("SUPERVISOR");
		browser.base(this.port).logIn(supervisor, PASSWORD);
		browser.open("/wallboard.html");
		browser.until((d) -> "live".equals(browser.script("return document.body.dataset.connection;")));
		browser.until((d) -> "green".equals(tile(QUEUE).getDomAttribute("data-level")));
		assertThat(tile(QUEUE).findElement(By.cssSelector(".wb-level")).getText()).isEqualToIgnoringCase("OK");

		simulator.inject(FloorEvents.callerJoin(QUEUE, "1795420001.1", "+15550111", 1));
		browser.until((d) -> "yellow".equals(tile(QUEUE).getDomAttribute("data-level")));
		simulator.inject(FloorEvents.callerJoin(QUEUE, "1795420002.1", "+15550112", 2));
		browser.until((d) -> "red".equals(tile(QUEUE).getDomAttribute("data-level")));
		assertThat(tile(QUEUE).findElement(By.cssSelector(".wb-level")).getText()).startsWithIgnoringCase("Alert")
			.containsIgnoringCase("waiting");
		assertThat(tile(QUEUE).findElement(By.cssSelector("[data-figure='waiting']")).getText()).startsWith("2");
		assertThat(tile("tv-sales").getDomAttribute("data-level")).as("the other queue").isEqualTo("green");

		simulator.inject(FloorEvents.memberPause(QUEUE, "tvagent2", true, "Training"));
		WebElement row = browser.until((d) -> {
			WebElement r = browser.find("tr.wb-agent[data-agent='tvagent2']");
			return "PAUSED".equals(r.getDomAttribute("data-state")) ? r : null;
		});
		assertThat(row.findElement(By.cssSelector(".wb-reason")).getText()).isEqualTo("Training");
		assertThat(row.findElement(By.cssSelector(".wb-state")).getText()).isEqualTo("Paused");
		String since = row.findElement(By.cssSelector(".wb-since")).getText();
		assertThat(since).matches("\\d+:\\d\\d");
		browser.screenshot("wallboard");

		// The queue filter leaves one tile and that queue's agents.
		new org.openqa.selenium.support.ui.Select(browser.find("#queue-filter")).selectByValue("tv-sales");
		browser.until((d) -> d.findElements(By.cssSelector(".wb-tile")).size() == 1);
		browser.until((d) -> d.findElements(By.cssSelector("tr.wb-agent[data-agent='tvagent2']")).isEmpty());
		assertThat(browser.find("tr.wb-agent[data-agent='tvagent3']")).isNotNull();

		simulator.inject(FloorEvents.callerLeave(QUEUE, "1795420001.1", "+15550111", 1));
		simulator.inject(FloorEvents.callerLeave(QUEUE, "1795420002.1", "+15550112", 0));
	}

	@Test
	void aWallboardUserLandsOnTheTvModeWhichFillsTheScreenWithoutBarOrButtons() throws InterruptedException {
		assertThat(simulator.awaitLoggedInClients(1, Duration.ofSeconds(30))).isTrue();
		String wallboard = user("WALLBOARD");
		// The form by hand: the TV mode has no bar (and so no #who for Browser.logIn to wait for).
		browser.base(this.port).driver().manage().deleteAllCookies();
		browser.open("/login");
		browser.find("#username").sendKeys(wallboard);
		browser.find("#password").sendKeys(PASSWORD);
		browser.find("#login-submit").click();
		browser.until((d) -> d.getCurrentUrl().endsWith("/wallboard.html?tv=1"));
		browser.until((d) -> "live".equals(browser.script("return document.body.dataset.connection;")));
		assertThat(tile(QUEUE)).isNotNull();
		assertThat(browser.script("return document.body.classList.contains('tv');")).isEqualTo(true);
		assertThat(browser.driver().findElements(By.cssSelector("#topbar"))).isEmpty();
		assertThat(browser.script("return getComputedStyle(document.body).cursor;")).isEqualTo("none");
		assertThat(browser.driver().findElement(By.id("queue-filter")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElements(By.cssSelector(".wb-actions button")).stream()
			.filter(WebElement::isDisplayed)).isEmpty();
		assertThat(browser.find("tr.wb-agent[data-agent='tvagent1']").getText()).contains("tvagent1");
		browser.screenshot("wallboard-tv");
	}

}
