package io.callqa.qaconsole.search;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transcript search over real HTTP: two uploaded calls, transcribed by the real model, found by words, phrases and
 * filters, with the second of each match.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIntegrationTests {

	@LocalServerPort
	int port;

	Http http;

	long conversation;

	long other;

	@BeforeAll
	void uploadTwoCalls() {
		this.http = new Http(this.port);
		// Names of their own: the server (a cached test context) may hold other test classes' calls.
		this.conversation = upload("conversation-8k.wav", "search-alice", "search-support", "2026-11-20T10:00:00Z");
		this.other = upload("refund-8k.wav", "search-bob", "search-sales", "2026-11-21T10:00:00Z");
		Eventually.await("both calls searchable", Duration.ofSeconds(90), () -> ids(search("q=*:*&size=100")),
				(ids) -> ids.contains(this.conversation) && ids.contains(this.other));
	}

	@Test
	void searchWhenWordSpokenShouldFindTheCallWithSnippetAndSecond() {
		JsonNode hit = hitFor(search("q=" + encode("order") + "&agent=search-alice"), this.conversation);
		JsonNode snippet = hit.path("snippets").get(0);
		assertThat(snippet.path("html").asString()).contains("<em>order</em>");
		double second = snippet.path("matches").get(0).path("startSec").asDouble();
		JsonNode transcript = Http.json(this.http.get("/api/calls/" + this.conversation + "/transcript"));
		assertThat(transcript.toString()).contains("\"word\":\"order\",\"start\":" + second);
	}

	@Test
	void searchWhenProximityOrPhraseShouldMatchOnlyCallsThatSayIt() {
		assertThat(ids(search("q=" + encode("\"for my order\"")))).contains(this.conversation);
		assertThat(ids(search("q=" + encode("\"calling support\"~3")))).contains(this.conversation);
		assertThat(ids(search("q=" + encode("\"support calling\"")))).doesNotContain(this.conversation);
	}

	@Test
	void searchWhenFilteredShouldKeepOnlyMatchingCalls() {
		assertThat(ids(search("q=*:*&queue=search-sales"))).containsExactly(this.other);
		assertThat(ids(search("q=*:*&agent=search-alice"))).containsExactly(this.conversation);
		assertThat(ids(search("q=*:*&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z"))).contains(this.other)
			.doesNotContain(this.conversation);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"unclosed", "refund)", "AND" })
	void searchWhenSyntaxIsInvalidShouldAnswer400WithTheParserMessage(String q) {
		HttpResponse<String> response = this.http.get("/api/search?q=" + encode(q));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(response).path("title").asString()).isEqualTo("Invalid search query");
		assertThat(response.body()).doesNotContain("at org.");
	}

	@Test
	void searchWhenMatchingChosenShouldMatchThoseFormsAndSayWhichMatched() {
		String orders = "q=orders&agent=search-alice";
		JsonNode match = hitFor(search(orders), this.conversation).path("snippets").get(0).path("matches").get(0);
		assertThat(match.path("words").asString()).isEqualTo("order");
		assertThat(match.path("form").asString()).isEqualTo("stem");
		assertThat(ids(search(orders + "&matching=exact"))).doesNotContain(this.conversation);
		assertThat(ids(search(orders + "&matching=TOLERANT"))).contains(this.conversation);
		assertThat(hitFor(search("q=order&agent=search-alice&matching=exact"), this.conversation).toString())
			.contains("\"form\":\"exact\"");
	}

	@Test
	void searchWhenMatchingUnknownShouldAnswer400NamingTheValues() {
		HttpResponse<String> response = this.http.get("/api/search?q=refund&matching=fuzzy");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(response).path("detail").asString()).contains("exact, stemmed or tolerant", "fuzzy");
	}

	@Test
	void searchWhenPageSizeOutOfRangeOrDateMalformedShouldAnswer400() {
		assertThat(this.http.get("/api/search?q=refund&size=0").statusCode()).isEqualTo(400);
		assertThat(this.http.get("/api/search?q=refund&from=yesterday").statusCode()).isEqualTo(400);
	}

	@Test
	void healthAndMetricsShouldReportTheTranscriptionBacklog() {
		JsonNode health = Http.json(this.http.get("/actuator/health"));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("transcription").path("details").has("queued")).isTrue();
		HttpResponse<String> metric = this.http.get("/actuator/metrics/callqa.transcription.jobs?tag=state:failed");
		assertThat(metric.statusCode()).isEqualTo(200);
	}

	private long upload(String file, String agent, String queue, String startedAt) {
		HttpResponse<String> response = this.http.upload("/api/recordings", Fixtures.audio(file),
				Map.of("agent", agent, "queue", queue, "startedAt", startedAt));
		assertThat(response.statusCode()).isEqualTo(202);
		return Http.json(response).path("callId").asLong();
	}

	private JsonNode search(String query) {
		HttpResponse<String> response = this.http.get("/api/search?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static java.util.List<Long> ids(JsonNode results) {
		return results.path("hits").valueStream().map((hit) -> hit.path("callId").asLong()).toList();
	}

	private static JsonNode hitFor(JsonNode results, long callId) {
		return results.path("hits").valueStream().filter((hit) -> hit.path("callId").asLong() == callId).findFirst()
			.orElseThrow(() -> new AssertionError("call " + callId + " not in " + results));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
