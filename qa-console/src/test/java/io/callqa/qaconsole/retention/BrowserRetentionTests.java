package io.callqa.qaconsole.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;

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
 * The retention page in headless Chromium: an admin finds it in the top bar, saves a queue's policy (and is told why a
 * policy keeping audio longer than its transcript is refused), places a hold on a call and releases it, starts a run
 * and sees it finished; a supervisor has no link and is told the page is not for them.
 */
// The same configuration as the other browser tests: one Spring context for them.
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserRetentionTests {

	private static final String PASSWORD = "browser-retention-pw";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminShouldSetAPolicyHoldACallAndRunRetentionFromThePage() {
		String run = UUID.randomUUID().toString().substring(0, 6);
		String queue = "brq-" + run;
		String supervisor = "retsup-" + run;
		Http admin = new Http(this.port);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"SUPERVISOR"}""".formatted(supervisor, PASSWORD))
			.statusCode()).isEqualTo(201);
		Instant started = Instant.now().minusSeconds(600);
		long call = this.jdbc.sql("""
				insert into call (queue, caller_number, started_at, ended_at, duration_sec, outcome)
				values (:q, '+15550100', :s, :e, 60, 'ANSWERED') returning id""")
			.param("q", queue)
			.param("s", Timestamp.from(started))
			.param("e", Timestamp.from(started.plusSeconds(60)))
			.query(Long.class)
			.single();

		browser.base(this.port).logIn("admin", Http.ADMIN_PASSWORD);
		browser.open("/");
		browser.until((d) -> d.findElements(By.linkText("Retention")).isEmpty() ? null : true);
		browser.driver().findElement(By.linkText("Retention")).click();
		loaded();
		assertThat(browser.text("#policies tbody tr[data-queue='']")).contains("default").contains("forever");

		browser.find("#policy-queue").sendKeys(queue);
		browser.find("#audio-days").sendKeys("91");
		browser.find("#transcript-days").sendKeys("90");
		browser.find("#policy-save").click();
		browser.until((d) -> browser.text("#message").contains("audioDays") ? true : null);
		browser.find("#audio-days").clear();
		browser.find("#audio-days").sendKeys("30");
		browser.find("#metadata-days").sendKeys("365");
		browser.find("#policy-save").click();
		browser.until((d) -> d.findElements(By.cssSelector("#policies tr[data-queue='" + queue + "']")).isEmpty()
				? null : true);
		assertThat(browser.text("#policies tr[data-queue='" + queue + "'] .audio")).isEqualTo("30");
		assertThat(browser.text("#policies tr[data-queue='" + queue + "'] .metadata")).isEqualTo("365");

		browser.find("#hold-call").sendKeys(String.valueOf(call));
		browser.find("#hold-reason").sendKeys("Dispute " + run);
		browser.find("#hold-place").click();
		browser.until((d) -> browser.text("#holds tbody").contains("Dispute " + run) ? true : null);
		assertThat(browser.text("#holds tbody")).contains("call #" + call);
		browser.find("#holds tbody .release").click();
		Alert prompt = browser.until((d) -> d.switchTo().alert());
		prompt.sendKeys("settled");
		prompt.accept();
		browser.until((d) -> browser.text("#message").contains("released") ? true : null);
		assertThat(browser.text("#holds tbody")).doesNotContain("Dispute " + run);

		browser.find("#run-now").click();
		browser.until((d) -> {
			if (browser.text("#message").contains("Run in progress")) {
				// The daily check of this server's schedule got there first: once it is done, again.
				browser.find("#run-now").click();
				return null;
			}
			return "DONE".equals(browser.script("return document.body.dataset.run || '';")) ? true : null;
		});
		assertThat(browser.text("#message")).contains("done");
		assertThat(browser.driver().findElements(By.cssSelector("#runs tbody tr[data-state='DONE']"))).isNotEmpty();
		browser.screenshot("retention");
		admin.delete("/api/retention/policies?queue=" + queue);

		browser.logIn(supervisor, PASSWORD);
		browser.open("/retention.html");
		browser.until((d) -> browser.text("#message").isEmpty() ? null : true);
		assertThat(browser.text("#message")).isEqualTo("This page is not for your role.");
		assertThat(browser.driver().findElements(By.linkText("Retention"))).isEmpty();
	}

	private static void loaded() {
		browser.until((d) -> "true".equals(browser.script("return document.body.dataset.loaded || '';")) ? true : null);
	}

}
