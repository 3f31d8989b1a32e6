package io.callqa.qaconsole.standardsreport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.browser.Browser;

import static io.callqa.qaconsole.standardsreport.ReportCalls.criticalFail;
import static io.callqa.qaconsole.standardsreport.ReportCalls.fail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standards report page in headless Chromium: a supervisor's lines, the weekly trend chart, the CSV link; an
 * agent sees only their own line; the alerts page names the new alert kinds.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserStandardsReportTests {

	private static final String PASSWORD = "browser-report-pw";

	/** Midday UTC on days no other test uses, so the day is the same in any zone the browser runs in. */
	private static final String DAY = "2026-05-05";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StandardsAlerts alerts;

	@Test
	void theSupervisorShouldSeeTheLinesTheTrendAndTheCsvAndAnAgentOnlyTheirOwn() {
		String run = UUID.randomUUID().toString().substring(0, 6);
		String supervisor = "brsup-" + run;
		String alice = "bralice-" + run;
		String bob = "brbob-" + run;
		Http admin = new Http(this.port);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"SUPERVISOR","agentName":null}""".formatted(supervisor, PASSWORD))
			.statusCode()).isEqualTo(201);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"AGENT","agentName":"%s"}""".formatted(alice, PASSWORD, alice))
			.statusCode()).isEqualTo(201);
		ReportCalls calls = new ReportCalls(this.jdbc);
		// Alice: 90 and 50 (a critical fail) on the day = 70; 60 the week before. Bob: 100.
		calls.scored(alice, "support", at(DAY + "T11:00"), 90.0, fail("closing", "Closing"));
		calls.scored(alice, "support", at(DAY + "T12:00"), 50.0,
				criticalFail("forbidden", "No forbidden phrases", "shut up"), fail("closing", "Closing"));
		calls.scored(alice, "support", at("2026-04-28T12:00"), 60.0);
		calls.scored(bob, "support", at(DAY + "T12:00"), 100.0);
		this.alerts.raiseCriticalFailures(at(DAY + "T14:00"));

		browser.base(this.port).logIn(supervisor, PASSWORD);
		browser.open("/standards-report.html?from=" + DAY + "&to=" + DAY);
		loaded(DAY);
		List<WebElement> lines = browser.driver().findElements(By.cssSelector("#daily tbody tr[data-agent]"));
		assertThat(lines).extracting((line) -> line.getAttribute("data-agent")).contains(alice, bob);
		String row = "#daily tbody tr[data-agent='" + alice + "']";
		assertThat(browser.text(row + " .calls")).isEqualTo("2");
		assertThat(browser.text(row + " .average")).isEqualTo("70%");
		assertThat(browser.find(row + " .average").getAttribute("class")).contains("bad");
		assertThat(browser.text(row + " .pass-share")).isEqualTo("50%");
		assertThat(browser.text(row + " .critical")).isEqualTo("1");
		assertThat(browser.text(row + " .failed")).isEqualTo("Closing (2), No forbidden phrases (1)");

		browser.find("#agent").sendKeys(alice);
		browser.find("#apply").click();
		loaded(alice);
		assertThat(browser.find("#csv").getAttribute("href"))
			.endsWith("/api/standards-report/daily.csv?from=" + DAY + "&to=" + DAY + "&agent=" + alice);
		// The trend: the week of 04-28 at 60, the week of the day at 70, two dots on the line.
		assertThat(new Select(browser.find("#trend-agent")).getFirstSelectedOption().getText()).isEqualTo(alice);
		assertThat(browser.driver().findElements(By.cssSelector("#trend svg circle"))).hasSize(2);
		assertThat(browser.text("#weekly tr[data-week='2026-W19']")).contains("70%");
		assertThat(browser.text("#weekly tr[data-week='2026-W18']")).contains("60%");
		browser.screenshot("standards-report");

		browser.open("/alerts.html");
		new Select(browser.find("#kind")).selectByValue("AUTOMATIC_FAILED_CRITICAL");
		browser.until((d) -> d.findElements(By.cssSelector("#alerts tr[data-kind='AUTOMATIC_FAILED_CRITICAL']"))
			.stream()
			.anyMatch((tr) -> tr.getText().contains(alice)) ? true : null);
		assertThat(browser.text("#alerts tr[data-kind='AUTOMATIC_FAILED_CRITICAL']"))
			.contains("Automatic check: critical item failed");

		browser.logIn(alice, PASSWORD);
		browser.open("/standards-report.html?from=" + DAY + "&to=" + DAY);
		loaded(DAY);
		assertThat(browser.driver().findElements(By.cssSelector("#daily tbody tr[data-agent]")))
			.extracting((line) -> line.getAttribute("data-agent"))
			.containsExactly(alice);
		assertThat(browser.find("#agent").isEnabled()).isFalse();
		assertThat(browser.driver().findElements(By.linkText("Standards report"))).hasSize(1);
	}

	private static void loaded(String containing) {
		browser.until((d) -> {
			Object loaded = browser.script("return document.body.dataset.loaded || '';");
			return (loaded != null && loaded.toString().contains(containing)) ? true : null;
		});
	}

	private static Instant at(String localUtc) {
		return Instant.parse(localUtc + ":00Z");
	}

}
