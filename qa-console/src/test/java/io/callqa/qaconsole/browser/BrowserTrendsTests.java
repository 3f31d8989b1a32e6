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
 * shows the category's calls, chart and rise, and what customers asked; a manager compares two queues side by side.
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

		// Deleted from the page: its calls are re-tagged, and once done the trends reload without it.
		browser.driver()
			.findElements(By.cssSelector("#categories tbody tr"))
			.stream()
			.filter((row) -> row.findElement(By.tagName("td")).getText().equals("Browser parcel"))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector("button.delete"))
			.click();
		browser.until((d) -> d.findElements(By.cssSelector("#series tr[data-category='Browser parcel']")).isEmpty()
				? true : null);
		assertThat(browser.text("#categories tbody")).doesNotContain("Browser parcel");
		assertThat(browser.text("#retag")).startsWith("Re-tagged");
		assertThat(Http.json(admin.get("/api/search?q=category:%22Browser%20parcel%22")).path("total").asLong())
			.as("the name left its calls")
			.isZero();
	}

	/**
	 * Two queues fed with calls of known words, side by side: each category's chart has a line per queue whose points
	 * are the queue's shares (or calls) per day, the table each queue's calls and share, and each queue its risers.
	 */
	@Test
	void managerComparesTwoQueuesSideBySide() {
		Http admin = new Http(this.port);
		assertThat(admin.post("/api/users", """
				{"username":"trends-browser-mgr","password":"%s","role":"MANAGER","agentName":null}"""
			.formatted(PASSWORD)).statusCode()).isIn(201, 400);
		assertThat(admin.post("/api/categories", """
				{"name":"Browser side password","query":"password","speaker":"CUSTOMER","retag":false}""")
			.statusCode()).isIn(201, 409);
		TrendCalls a = new TrendCalls(this.jdbc, "browser-side-a");
		TrendCalls b = new TrendCalls(this.jdbc, "browser-side-b");
		a.add("2032-07-10T12:00:00Z", "hello", "i forgot my password");
		a.add("2032-07-10T13:00:00Z", "hello", "where is my parcel");
		a.add("2032-07-11T12:00:00Z", "hello", "reset my password please");
		b.add("2032-07-10T12:00:00Z", "hello", "my parcel is late");
		b.add("2032-07-11T12:00:00Z", "hello", "the password does not work");
		b.add("2032-07-11T13:00:00Z", "hello", "the parcel came broken");
		Eventually.await("the calls indexed", Duration.ofSeconds(30),
				() -> Http.json(admin.get("/api/search?q=queue:browser-side-a%20OR%20queue:browser-side-b"))
					.path("total")
					.asLong(),
				(n) -> n == 6);

		browser.base(this.port).logIn("trends-browser-mgr", PASSWORD);
		browser.open("/trends.html?from=2032-07-10&to=2032-07-11&view=QUEUES&queues=browser-side-a,browser-side-b");
		browser.until((d) -> browser.script("return document.body.dataset.loaded || null;"));
		assertThat(browser.find("#side-by-side").isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.id("one-queue")).isDisplayed()).isFalse();
		assertThat(browser.text("#compare-legend")).contains("browser-side-a", "browser-side-b");
		String row = "#compare-table tr[data-category='Browser side password'] ";
		assertThat(browser.text(row + "td[data-queue='browser-side-a'] .calls")).isEqualTo("2");
		assertThat(browser.text(row + "td[data-queue='browser-side-a'] .share")).isEqualTo("(66.7 %)");
		assertThat(browser.text(row + "td[data-queue='browser-side-b'] .calls")).isEqualTo("1");
		assertThat(browser.text(row + "td[data-queue='browser-side-b'] .share")).isEqualTo("(33.3 %)");
		String chart = ".queue-chart[data-category='Browser side password']";
		assertThat(points(chart, "browser-side-a")).containsExactly("browser-side-a, 07-10: 50.0",
				"browser-side-a, 07-11: 100.0");
		assertThat(points(chart, "browser-side-b")).containsExactly("browser-side-b, 07-10: 0.0",
				"browser-side-b, 07-11: 50.0");
		assertThat(points(".queue-chart[data-chart='calls']", "browser-side-b")).containsExactly(
				"browser-side-b, 07-10: 1", "browser-side-b, 07-11: 2");
		assertThat(browser.text("#compare-rising div[data-queue='browser-side-a'] li[data-category='Browser side password']"))
			.contains("0.0 % → 66.7 %");
		assertThat(browser.text("#compare-rising div[data-queue='browser-side-b'] li[data-category='Browser side password']"))
			.contains("0.0 % → 33.3 %");
		browser.screenshot("trends-queues");

		String before = (String) browser.script("return document.body.dataset.loaded;");
		browser.find("#measure-calls").click();
		browser.until((d) -> before.equals(browser.script("return document.body.dataset.loaded;")) ? null : true);
		assertThat(points(chart, "browser-side-a")).containsExactly("browser-side-a, 07-10: 1",
				"browser-side-a, 07-11: 1");
		assertThat(points(chart, "browser-side-b")).containsExactly("browser-side-b, 07-10: 0",
				"browser-side-b, 07-11: 1");
	}

	/** The titles of one queue's points in a chart, in order. */
	@SuppressWarnings("unchecked")
	private static java.util.List<String> points(String chart, String queue) {
		return (java.util.List<String>) browser.script("return [...document.querySelectorAll(arguments[0] + \" circle[data-series='\" + arguments[1] + \"'] title\")].map((t) => t.textContent);",
				chart, queue);
	}

}
