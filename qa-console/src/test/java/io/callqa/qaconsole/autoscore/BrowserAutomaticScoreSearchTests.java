package io.callqa.qaconsole.autoscore;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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

/**
 * The search page in headless Chromium with the automatic score: the band facet, the score and critical-failed filters
 * of the form, the score on each hit, and a band clicked filling the score filters.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserAutomaticScoreSearchTests {

	private static final String PASSWORD = "autolists-browser-pw";

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	private static final String SUPERVISOR = "autolists-sup-" + RUN;

	private static final String AGENT = "autolists-agent-" + RUN;

	private static final String QUEUE = "autolists-browser-" + RUN;

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void automaticScoreFiltersAndFacetShouldNarrowTheResults() {
		Http admin = new Http(this.port);
		user(admin, SUPERVISOR, "SUPERVISOR", null);
		user(admin, AGENT, "AGENT", AGENT);
		Http supervisor = new Http(this.port, SUPERVISOR, PASSWORD);
		HttpResponse<String> created = supervisor.post("/api/standards", """
				{"name":"Autolists browser %s","scorecard":{"passThreshold":80,"sections":[{"name":"Call","items":[
				 {"key":"greeting","label":"Greets with the company phrase","weight":1,"type":"YES_NO",
				  "rule":{"kind":"SAID","query":"\\"thank you for calling\\"","speaker":"AGENT","window":{"kind":"FIRST","seconds":15}}},
				 {"key":"forbidden","label":"No forbidden phrases","weight":1,"type":"YES_NO","critical":true,
				  "rule":{"kind":"NOT_SAID","query":"\\"not my problem\\"","speaker":"AGENT"}}]}]}}""".formatted(RUN));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long standard = Http.json(created).path("standard").path("id").asLong();
		assertThat(supervisor.put("/api/queues/" + QUEUE + "/standard", "{\"standardId\":" + standard + "}")
			.statusCode()).isEqualTo(200);
		ScriptedCalls calls = new ScriptedCalls(this.jdbc);
		Instant day = Instant.parse("2034-04-01T09:00:00Z");
		// 100 (greeting, nothing forbidden), 50 (no greeting), 0 (a forbidden phrase: critical), none (unanswered)
		long model = calls.add(AGENT, QUEUE, day, agent(0.5, "thank you for calling acme"), customer(3, "hi"));
		long half = calls.add(AGENT, QUEUE, day.plusSeconds(60), agent(0.5, "hello"), customer(3, "hi"));
		long critical = calls.add(AGENT, QUEUE, day.plusSeconds(120), agent(0.5, "thank you for calling acme"),
				customer(3, "my router is broken"), agent(6, "that is not my problem"));
		long unanswered = calls.add(null, QUEUE, day.plusSeconds(180), customer(0.5, "hello anybody"));
		for (long call : new long[] { model, half, critical, unanswered }) {
			this.events.publishEvent(new TranscriptReady(call));
		}
		Eventually.await("four calls indexed, three with an automatic score", Duration.ofSeconds(60),
				() -> Http.json(admin.get("/api/search?q=*:*&autoEvaluated=true&queue=" + QUEUE)).path("total").asLong()
						+ 10 * Http.json(admin.get("/api/search?q=*:*&queue=" + QUEUE)).path("total").asLong(),
				(total) -> total == 43);

		browser.base(this.port);
		browser.logIn(SUPERVISOR, PASSWORD);
		browser.open("/search.html?queue=" + QUEUE);
		awaitSummary("4 calls");
		assertThat(browser.text(".facet[data-facet='autoScore']")).contains("Automatic score", "<50 (1)",
				"50-69 (1)", "85-100 (1)", "none (1)");
		assertThat(browser.text(".hit[data-call-id='" + critical + "']")).contains("auto 0", "critical failed");
		assertThat(browser.text(".hit[data-call-id='" + model + "']")).contains("auto 100");

		browser.find("#f-max-auto").sendKeys("69.99");
		browser.find("#search-submit").click();
		awaitSummary("2 calls");
		new Select(browser.find("#f-auto-critical")).selectByValue("true");
		browser.find("#search-submit").click();
		awaitSummary("1 call");
		assertThat(browser.driver().findElements(By.cssSelector(".hit"))).singleElement()
			.satisfies((hit) -> assertThat(hit.getDomAttribute("data-call-id")).isEqualTo(Long.toString(critical)));
		browser.screenshot("search-automatic-score");

		browser.open("/search.html?queue=" + QUEUE);
		awaitSummary("4 calls");
		browser.find(".facet[data-facet='autoScore'] .facet-value[data-value='50-69']").click();
		awaitSummary("1 call");
		assertThat(browser.find("#f-min-auto").getDomProperty("value")).isEqualTo("50");
		assertThat(browser.find("#f-max-auto").getDomProperty("value")).isEqualTo("69.99");
		assertThat(browser.find(".hit").getDomAttribute("data-call-id")).isEqualTo(Long.toString(half));
		browser.open("/search.html?queue=" + QUEUE);
		awaitSummary("4 calls");
		browser.find(".facet[data-facet='autoScore'] .facet-value[data-value='none']").click();
		awaitSummary("1 call");
		assertThat(browser.find(".hit").getDomAttribute("data-call-id")).isEqualTo(Long.toString(unanswered));
	}

	private static void awaitSummary(String text) {
		String shown = browser.until((d) -> text.equals(browser.text("#summary")) ? text : null);
		assertThat(shown).isEqualTo(text);
	}

	private static void user(Http admin, String username, String role, String agentName) {
		String agentJson = (agentName != null) ? "\"" + agentName + "\"" : "null";
		HttpResponse<String> created = admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

}
