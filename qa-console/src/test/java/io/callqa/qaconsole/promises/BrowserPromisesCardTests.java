package io.callqa.qaconsole.promises;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * The manager dashboard's promises card, in headless Chromium: a scripted day's promises per agent, kept on time and
 * broken, as the API counts them; and the call page's list of the call's promises.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserPromisesCardTests {

	private static final String PASSWORD = "browser-test-pw";

	/** No other test has calls on this day. */
	private static final String DAY = "2026-10-08";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	PromiseService promises;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDashboardShouldShowEachAgentsPromisesKeptAndBroken() {
		String run = UUID.randomUUID().toString().substring(0, 6);
		String manager = "pmanager-" + run;
		String keeper = "keeper-" + run;
		String breaker = "breaker-" + run;
		Http admin = new Http(this.port);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"MANAGER","agentName":null}""".formatted(manager, PASSWORD))
			.statusCode()).isEqualTo(201);
		PromiseCalls calls = new PromiseCalls(this.jdbc);
		String kept = PromiseCalls.number();
		// Midday UTC, so the day is the same in any zone the browser might run in.
		long keptCall = calls.transcribed(keeper, "support", kept, at("12:00"), "i will call you back within the hour");
		long brokenCall = calls.transcribed(breaker, "support", PromiseCalls.number(), at("12:10"),
				"i will call you back within the hour");
		this.promises.detect(keptCall);
		this.promises.detect(brokenCall);
		calls.call(keeper, null, kept, "OUTBOUND", "CONNECTED", at("12:30"), at("12:35"));
		this.promises.check(Instant.now());

		browser.base(this.port).logIn(manager, PASSWORD);
		browser.open("/manager.html?from=" + DAY + "&to=" + DAY + "&per=AGENT");
		browser.until((d) -> browser.script("return (document.getElementById('promises').dataset.loaded || '')"
				+ ".endsWith('/AGENT') || null;"));
		assertThat(browser.text("#tile-promises-made")).isEqualTo("2");
		assertThat(browser.text("#tile-promises-kept")).isEqualTo("1");
		assertThat(browser.text("#tile-promises-broken")).isEqualTo("1");
		assertThat(browser.text("#promises tr[data-key='" + keeper + "'] td:nth-child(3)")).isEqualTo("1");
		assertThat(browser.text("#promises tr[data-key='" + breaker + "'] td:nth-child(5)")).isEqualTo("1");
		browser.screenshot("manager-dashboard-promises");

		browser.open("/call.html?id=" + keptCall);
		browser.until((d) -> browser.script("return document.getElementById('promises-panel') ? true : null;"));
		assertThat(browser.text("#promises-panel li")).contains("i will call you back within the hour")
			.contains("kept")
			.contains("@ 0:05");
		browser.screenshot("call-promises");
	}

	private static Instant at(String time) {
		return Instant.parse(DAY + "T" + time + ":00Z");
	}

}
