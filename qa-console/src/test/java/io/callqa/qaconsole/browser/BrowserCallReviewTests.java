package io.callqa.qaconsole.browser;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A supervisor finds a phrase, opens the call at the match, hears it with the word highlighted and scores it; the
 * agent sees the evaluation and disputes it; another agent is refused the call.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserCallReviewTests {

	private static final String PASSWORD = "browser-test-pw";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	Http admin;

	static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	static final String SUPERVISOR = "sup-" + RUN;

	static final String AGENT = "alice-" + RUN;

	static long recordedCallId;

	@BeforeEach
	void setUp() {
		browser.base(this.port);
		this.admin = new Http(this.port);
	}

	@Test
	void supervisorShouldFindAPhraseAndHearTheCallFromTheMatchWithTheWordHighlighted() {
		long callId = recordedCall();
		browser.logIn(SUPERVISOR, PASSWORD);
		assertThat(browser.driver().getCurrentUrl()).endsWith("/search.html");
		browser.find("#q").sendKeys("\"call you");
		browser.find("#search-submit").click();
		assertThat(browser.text("#message")).startsWith("Invalid search query");
		browser.find("#q").sendKeys(" back\"");
		browser.find("#search-submit").click();
		WebElement match = browser.find(".hit[data-call-id='" + callId + "'] .match");
		assertThat(browser.text(".hit[data-call-id='" + callId + "'] .snippet em")).containsIgnoringCase("call");
		browser.screenshot("search");
		double matchSec = matchSecond(callId);
		match.click();

		browser.until((d) -> d.getCurrentUrl().contains("call.html?id=" + callId + "&"));
		browser.find(".word");
		double position = browser.until((d) -> {
			Object time = browser.script("const p = document.getElementById('player');"
					+ "return p.readyState >= 1 && p.currentTime > 0 ? p.currentTime : null;");
			return (time != null) ? ((Number) time).doubleValue() : null;
		});
		assertThat(position).isCloseTo(matchSec, within(1.5));
		browser.find(".match-mark");

		browser.script("document.getElementById('player').play();");
		WebElement current = browser.find(".word.current");
		assertThat(current.getText()).isNotBlank();
		double start = Double.parseDouble(current.getDomAttribute("data-start"));
		assertThat(start).isGreaterThanOrEqualTo(matchSec - 1.5);
		browser.screenshot("call-playing");
		browser.script("document.getElementById('player').pause();");
	}

	@Test
	void supervisorShouldScoreTheCallAndTheAgentDisputeIt() {
		long callId = recordedCall();
		browser.logIn(SUPERVISOR, PASSWORD);
		browser.find("#sampling summary").click();
		browser.find("#s-agent").sendKeys(AGENT);
		browser.find("#sample-submit").click();
		assertThat(browser.find("#sample li[data-call-id='" + callId + "'] a").getText()).isEqualTo("Call " + callId);
		browser.screenshot("search-sampling");
		browser.open("/call.html?id=" + callId);
		browser.find(".word");
		browser.script("document.getElementById('player').currentTime = 3;");
		browser.find("#start-evaluation").click();
		browser.find("#evaluation-form .item");
		// Full marks everywhere: yes, or the most points.
		for (WebElement item : browser.driver().findElements(By.cssSelector("#evaluation-form .item"))) {
			item.findElements(By.cssSelector("input[type=radio]"))
				.stream()
				.filter((radio) -> !"na".equals(radio.getDomAttribute("value")))
				.max(Comparator.comparingInt((radio) -> Integer.parseInt(radio.getDomAttribute("value"))))
				.orElseThrow()
				.click();
		}
		browser.driver().findElements(By.cssSelector("#evaluation-form .pin")).get(0).click();
		assertThat(browser.text("#evaluation-form .evidence-link")).isEqualTo("@ 0:03");
		assertThat(browser.text("#eval-total")).isEqualTo("100%");
		browser.screenshot("call-scoring");
		browser.find("#eval-submit").click();
		browser.until((d) -> "SUBMITTED".equals(d.findElement(By.id("evaluation-form")).getDomAttribute("data-state")));
		JsonNode evaluation = Http.json(this.admin.get("/api/calls/" + callId + "/evaluations")).get(0);
		assertThat(evaluation.path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(evaluation.path("score").asDouble()).isEqualTo(100.0);
		assertThat(evaluation.toString()).contains("\"evidenceSec\":3.0");

		browser.logIn(AGENT, PASSWORD);
		assertThat(browser.driver().getCurrentUrl()).endsWith("/agent.html");
		browser.find("#to-acknowledge li[data-id='" + evaluation.path("id").asLong() + "']");
		browser.screenshot("agent-home");
		browser.open("/call.html?id=" + callId);
		browser.find("#agent-comment").sendKeys("The caller hung up before I could close the call.");
		browser.find("#eval-dispute").click();
		browser.until((d) -> browser.text("#message").contains("Dispute sent"));
		browser.screenshot("agent-dispute");
		JsonNode disputed = Http.json(this.admin.get("/api/evaluations/" + evaluation.path("id").asLong()));
		assertThat(disputed.path("evaluation").path("state").asString()).isEqualTo("DISPUTED");
		assertThat(disputed.path("evaluation").path("agentComment").asString()).contains("hung up");

		browser.logIn(SUPERVISOR, PASSWORD);
		browser.open("/alerts.html");
		browser.find("#disputes tr[data-id='" + evaluation.path("id").asLong() + "'] a").click();
		browser.find("#agent-response");
		browser.find("#supervisor-comment").sendKeys("Agreed: the caller ended the call.");
		browser.screenshot("call-dispute-resolution");
		browser.find("#eval-resolve").click();
		browser.until((d) -> browser.text("#message").contains("resolved") ? true : null);
		assertThat(Http.json(this.admin.get("/api/evaluations/" + evaluation.path("id").asLong())).path("evaluation")
			.path("state").asString()).isEqualTo("RESOLVED");
	}

	/** One uploaded call for the class, the agent's and supervisor's users with it. */
	private long recordedCall() {
		if (recordedCallId == 0) {
			createUser(SUPERVISOR, "SUPERVISOR", null);
			createUser(AGENT, "AGENT", AGENT);
			recordedCallId = uploadAndAwaitSearchable(AGENT);
		}
		return recordedCallId;
	}

	@Test
	void agentOpeningAnotherAgentsCallShouldSeeNotYourCall() {
		String owner = "bob-" + RUN;
		String other = "carol-" + RUN;
		createUser(owner, "AGENT", owner);
		createUser(other, "AGENT", other);
		long callId = Http.json(this.admin.upload("/api/recordings", Fixtures.audio("tiny-8k.wav"),
				Map.of("agent", owner))).path("callId").asLong();

		browser.logIn(other, PASSWORD);
		browser.open("/call.html?id=" + callId);
		assertThat(browser.text("#message")).contains("Not your call");
		assertThat(browser.find("#message").getAttribute("class")).contains("error");
		assertThat(browser.driver().findElement(By.id("call-page")).isDisplayed()).isFalse();
		browser.screenshot("call-not-yours");
		assertThat(new Http(this.port, other, PASSWORD).get("/api/calls/" + callId).statusCode()).isEqualTo(403);
	}

	private void createUser(String name, String role, String agentName) {
		HttpResponse<String> created = this.admin.post("/api/users",
				"{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\",\"agentName\":%s,\"displayName\":\"%s\"}"
					.formatted(name, PASSWORD, role, (agentName != null) ? "\"" + agentName + "\"" : "null", name));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private long uploadAndAwaitSearchable(String agent) {
		HttpResponse<String> upload = this.admin.upload("/api/recordings", Fixtures.audio("conversation-8k.wav"),
				Map.of("agent", agent, "queue", "support", "callerNumber", "+15550123"));
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
		long callId = Http.json(upload).path("callId").asLong();
		Eventually.await("call " + callId + " searchable", Duration.ofSeconds(90),
				() -> Http.json(this.admin.get("/api/search?q=%22call+you+back%22&agent=" + agent)),
				(results) -> results.path("total").asLong() > 0);
		return callId;
	}

	private double matchSecond(long callId) {
		JsonNode hit = Http.json(this.admin.get("/api/search?q=%22call+you+back%22&size=100")).path("hits").valueStream()
			.filter((h) -> h.path("callId").asLong() == callId)
			.findFirst()
			.orElseThrow();
		return hit.path("snippets").get(0).path("matches").get(0).path("startSec").asDouble();
	}

}
