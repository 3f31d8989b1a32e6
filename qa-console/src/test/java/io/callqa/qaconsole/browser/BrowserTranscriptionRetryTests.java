package io.callqa.qaconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
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
import io.callqa.transcription.Eventually;

/**
 * The call page of a FAILED transcription shows why, and only an admin gets the button that queues it again.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserTranscriptionRetryTests {

	private static final String PASSWORD = "browser-retry-pw-7";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void anAdminRetriesAFailedTranscriptionFromTheCallPageASupervisorCannot() {
		browser.base(this.port);
		Http admin = new Http(this.port);
		String supervisor = "sup-retry-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"SUPERVISOR","agentName":null}""".formatted(supervisor,
				PASSWORD)).statusCode()).isEqualTo(201);
		HttpResponse<String> upload = admin.upload("/api/recordings", Fixtures.audio("not-audio.wav"),
				Map.of("agent", "alice"));
		long callId = Http.json(upload).path("callId").asLong();

		browser.logIn(supervisor, PASSWORD);
		browser.open("/call.html?id=" + callId);
		assertThat(browser.text("#meta-transcription")).isEqualTo("FAILED");
		assertThat(browser.text("#transcription-reason")).contains("not a WAV");
		assertThat(browser.driver().findElements(By.id("retry-transcription"))).as("no button for a supervisor")
			.isEmpty();

		browser.logIn("admin", Http.ADMIN_PASSWORD);
		browser.open("/call.html?id=" + callId);
		browser.find("#retry-transcription").click();
		browser.until((d) -> browser.text("#message").contains("Transcription queued again") ? true : null);
		assertThat(browser.text("#meta-transcription")).isEqualTo("QUEUED");
		assertThat(browser.driver().findElements(By.id("retry-transcription"))).isEmpty();
		browser.screenshot("call-transcription-retried");
		// The worker ran it again (and, the file not being audio, it failed again).
		Eventually.await("the retried job finished", Duration.ofSeconds(60),
				() -> Http.json(admin.get("/api/calls/" + callId)).path("transcription"),
				(t) -> t.path("state").asString().equals("FAILED") && t.path("attempts").asInt() == 1);
	}

}
