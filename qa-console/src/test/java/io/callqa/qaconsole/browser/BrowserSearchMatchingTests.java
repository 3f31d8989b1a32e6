package io.callqa.qaconsole.browser;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page's matching select: a word found through its stem says so next to the match, and exact words do
 * not find it.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserSearchMatchingTests {

	private static final String PASSWORD = "browser-test-pw";

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	Http admin;

	@BeforeEach
	void setUp() {
		browser.base(this.port);
		this.admin = new Http(this.port);
	}

	@Test
	void supervisorShouldSeeAStemMatchMarkedAndNoMatchWithExactWords() {
		String agent = "matching-" + RUN;
		long callId = uploadAndAwaitSearchable(agent);
		String supervisor = "sup-matching-" + RUN;
		HttpResponse<String> created = this.admin.post("/api/users",
				"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"SUPERVISOR\",\"displayName\":\"%s\"}"
					.formatted(supervisor, PASSWORD, supervisor));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		browser.logIn(supervisor, PASSWORD);
		browser.find("#q").sendKeys("orders");
		browser.find("#f-agent").sendKeys(agent);
		browser.find("#search-submit").click();
		String match = ".hit[data-call-id='" + callId + "'] .match";
		assertThat(browser.text(match)).contains("“order”");
		assertThat(browser.text(match + " .match-form")).isEqualTo("(stem)");
		browser.screenshot("search-stem-match");

		new Select(browser.find("#matching")).selectByValue("exact");
		browser.find("#search-submit").click();
		browser.until((d) -> d.getCurrentUrl().contains("matching=exact") && "0 calls".equals(browser.text("#summary")));
		browser.driver().navigate().refresh();
		assertThat(new Select(browser.find("#matching")).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("exact");
	}

	private long uploadAndAwaitSearchable(String agent) {
		HttpResponse<String> upload = this.admin.upload("/api/recordings", Fixtures.audio("conversation-8k.wav"),
				Map.of("agent", agent, "queue", "support", "callerNumber", "+15550123"));
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
		long callId = Http.json(upload).path("callId").asLong();
		Eventually.await("call " + callId + " searchable", Duration.ofSeconds(90),
				() -> Http.json(this.admin.get("/api/search?q=order&agent=" + agent)),
				(results) -> results.path("total").asLong() > 0);
		return callId;
	}

}
