package io.callqa.qaconsole.autoscore;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.browser.Browser;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.TranscriptReady;

import static io.callqa.qaconsole.autoscore.ScriptedCalls.agent;
import static io.callqa.qaconsole.autoscore.ScriptedCalls.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The call page in headless Chromium: the automatic check beside the human evaluation, its evidence as marks on the
 * timeline that seek the player to their second, a supervisor's override with the automatic value kept in the audit,
 * and an agent who sees the results of their own call without review controls.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserAutomaticEvaluationTests {

	private static final String PASSWORD = "autoscore-browser-pw";

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	private static final String SUPERVISOR = "auto-sup-" + RUN;

	private static final String AGENT = "auto-agent-" + RUN;

	private static final String QUEUE = "auto-browser-" + RUN;

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	Http admin;

	@BeforeEach
	void setUp() {
		browser.base(this.port);
		this.admin = new Http(this.port);
	}

	@Test
	void supervisorShouldSeeEvidenceOnTheTimelineAndOverrideAnItemAgentOnlyReads() {
		user(SUPERVISOR, "SUPERVISOR", null);
		user(AGENT, "AGENT", AGENT);
		Http supervisor = new Http(this.port, SUPERVISOR, PASSWORD);
		HttpResponse<String> created = supervisor.post("/api/standards", """
				{"name":"Browser %s","scorecard":{"passThreshold":80,"sections":[{"name":"Call","items":[
				 {"key":"greeting","label":"Greets with the company phrase","weight":1,"type":"YES_NO",
				  "rule":{"kind":"SAID","query":"\\"thank you for calling\\"","speaker":"AGENT","window":{"kind":"FIRST","seconds":15}}},
				 {"key":"forbidden","label":"No forbidden phrases","weight":1,"type":"YES_NO","critical":true,
				  "rule":{"kind":"NOT_SAID","query":"\\"not my problem\\"","speaker":"AGENT"}},
				 {"key":"manual","label":"Judged by a person","weight":1,"type":"YES_NO"}]}]}}""".formatted(RUN));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long standard = Http.json(created).path("standard").path("id").asLong();
		assertThat(supervisor.put("/api/queues/" + QUEUE + "/standard", "{\"standardId\":" + standard + "}").statusCode())
			.isEqualTo(200);
		long call = new ScriptedCalls(this.jdbc).add(AGENT, QUEUE, Instant.parse("2034-03-01T09:00:00Z"),
				agent(0.5, "thank you for calling acme"), customer(3, "my router is broken again"),
				agent(6, "that is not my problem"), customer(9, "okay bye"));
		this.events.publishEvent(new TranscriptReady(call));
		Eventually.await("automatic evaluation", Duration.ofSeconds(30),
				() -> supervisor.get("/api/calls/" + call + "/automatic-evaluation").statusCode(), (status) -> status == 200);

		browser.logIn(SUPERVISOR, PASSWORD);
		browser.open("/call.html?id=" + call);
		WebElement forbidden = browser.find("#auto-item-forbidden");
		assertThat(forbidden.getDomAttribute("data-outcome")).isEqualTo("FAIL");
		assertThat(browser.text("#auto-item-forbidden .auto-evidence")).contains("not my problem");
		assertThat(browser.text("#auto-item-greeting .auto-outcome")).isEqualTo("PASS");
		assertThat(browser.driver().findElements(By.id("auto-item-manual"))).isEmpty();
		browser.find(".evidence-mark[data-key='forbidden']").click();
		double second = browser.until((d) -> {
			Object at = browser.script("return document.getElementById('player').currentTime;");
			return (at instanceof Number n && n.doubleValue() > 0) ? n.doubleValue() : null;
		});
		assertThat(second).isCloseTo(6 + 2 * ScriptedCalls.WORD_SEC, within(0.05));
		browser.screenshot("automatic-evaluation");

		// The human form shows the automatic outcome beside the items that have a rule.
		browser.find("#start-evaluation").click();
		assertThat(browser.text("#item-forbidden .auto-beside")).isEqualTo("auto: FAIL");
		assertThat(browser.driver().findElements(By.cssSelector("#item-manual .auto-beside"))).isEmpty();

		WebElement controls = browser.find("#auto-item-forbidden .auto-review");
		controls.findElement(By.cssSelector(".auto-override")).click();
		assertThat(browser.text("#message")).contains("Say why");
		new Select(controls.findElement(By.cssSelector(".auto-override-outcome"))).selectByValue("PASS");
		controls.findElement(By.cssSelector(".auto-comment")).sendKeys("Said about the weather, not to the customer");
		controls.findElement(By.cssSelector(".auto-override")).click();
		browser.until((d) -> "OVERRIDDEN".equals(
				d.findElement(By.id("auto-item-forbidden")).getDomAttribute("data-source")) ? true : null);
		assertThat(browser.text("#auto-item-forbidden .auto-was")).contains("automatic: FAIL");
		assertThat(browser.text("#auto-item-forbidden .auto-audit")).contains("Overridden to PASS", "by " + SUPERVISOR,
				"weather");
		assertThat(browser.text("#automatic-effective")).contains("100%");

		browser.logIn(AGENT, PASSWORD);
		browser.open("/call.html?id=" + call);
		assertThat(browser.find("#auto-item-forbidden").getDomAttribute("data-outcome")).isEqualTo("PASS");
		assertThat(browser.text("#auto-item-forbidden .auto-audit")).contains("Overridden to PASS");
		assertThat(browser.driver().findElements(By.cssSelector(".auto-review"))).isEmpty();
	}

	private void user(String username, String role, String agentName) {
		String agentJson = (agentName != null) ? "\"" + agentName + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

}
