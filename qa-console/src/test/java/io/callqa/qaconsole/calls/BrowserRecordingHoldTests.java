package io.callqa.qaconsole.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.browser.Browser;

/**
 * The call page of a held recording says why it does not play; only an admin gets the form that releases it, and once
 * released it plays.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserRecordingHoldTests {

	private static final String PASSWORD = "browser-hold-pw-7";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void aHeldRecordingIsExplainedOnTheCallPage_andAnAdminReleasesIt() {
		browser.base(this.port);
		Http admin = new Http(this.port);
		String supervisor = "sup-hold-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"SUPERVISOR","agentName":null}""".formatted(supervisor,
				PASSWORD)).statusCode()).isEqualTo(201);
		// Not audio: its transcription FAILED at once, so redaction will never clear it.
		HttpResponse<String> upload = admin.upload("/api/recordings", Fixtures.audio("not-audio.wav"),
				Map.of("agent", "alice"));
		long callId = Http.json(upload).path("callId").asLong();

		browser.logIn(supervisor, PASSWORD);
		browser.open("/call.html?id=" + callId);
		assertThat(browser.text("#held-recording")).contains("Recording held until card numbers are redacted");
		assertThat(browser.driver().findElement(By.id("player")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.id("download")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElements(By.id("release-recording"))).as("no release for a supervisor")
			.isEmpty();

		browser.logIn("admin", Http.ADMIN_PASSWORD);
		browser.open("/call.html?id=" + callId);
		assertThat(browser.text("#held-recording")).contains("the transcription failed");
		browser.find("#release-reason").sendKeys("Not a recording: nothing to redact");
		browser.find("#release-recording").click();
		browser.until((d) -> browser.text("#message").contains("Recording released") ? true : null);
		assertThat(browser.driver().findElements(By.id("held-recording"))).isEmpty();
		assertThat(browser.find("#player").isDisplayed()).isTrue();
		assertThat(browser.find("#player").getAttribute("src")).endsWith("/api/calls/" + callId + "/audio");
		browser.screenshot("call-recording-released");
		assertThat(Http.json(admin.get("/api/calls/" + callId)).path("recording").path("clearance").asString())
			.isEqualTo("RELEASED");
	}

}
