package io.callqa.qaconsole.erasure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * The erasure page in headless Chromium: an admin looks a number up, sees its calls (the held one marked kept),
 * erases after confirming, and sees the erasure in the audit; a supervisor gets neither the link nor the page.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserErasureTests {

	private static final String PASSWORD = "browser-erasure-pw";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http admin;

	@BeforeEach
	void setUp() {
		browser.base(this.port);
		this.admin = new Http(this.port);
	}

	@Test
	void adminShouldLookUpEraseAfterConfirmingAndSeeTheAudit() {
		String number = "+1 555 867 5309";
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long erased = call(number, now.minus(3, ChronoUnit.DAYS));
		long held = call(number, now.minus(1, ChronoUnit.DAYS));
		long live = call(number, now.minusSeconds(40));
		this.jdbc.sql("update call set state = 'ACTIVE', ended_at = null where id = ?").param(live).update();
		this.jdbc.sql("insert into survey_response (call_id, queue, score, answered_at) values (?, 'support', 9, ?)")
			.params(erased, Timestamp.from(now.minus(3, ChronoUnit.DAYS)))
			.update();
		assertThat(this.admin.post("/api/legal-holds", "{\"callId\":" + held + ",\"reason\":\"Dispute 4\"}")
			.statusCode()).isEqualTo(201);

		browser.logIn("admin", Http.ADMIN_PASSWORD);
		browser.find("#topbar a[href='/erasure.html']").click();
		browser.until((d) -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")) ? true : null);
		browser.find("#number").sendKeys("15558675309");
		browser.find("#look-up").click();
		browser.until((d) -> d.findElement(By.tagName("body")).getDomAttribute("data-looked"));
		assertThat(browser.text("#calls tr[data-id='" + erased + "']")).endsWith("erased");
		assertThat(browser.text("#calls tr[data-id='" + held + "']")).endsWith("kept: legal hold");
		assertThat(browser.text("#calls tr[data-id='" + live + "']")).endsWith("kept: in progress");
		assertThat(browser.text("#surveys")).contains("9", "score kept, anonymised");
		browser.find("#reason").sendKeys("Ticket E-77");
		browser.find("#erase").click();
		assertThat(browser.text("#confirm-text")).contains("1 call with", "Kept: 2 calls", "cannot be undone");
		browser.screenshot("erasure-confirm");
		browser.find("#confirm-yes").click();
		browser.until((d) -> d.findElement(By.tagName("body")).getDomAttribute("data-erased"));
		assertThat(browser.text("#message")).contains("Erased: 1 call,")
			.contains("Kept: 1 call under a legal hold, 1 call in progress");
		assertThat(browser.text("#audit")).contains("Ticket E-77", "admin", String.valueOf(held), String.valueOf(live));
		assertThat(browser.driver().findElements(By.cssSelector("#calls tr[data-id='" + erased + "']"))).isEmpty();
		assertThat(browser.find("#calls tr[data-id='" + held + "']")).isNotNull();
		browser.screenshot("erasure-done");
		assertThat(this.jdbc.sql("select count(*) from call where id = ? and caller_number is null").param(erased)
			.query(Long.class).single()).isOne();
		assertThat(this.jdbc.sql("select caller_number from call where id = ?").param(held).query(String.class)
			.single()).isEqualTo(number);
	}

	@Test
	void supervisorShouldGetNeitherTheLinkNorThePage() {
		assertThat(this.admin.post("/api/users", """
				{"username":"erasure-sup","password":"%s","role":"SUPERVISOR","agentName":null}""".formatted(PASSWORD))
			.statusCode()).isEqualTo(201);
		browser.logIn("erasure-sup", PASSWORD);
		browser.open("/erasure.html");
		assertThat(browser.text("#message")).isEqualTo("This page is not for your role.");
		assertThat(browser.driver().findElements(By.cssSelector("#topbar a[href='/erasure.html']"))).isEmpty();
	}

	private long call(String number, Instant started) {
		return this.jdbc.sql("""
				insert into call (source, server, agent, queue, direction, caller_number, caller_name, started_at,
				  ended_at, outcome, state, entered_at, answered_at, wait_sec, talk_sec)
				values ('ASTERISK', 'browser-test', 'alice', 'support', 'INBOUND', :number, 'Jenny', :started,
				  :ended, 'ANSWERED', 'ENDED', :started, :started, 5, 60) returning id""")
			.param("number", number)
			.param("started", Timestamp.from(started))
			.param("ended", Timestamp.from(started.plusSeconds(65)))
			.query(Long.class)
			.single();
	}

}
