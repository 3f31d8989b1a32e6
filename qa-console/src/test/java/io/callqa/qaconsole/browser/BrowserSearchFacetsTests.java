package io.callqa.qaconsole.browser;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page shows the exact total and facet counts beside the results; clicking a facet value filters on it.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserSearchFacetsTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	static final String QUEUE = "facets-" + UUID.randomUUID().toString().substring(0, 6);

	@LocalServerPort
	int port;

	@Test
	void facetValueClickedShouldFilterTheResults() {
		Http admin = new Http(this.port);
		upload(admin, QUEUE + "-ann");
		upload(admin, QUEUE + "-bob");
		upload(admin, QUEUE + "-bob");
		Eventually.await("three calls searchable", Duration.ofSeconds(120),
				() -> Http.json(admin.get("/api/search?q=*:*&queue=" + QUEUE)).path("total").asLong(),
				(total) -> total == 3);

		browser.base(this.port);
		browser.logIn("admin", "admin-test-pw");
		browser.open("/search.html?queue=" + QUEUE);
		awaitSummary("3 calls");
		assertThat(browser.text(".facet[data-facet='agent']")).contains(QUEUE + "-bob (2)", QUEUE + "-ann (1)");
		assertThat(browser.text(".facet[data-facet='queue']")).contains(QUEUE + " (3)");
		browser.screenshot("search-facets");

		browser.find(".facet[data-facet='agent'] .facet-value[data-value='" + QUEUE + "-bob']").click();
		awaitSummary("2 calls");
		assertThat(browser.driver().findElement(By.id("f-agent")).getDomProperty("value")).isEqualTo(QUEUE + "-bob");
		assertThat(browser.driver().findElements(By.cssSelector(".hit"))).hasSize(2);
	}

	private static void awaitSummary(String text) {
		String shown = browser.until((d) -> text.equals(browser.text("#summary")) ? text : null);
		assertThat(shown).isEqualTo(text);
	}

	private static void upload(Http admin, String agent) {
		HttpResponse<String> response = admin.upload("/api/recordings", Fixtures.audio("refund-8k.wav"),
				Map.of("agent", agent, "queue", QUEUE));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

}
