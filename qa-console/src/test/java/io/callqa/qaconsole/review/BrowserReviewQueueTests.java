package io.callqa.qaconsole.review;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review queue page in headless Chromium: a day's calls in the queue's order with their reasons, the next page,
 * the reason filter, the link to the call; an agent is told the page is not for them.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserReviewQueueTests {

	private static final String PASSWORD = "browser-review-pw";

	/** No other test has reasons on this day. */
	private static final String DAY = "2026-06-10";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSupervisorShouldSeeWhatToLookAtFirstAndOpenTheCall() {
		String run = UUID.randomUUID().toString().substring(0, 6);
		String supervisor = "rvsup-" + run;
		String agent = "rvagent-" + run;
		Http admin = new Http(this.port);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"SUPERVISOR","agentName":null}""".formatted(supervisor, PASSWORD))
			.statusCode()).isEqualTo(201);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"AGENT","agentName":"%s"}""".formatted(agent, PASSWORD, agent))
			.statusCode()).isEqualTo(201);
		ReviewCalls calls = new ReviewCalls(this.jdbc);
		// Midday UTC, so the day is the same in any zone the browser might run in.
		long critical = calls.call(agent, "support", at("11:00"));
		calls.automatic(critical, agent, 0, true, at("11:05"));
		long disputed = calls.call(agent, "support", at("10:00"));
		calls.disputed(disputed, agent, 60, "The customer hung up first", at("12:00"));
		long survey = calls.call(agent, "support", at("10:30"));
		calls.lowSurvey(survey, agent, "support", 1, at("10:40"));
		// 25 low automatic scores, 50 to 74: with the three above, 28 calls on two pages of 25.
		for (int i = 0; i < 25; i++) {
			calls.automatic(calls.call(agent, "support", at("09:00").plusSeconds(i * 60L)), agent, 50 + i, false,
					at("12:30"));
		}

		browser.base(this.port).logIn(supervisor, PASSWORD);
		browser.open("/review.html?from=" + DAY + "&to=" + DAY);
		loaded("\"offset\":0");
		List<WebElement> rows = rows();
		assertThat(rows).hasSize(25);
		assertThat(rows.subList(0, 3)).extracting((row) -> row.getAttribute("data-call"))
			.containsExactly(Long.toString(critical), Long.toString(disputed), Long.toString(survey));
		assertThat(browser.text("#review-queue tbody tr:nth-child(1) .reason")).contains("Critical item failed")
			.contains("No forbidden phrases");
		assertThat(browser.text("#review-queue tbody tr:nth-child(1) .others")).contains("Low automatic score");
		assertThat(browser.text("#review-queue tbody tr:nth-child(2) .reason")).contains("Disputed evaluation")
			.contains("The customer hung up first");
		assertThat(browser.text("#review-queue tbody tr:nth-child(3) .reason")).contains("Low survey");
		assertThat(browser.text("#review-queue tbody tr:nth-child(4) .reason")).contains("Automatic score 50%");
		assertThat(browser.text("#counts")).startsWith("28 calls");
		assertThat(browser.text("#page-info")).isEqualTo("1–25 of 28");
		browser.screenshot("review-queue");

		browser.find("#next").click();
		loaded("\"offset\":25");
		assertThat(rows()).hasSize(3);
		assertThat(browser.text("#review-queue tbody tr:nth-child(3) .reason")).contains("Automatic score 74%");
		assertThat(browser.driver().findElement(By.id("next")).isDisplayed()).isFalse();

		new Select(browser.find("#reason")).selectByValue("DISPUTED");
		loaded("\"reason\":\"DISPUTED\"");
		assertThat(rows()).extracting((row) -> row.getAttribute("data-call")).containsExactly(Long.toString(disputed));
		browser.find("#review-queue .call-link").click();
		browser.until((d) -> d.getCurrentUrl().endsWith("/call.html?id=" + disputed) ? true : null);

		browser.logIn(agent, PASSWORD);
		browser.open("/review.html");
		assertThat(browser.text("#message")).isEqualTo("This page is not for your role.");
		assertThat(browser.driver().findElements(By.linkText("Review"))).isEmpty();
	}

	private static void loaded(String containing) {
		browser.until((d) -> {
			Object loaded = browser.script("return document.body.dataset.loaded || '';");
			return (loaded != null && loaded.toString().contains(containing)) ? true : null;
		});
	}

	private static List<WebElement> rows() {
		return browser.driver().findElements(By.cssSelector("#review-queue tbody tr[data-call]"));
	}

	private static Instant at(String time) {
		return Instant.parse(DAY + "T" + time + ":00Z");
	}

}
