package io.callqa.qaconsole.mystery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.autoscore.ScriptedCalls;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.browser.Browser;

import static io.callqa.qaconsole.autoscore.ScriptedCalls.agent;
import static io.callqa.qaconsole.autoscore.ScriptedCalls.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mystery-shopper page in headless Chromium: a supervisor lists the shopper's number with "mark calls of the last
 * N days", the visit's call appears in the report per agent and per call with a link to the call, the number can be
 * removed; a manager reads the report without the numbers; an agent is told the page is not for them.
 */
// The same configuration as the other browser tests: one Spring context for them.
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserMysteryShopperTests {

	private static final String PASSWORD = "browser-mystery-pw";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSupervisorShouldListTheShoppersNumberAndSeeTheVisitReported() {
		String run = UUID.randomUUID().toString().substring(0, 6);
		String supervisor = "mysup-" + run;
		String manager = "myman-" + run;
		String agentName = "myagent-" + run;
		Http admin = new Http(this.port);
		for (String[] user : List.of(new String[] { supervisor, "SUPERVISOR", "null" },
				new String[] { manager, "MANAGER", "null" }, new String[] { agentName, "AGENT", "\"" + agentName + "\"" })) {
			assertThat(admin.post("/api/users", """
					{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(user[0], PASSWORD, user[1],
					user[2]))
				.statusCode()).isEqualTo(201);
		}
		// The visit, three days ago at midday UTC (the same day in any zone the browser runs in), before the number
		// was listed.
		LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
		String number = "558" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
		long visit = new ScriptedCalls(this.jdbc).add(agentName, "support", number,
				Instant.parse(day + "T12:00:00Z"), agent(0.5, "thank you for calling sunrise my name is kim"),
				customer(4, "what are your opening hours"), agent(7, "nine to five"));

		browser.base(this.port).logIn(supervisor, PASSWORD);
		browser.open("/mystery.html?from=" + day + "&to=" + day);
		loaded(day.toString().substring(0, 4));
		assertThat(browser.driver().findElements(By.cssSelector("#calls tbody tr[data-call]"))).isEmpty();
		browser.until((d) -> d.findElement(By.id("manage")).isDisplayed() ? true : null);

		browser.find("#number").sendKeys(number.substring(0, 3) + "-" + number.substring(3));
		browser.find("#note").sendKeys("visit " + day);
		WebElement days = browser.find("#mark-days");
		days.clear();
		days.sendKeys("5");
		browser.find("#number-add").click();
		browser.until((d) -> browser.text("#message").contains("Added " + number) ? true : null);
		assertThat(browser.text("#message")).contains("1 earlier call(s) marked");
		browser.until((d) -> d.findElements(By.cssSelector("#numbers tr[data-number='" + number + "']")).isEmpty()
				? null : true);
		browser.until((d) -> d.findElements(By.cssSelector("#calls tbody tr[data-call='" + visit + "']")).isEmpty()
				? null : true);
		assertThat(browser.text("#agents tbody tr[data-agent='" + agentName + "']")).contains(agentName);
		assertThat(browser.text("#calls tbody tr[data-call='" + visit + "']")).contains(number).contains("by number");
		browser.screenshot("mystery-shopper");

		browser.find("#numbers tr[data-number='" + number + "'] .remove").click();
		browser.until((d) -> d.findElements(By.cssSelector("#numbers tr[data-number='" + number + "']")).isEmpty()
				? true : null);
		assertThat(browser.text("#message")).contains("stay test calls");

		browser.logIn(manager, PASSWORD);
		browser.open("/mystery.html?from=" + day + "&to=" + day);
		browser.until((d) -> d.findElements(By.cssSelector("#calls tbody tr[data-call='" + visit + "']")).isEmpty()
				? null : true);
		assertThat(browser.driver().findElement(By.id("manage")).isDisplayed()).isFalse();

		browser.logIn(agentName, PASSWORD);
		browser.open("/mystery.html");
		assertThat(browser.text("#message")).isEqualTo("This page is not for your role.");
		assertThat(browser.driver().findElements(By.linkText("Mystery shopper"))).isEmpty();
	}

	private static void loaded(String containing) {
		browser.until((d) -> {
			Object loaded = browser.script("return document.body.dataset.loaded || '';");
			return (loaded != null && loaded.toString().contains(containing)) ? true : null;
		});
	}

}
