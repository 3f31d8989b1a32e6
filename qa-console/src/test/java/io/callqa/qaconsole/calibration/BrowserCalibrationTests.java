package io.callqa.qaconsole.calibration;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

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
 * The calibration page in headless Chromium: a supervisor reads the automatic rules' agreement with a colleague's
 * evaluation, answers a calibration session blind, submits, sees the spread (computed by hand below) and records an
 * agreed answer.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserCalibrationTests {

	private static final String PASSWORD = "calibration-browser-pw";

	private static final String SCORECARD = """
			{"passThreshold":80,"sections":[{"name":"Call","items":[
			 {"key":"greeting","label":"Greets with the company phrase","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"thank you for calling\\"","speaker":"AGENT","window":{"kind":"FIRST","seconds":15}}},
			 {"key":"closing","label":"Asks if there is anything else","weight":1,"type":"YES_NO","naAllowed":true,
			  "rule":{"kind":"SAID","query":"\\"anything else\\"","speaker":"AGENT","window":{"kind":"LAST","seconds":60}}},
			 {"key":"courtesy","label":"Courtesy","weight":1,"type":"POINTS","maxPoints":5,"naAllowed":true}]}]}""";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void supervisorReadsTheRulesAgreementAnswersASessionBlindAndSeesTheSpread() {
		Http admin = new Http(this.port);
		String owner = "calb-own-" + this.suffix;
		String colleague = "calb-col-" + this.suffix;
		for (String name : new String[] { owner, colleague }) {
			assertThat(admin.post("/api/users", """
					{"username":"%s","password":"%s","role":"SUPERVISOR","agentName":null}""".formatted(name, PASSWORD))
				.statusCode()).isEqualTo(201);
		}
		Http other = new Http(this.port, colleague, PASSWORD);
		String queue = "calb-q-" + this.suffix;
		HttpResponse<String> created = other.post("/api/standards",
				"{\"name\":\"Calibration page " + this.suffix + "\",\"scorecard\":" + SCORECARD + "}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long standard = Http.json(created).path("standard").path("id").asLong();
		assertThat(other.put("/api/queues/" + queue + "/standard", "{\"standardId\":" + standard + "}").statusCode())
			.isEqualTo(200);
		long version = this.jdbc.sql("select id from scorecard_version where standard_id = :s").param("s", standard)
			.query(Long.class).single();
		long call = this.jdbc.sql("""
				insert into call (agent, queue, started_at, duration_sec) values ('calb-agent', :q, :at, 60) returning id""")
			.param("q", queue).param("at", Timestamp.from(Instant.parse("2034-01-10T10:00:00Z"))).query(Long.class).single();
		// The rules passed both items; the colleague answered greeting yes, closing no: 1 of 1 and 0 of 1 agree.
		long automatic = this.jdbc.sql("""
				insert into automatic_evaluation (call_id, scorecard_version_id, score, passed) values (:c, :v, 100, true)
				returning id""").param("c", call).param("v", version).query(Long.class).single();
		for (String key : new String[] { "greeting", "closing" }) {
			this.jdbc.sql("""
					insert into automatic_evaluation_item (evaluation_id, seq, item_key, label, critical, outcome, points,
					  max_points, weight) values (:e, 0, :k, :k, false, 'PASS', 1, 1, 1)""")
				.param("e", automatic).param("k", key).update();
		}
		long evaluation = Http.json(other.post("/api/calls/" + call + "/evaluations", "")).path("id").asLong();
		String answers = """
				{"items":[{"key":"greeting","value":1},{"key":"closing","value":0},{"key":"courtesy","value":4}]}""";
		assertThat(other.put("/api/evaluations/" + evaluation + "/items", answers).statusCode()).isEqualTo(200);
		assertThat(other.post("/api/evaluations/" + evaluation + "/submit", "{}").statusCode()).isEqualTo(200);
		// A session of the owner and the colleague on that call; the colleague answered the same and submitted.
		HttpResponse<String> session = new Http(this.port, owner, PASSWORD).post("/api/calibration/sessions", """
				{"title":"Page session %s","standardId":%d,"callIds":[%d],"participants":["%s"]}"""
			.formatted(this.suffix, standard, call, colleague));
		assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
		long id = Http.json(session).path("id").asLong();
		assertThat(other.put("/api/calibration/sessions/" + id + "/calls/" + call + "/answers", answers).statusCode())
			.isEqualTo(200);
		assertThat(other.post("/api/calibration/sessions/" + id + "/submit", "").statusCode()).isEqualTo(200);

		browser.base(this.port).logIn(owner, PASSWORD);
		assertThat(browser.find("#topbar a[href='/calibration.html']").getText()).isEqualTo("Calibration");
		browser.open("/calibration.html?standardId=" + standard);
		browser.until((d) -> browser.script("return document.body.dataset.loaded || null;"));
		assertThat(browser.text(".automatic-items tr[data-item='greeting'] td.agreement")).isEqualTo("100.0 %");
		assertThat(browser.text(".automatic-items tr[data-item='closing'] td.agreement")).isEqualTo("0.0 %");

		browser.find("#sessions tr[data-session='" + id + "'] a").click();
		// Blind: before submitting, nothing of the colleague's answers is on the page.
		browser.find("#my-answers");
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain(colleague + ":");
		choose("select.answer[data-item='greeting']", "1");
		choose("select.answer[data-item='closing']", "1");
		choose("select.answer[data-item='courtesy']", "2");
		browser.find("#session-submit").click();
		browser.find("#spread-items");
		// Call: greeting 1,1 (100 %, sd 0); closing 1,0 (50 %, sd 0.5); courtesy 2,4 (50 %, sd 1).
		String row = ".call-spread[data-call='" + call + "'] tr[data-item='%s'] td.%s";
		assertThat(browser.text(row.formatted("greeting", "agreement"))).isEqualTo("100.0 %");
		assertThat(browser.text(row.formatted("closing", "agreement"))).isEqualTo("50.0 %");
		assertThat(browser.text(row.formatted("closing", "deviation"))).isEqualTo("0.50");
		assertThat(browser.text(row.formatted("courtesy", "deviation"))).isEqualTo("1.00");
		assertThat(browser.text(row.formatted("courtesy", "answers"))).contains(colleague + ": 4");

		choose(".call-spread tr[data-item='closing'] select.agreed-answer", "0");
		JsonNode agreed = Http.json(other.get("/api/calibration/sessions/" + id + "/spread")).path("calls").get(0)
			.path("items").get(1).path("agreed");
		assertThat(agreed.path("value").asDouble()).isEqualTo(0.0);
		assertThat(agreed.path("decidedBy").asString()).isEqualTo(owner);
		browser.screenshot("calibration");
	}

	private static void choose(String css, String value) {
		WebElement select = browser.find(css);
		new Select(select).selectByValue(value);
		browser.until((d) -> "true".equals(select.getDomAttribute("data-saved")) ? true : null);
	}

}
