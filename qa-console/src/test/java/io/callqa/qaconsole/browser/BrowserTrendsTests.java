package io.callqa.qaconsole.browser;

import java.time.Duration;

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
import io.callqa.qaconsole.trends.TrendCalls;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trends page: a supervisor saves a category for calls indexed before it, the page follows the re-tagging and then
 * shows the category's calls, chart and rise, and what customers asked.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserTrendsTests {

	private static final String PASSWORD = "browser-trends-pw";

	private static final String QUEUE = "trends-browser";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void supervisorSavesACategoryAndSeesItsTrendAfterTheRetagging() {
		Http admin = new Http(this.port);
		assertThat(admin.post("/api/users", """
				{"username":"trends-browser-sup","password":"%s","role":"SUPERVISOR","agentName":null}"""
			.formatted(PASSWORD)).statusCode()).isIn(201, 400);
		// Midday UTC, so the days are the same in any zone the browser might run in.
		TrendCalls calls = new TrendCalls(this.jdbc, QUEUE);
		calls.add("2032-05-10T12:00:00Z", "hello", "my parcel never arrived");
		calls.add("2032-05-10T13:00:00Z", "hello", "the parcel never arrived at all");
		calls.add("2032-05-11T12:00:00Z", "hello", "the parcel arrived broken");
		calls.add("2032-05-08T12:00:00Z", "hello", "i need a new password");
		Eventually.await("the calls indexed", Duration.ofSeconds(30),
				() -> Http.json(admin.get("/api/search?q=queue:" + QUEUE)).path("total").asLong(), (n) -> n == 4);

		browser.base(this.port).logIn("trends-browser-sup", PASSWORD);
		assertThat(browser.find("#topbar a[href='/trends.html']").getText()).isEqualTo("Trends");
		browser.open("/trends.html?from=2032-05-10&to=2032-05-11&interval=DAY&queue=" + QUEUE);
		browser.until((d) -> browser.script("return document.body.dataset.loaded || null;"));
		assertThat(browser.text("#phrases-frequent tr[data-phrase='parcel never arrived'] td.calls")).isEqualTo("2");
		assertThat(browser.text("#phrases-rising tr[data-phrase='parcel never arrived'] td.calls")).isEqualTo("2");

		browser.find("#category-name").sendKeys("Browser parcel");
		browser.find("#category-query").sendKeys("parcel");
		browser.find("#category-speaker").sendKeys("CUSTOMER");
		browser.find("#category-save").click();
		browser.until((d) -> "done".equals(browser.script("return document.getElementById('retag').dataset.state;"))
				? true : null);
		String calls3 = browser.until((d) -> {
			var cells = d.findElements(By.cssSelector("#series tr[data-category='Browser parcel'] td.calls"));
			return (!cells.isEmpty() && cells.get(0).getText().equals("3")) ? "3" : null;
		});
		assertThat(calls3).isEqualTo("3");
		assertThat(browser.text("#series tr[data-category='Browser parcel'] td.share")).isEqualTo("100.0");
		assertThat(browser.text("#rising li[data-category='Browser parcel']")).contains("0.0 % → 100.0 %");
		// A flat line has no height, so the polyline is present rather than "displayed".
		assertThat(browser.driver()
			.findElements(By.cssSelector(".category-chart[data-category='Browser parcel'] svg polyline"))).hasSize(1);
		assertThat(browser.text("#categories tbody")).contains("Browser parcel");
		browser.screenshot("trends");
	}

}
