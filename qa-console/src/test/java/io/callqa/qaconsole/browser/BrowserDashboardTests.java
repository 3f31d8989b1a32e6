package io.callqa.qaconsole.browser;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager dashboard shows, for a scripted past day, the numbers the dashboard API answers for the same range.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserDashboardTests {

	private static final String PASSWORD = "browser-test-pw";

	private static final String DAY = "2026-10-05";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void dashboardShouldShowTheApisNumbersForAScriptedDay() {
		String run = UUID.randomUUID().toString().substring(0, 6);
		String queue = "dash-" + run;
		String manager = "manager-" + run;
		Http admin = new Http(this.port);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"MANAGER","agentName":null,"displayName":"Manager"}"""
			.formatted(manager, PASSWORD)).statusCode()).isEqualTo(201);
		// Midday UTC, so the day is the same in any zone the browser might run in.
		answered(queue, "agent-a-" + run, "10:00", 5, 60);
		answered(queue, "agent-a-" + run, "11:00", 10, 120);
		answered(queue, "agent-b-" + run, "12:00", 15, 180);
		answered(queue, "agent-b-" + run, "13:00", 30, 240);
		long abandoned = call(queue, null, "14:00", "ABANDONED", 40, null);
		survey(abandoned, queue, 9, "14:05");
		survey(abandoned, queue, 4, "14:06");

		browser.base(this.port).logIn(manager, PASSWORD);
		assertThat(browser.driver().getCurrentUrl()).contains("/manager.html");
		browser.open("/manager.html?from=" + DAY + "&to=" + DAY + "&per=QUEUE");
		String loaded = browser.until((d) -> (String) browser.script(
				"return document.body.dataset.loaded && document.body.dataset.loaded.endsWith('/QUEUE')"
						+ " ? document.body.dataset.loaded : null;"));
		String[] range = loaded.split("/");
		JsonNode view = Http.json(admin.get("/api/dashboard?groupBy=QUEUE&from=" + range[0] + "&to=" + range[1]));
		JsonNode calls = view.path("queues");
		assertThat(calls).hasSize(1);
		JsonNode stats = calls.get(0);
		assertThat(stats.path("key").asString()).isEqualTo(queue);
		assertThat(stats.path("offered").asLong()).isEqualTo(5);

		assertThat(browser.text("#tile-offered")).isEqualTo("5");
		assertThat(browser.text("#tile-answered")).isEqualTo(String.valueOf(stats.path("answered").asLong()));
		assertThat(browser.text("#tile-asa")).isEqualTo(oneDecimal(stats.path("asaSec").asDouble())).isEqualTo("15.0");
		assertThat(browser.text("#tile-service-level")).isEqualTo(oneDecimal(stats.path("serviceLevelPct").asDouble()));
		assertThat(browser.text("#tile-aht")).isEqualTo(oneDecimal(stats.path("ahtSec").asDouble())).isEqualTo("150.0");
		assertThat(browser.text("#tile-max-wait")).isEqualTo(oneDecimal(stats.path("maxWaitSec").asDouble()));
		assertThat(browser.text("#tile-abandonment")).isEqualTo(oneDecimal(100.0 * stats.path("abandoned").asLong()
				/ (stats.path("offered").asLong() - stats.path("shortAbandoned").asLong())));
		assertThat(browser.text("#tile-survey-responses"))
			.isEqualTo(String.valueOf(view.path("satisfaction").path("responses").asLong()));
		assertThat(browser.text("#tile-satisfaction"))
			.isEqualTo(oneDecimal(view.path("satisfaction").path("average").asDouble())).isEqualTo("6.5");
		assertThat(browser.text("#tile-nps")).isEqualTo(
				String.format(Locale.ROOT, "%.0f", view.path("satisfaction").path("nps").asDouble()));
		assertThat(browser.text("#breakdown tbody tr td")).isEqualTo(queue);
		assertThat(browser.find("#chart-offered svg rect.bar")).isNotNull();
		assertThat(browser.find("#export").getDomAttribute("href")).startsWith("/api/dashboard/export.csv?");
		browser.screenshot("manager-dashboard");

		browser.find("#per-agent").click();
		browser.until((d) -> browser.script("return document.body.dataset.loaded.endsWith('/AGENT') || null;"));
		assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#breakdown tbody tr"))).hasSize(3);
		browser.screenshot("manager-dashboard-per-agent");
	}

	private static String oneDecimal(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private void answered(String queue, String agent, String time, double waitSec, double talkSec) {
		call(queue, agent, time, "ANSWERED", waitSec, talkSec);
	}

	private long call(String queue, String agent, String time, String outcome, double waitSec, Double talkSec) {
		Instant entered = Instant.parse(DAY + "T" + time + ":00Z");
		Instant answered = (talkSec != null) ? entered.plusSeconds((long) waitSec) : null;
		Instant ended = entered.plusSeconds((long) (waitSec + ((talkSec != null) ? talkSec : 0)));
		return this.jdbc.sql("""
				insert into call (source, agent, queue, direction, caller_number, started_at, ended_at, duration_sec,
				  outcome, state, entered_at, answered_at, wait_sec, talk_sec)
				values ('ASTERISK', :agent, :queue, 'INBOUND', '+15550100', :entered, :ended, :duration, :outcome,
				  'ENDED', :entered, :answered, :wait, :talk)
				returning id""")
			.param("agent", agent)
			.param("queue", queue)
			.param("entered", Timestamp.from(entered))
			.param("ended", Timestamp.from(ended))
			.param("duration", waitSec + ((talkSec != null) ? talkSec : 0))
			.param("outcome", outcome)
			.param("answered", (answered != null) ? Timestamp.from(answered) : null)
			.param("wait", waitSec)
			.param("talk", talkSec)
			.query(Long.class)
			.single();
	}

	private void survey(long callId, String queue, int score, String time) {
		this.jdbc.sql("insert into survey_response (call_id, queue, score, answered_at) values (?, ?, ?, ?)")
			.params(callId, queue, score, Timestamp.from(Instant.parse(DAY + "T" + time + ":00Z")))
			.update();
	}

}
