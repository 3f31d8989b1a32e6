package io.callqa.qaconsole.browser;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's home during a live call shows the caller's history; the admin manages users; a supervisor
 * acknowledges alerts.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserAgentAndAdminTests {

	private static final String PASSWORD = "browser-test-pw";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http admin;

	String run = UUID.randomUUID().toString().substring(0, 6);

	@BeforeEach
	void setUp() {
		browser.base(this.port);
		this.admin = new Http(this.port);
	}

	@Test
	void agentOnALiveCallShouldSeeTheCallersHistory() {
		String agent = "dave-" + this.run;
		String number = "+1555" + Math.abs(this.run.hashCode() % 1_000_000);
		createUser(agent, "AGENT", agent);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long earlier = call("other-agent", number, "ENDED", now.minus(2, ChronoUnit.DAYS), "ANSWERED");
		this.jdbc.sql("insert into survey_response (call_id, queue, score, answered_at) values (?, 'support', 3, ?)")
			.params(earlier, Timestamp.from(now.minus(2, ChronoUnit.DAYS).plusSeconds(300)))
			.update();
		// Not due for a day, so no dialler picks it up while the test runs.
		this.jdbc.sql("""
				insert into callback_request (queue, number, source, requested_at, promised_by, next_attempt_at, state,
				  max_attempts) values ('support', ?, 'IVR', ?, ?, ?, 'OPEN', 3)""")
			.params(number, Timestamp.from(now.minus(1, ChronoUnit.DAYS)), Timestamp.from(now.plus(1, ChronoUnit.DAYS)),
					Timestamp.from(now.plus(1, ChronoUnit.DAYS)))
			.update();
		long live = call(agent, number, "ACTIVE", now.minusSeconds(30), null);

		browser.logIn(agent, PASSWORD);
		assertThat(browser.driver().getCurrentUrl()).endsWith("/agent.html");
		assertThat(browser.text("#live-caller")).contains(number);
		assertThat(browser.text("#last-survey")).contains("3/10");
		assertThat(browser.text("#open-callbacks")).contains("support").contains("OPEN");
		assertThat(browser.find("#earlier-calls a[href='/call.html?id=" + earlier + "']")).isNotNull();
		assertThat(browser.find("#my-calls tr[data-call-id='" + live + "']")).isNotNull();
		assertThat(browser.driver().findElements(By.cssSelector("#my-calls tr[data-call-id='" + earlier + "']")))
			.as("another agent's call").isEmpty();
		assertThat(browser.find("#score-chart svg")).isNotNull();
		browser.screenshot("agent-live-call");
	}

	@Test
	void adminShouldCreateAndDisableUsersAndSupervisorAcknowledgeAlerts() {
		browser.logIn("admin", Http.ADMIN_PASSWORD);
		browser.open("/admin.html");
		String user = "eve-" + this.run;
		browser.find("#nu-username").sendKeys(user);
		browser.find("#nu-password").sendKeys(PASSWORD);
		browser.find("#nu-agent").sendKeys(user);
		browser.find("#nu-create").click();
		String row = "#users tr[data-username='" + user + "']";
		assertThat(browser.text(row)).contains("AGENT").contains(user);
		browser.find(row + " .toggle-user").click();
		browser.until((d) -> browser.text(row).contains("Enable") ? true : null);
		browser.screenshot("admin-users");
		assertThat(Http.json(this.admin.get("/api/users")).valueStream()
			.filter((u) -> u.path("username").asString().equals(user))
			.findFirst()
			.orElseThrow()
			.path("enabled")
			.asBoolean()).isFalse();

		String supervisor = "sup2-" + this.run;
		createUser(supervisor, "SUPERVISOR", null);
		long alert = this.jdbc.sql("""
				insert into supervisor_alert (kind, agent, queue, detail) values ('LOW_SURVEY', 'dave', 'support',
				  'Survey score 2 of 10') returning id""").query(Long.class).single();
		browser.logIn(supervisor, PASSWORD);
		browser.open("/alerts.html");
		String alertRow = "#alerts tr[data-id='" + alert + "']";
		assertThat(browser.text(alertRow)).contains("Survey under 5").contains("Survey score 2 of 10");
		browser.screenshot("alerts");
		browser.find(alertRow + " button.acknowledge").click();
		browser.until((d) -> d.findElements(By.cssSelector(alertRow)).isEmpty() ? true : null);
		assertThat(this.jdbc.sql("select acknowledged_by from supervisor_alert where id = ?").param(alert)
			.query(String.class).single()).isEqualTo(supervisor);

		browser.find("#logout").click();
		browser.until((d) -> d.getCurrentUrl().contains("/login?logout") ? true : null);
		browser.screenshot("login");
		browser.open("/alerts.html");
		assertThat(browser.driver().getCurrentUrl()).contains("/login");
	}

	private void createUser(String name, String role, String agentName) {
		assertThat(this.admin.post("/api/users",
				"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\",\"agentName\":%s,\"displayName\":\"%s\"}"
					.formatted(name, PASSWORD, role, (agentName != null) ? "\"" + agentName + "\"" : "null", name))
			.statusCode()).isEqualTo(201);
	}

	private long call(String agent, String number, String state, Instant entered, String outcome) {
		return this.jdbc.sql("""
				insert into call (source, server, agent, queue, direction, caller_number, caller_name, started_at,
				  ended_at, outcome, state, entered_at, answered_at, wait_sec, talk_sec)
				values ('ASTERISK', 'browser-test', :agent, 'support', 'INBOUND', :number, 'Mrs Smith', :entered,
				  :ended, :outcome, :state, :entered, :answered, 5, :talk)
				returning id""")
			.param("agent", agent)
			.param("number", number)
			.param("entered", Timestamp.from(entered))
			.param("ended", "ENDED".equals(state) ? Timestamp.from(entered.plusSeconds(125)) : null)
			.param("outcome", outcome)
			.param("state", state)
			.param("answered", Timestamp.from(entered.plusSeconds(5)))
			.param("talk", "ENDED".equals(state) ? 120.0 : null)
			.query(Long.class)
			.single();
	}

}
