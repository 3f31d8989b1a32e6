package io.callqa.qaconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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

/**
 * The manager dashboard's agent states card shows, for a scripted past day, each agent's time per state, pause
 * reasons, occupancy and utilization, a stacked bar per agent, and links the same days' CSV.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserAgentStatesCardTests {

	private static final String PASSWORD = "browser-test-pw";

	private static final String DAY = "2026-10-06";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCardShowsWhereEachAgentsDayWent() {
		String run = UUID.randomUUID().toString().substring(0, 6);
		String manager = "states-manager-" + run;
		String anna = "anna-" + run;
		String bert = "bert-" + run;
		Http admin = new Http(this.port);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"MANAGER","agentName":null,"displayName":"Manager"}"""
			.formatted(manager, PASSWORD)).statusCode()).isEqualTo(201);
		// Around midday UTC, so the day is the same in any zone the browser might run in.
		stretch(anna, "AVAILABLE", null, "10:00", "11:00");
		stretch(anna, "RINGING", null, "11:00", "11:01");
		stretch(anna, "ON_CALL", null, "11:01", "11:31");
		stretch(anna, "PAUSED", "Lunch", "11:31", "12:01");
		stretch(anna, "PAUSED", null, "12:01", "12:11");
		stretch(anna, "UNAVAILABLE", null, "12:11", "12:16");
		stretch(bert, "ON_CALL", null, "10:00", "10:45");
		stretch(bert, "PAUSED", "Coaching", "10:45", "11:00");

		browser.base(this.port).logIn(manager, PASSWORD);
		browser.open("/manager.html?from=" + DAY + "&to=" + DAY + "&per=QUEUE");
		browser.until((d) -> browser.script("return document.getElementById('agent-states').dataset.loaded === '"
				+ DAY + "/" + DAY + "' || null;"));

		String row = "#agent-states tr[data-agent='" + anna + "'] ";
		assertThat(browser.text(row + "td.login")).isEqualTo("2:16:00");
		assertThat(browser.text(row + "td.available")).isEqualTo("1:00:00");
		assertThat(browser.text(row + "td.ringing")).isEqualTo("1:00");
		assertThat(browser.text(row + "td.on-call")).isEqualTo("30:00");
		assertThat(browser.text(row + "td.paused")).isEqualTo("40:00");
		assertThat(browser.text(row + "td.paused-by-reason")).isEqualTo("Lunch 30:00, (no reason) 10:00");
		assertThat(browser.text(row + "td.unavailable")).isEqualTo("5:00");
		// 1800 / (1800 + 60 + 3600) and 1800 / 8160.
		assertThat(browser.text(row + "td.occupancy")).isEqualTo("33.0%");
		assertThat(browser.text(row + "td.utilization")).isEqualTo("22.1%");
		String bertRow = "#agent-states tr[data-agent='" + bert + "'] ";
		assertThat(browser.text(bertRow + "td.occupancy")).isEqualTo("100.0%");
		assertThat(browser.text(bertRow + "td.utilization")).isEqualTo("75.0%");
		assertThat(browser.text(bertRow + "td.paused-by-reason")).isEqualTo("Coaching 15:00");

		assertThat(browser.driver()
			.findElements(By.cssSelector("#chart-agent-states g[data-agent='" + anna + "'] rect.segment")))
			.extracting((rect) -> rect.getDomAttribute("data-state"))
			.containsExactly("onCallSec", "ringingSec", "availableSec", "pausedSec", "unavailableSec");
		assertThat(browser.driver()
			.findElements(By.cssSelector("#chart-agent-states g[data-agent='" + bert + "'] rect.segment")))
			.extracting((rect) -> rect.getDomAttribute("data-state"))
			.containsExactly("onCallSec", "pausedSec");

		String href = browser.find("#agent-states-export").getDomAttribute("href");
		assertThat(href).startsWith("/api/dashboard/agent-states.csv?from=" + DAY + "&to=" + DAY + "&zone=");
		HttpResponse<String> csv = admin.get(href);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("\r\n\"" + anna + "\"," + DAY + ",8160,3600,60,1800,2400,300,32.97,22.06,");
		browser.script("document.getElementById('chart-agent-states').scrollIntoView();");
		browser.screenshot("manager-dashboard-agent-states");
	}

	private void stretch(String agent, String state, @Nullable String reason, String from, String to) {
		this.jdbc.sql("""
				insert into agent_state_interval (agent, state, pause_reason, started_at, ended_at, seen_at)
				values (:agent, :state, :reason, :from, :to, :to)""")
			.param("agent", agent)
			.param("state", state)
			.param("reason", reason)
			.param("from", Timestamp.from(Instant.parse(DAY + "T" + from + ":00Z")))
			.param("to", Timestamp.from(Instant.parse(DAY + "T" + to + ":00Z")))
			.update();
	}

}
