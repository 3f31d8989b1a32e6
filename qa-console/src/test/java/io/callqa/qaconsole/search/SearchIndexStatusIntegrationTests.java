package io.callqa.qaconsole.search;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.transcription.index.TranscriptIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search index's rebuild status, for the search page's notice and for operators: who may read it and where.
 * (The rebuild itself: {@code IndexRebuildTests} in transcription, {@link IndexRebuildIntegrationTests}.)
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SearchIndexStatusIntegrationTests {

	private static final String PASSWORD = "index-status-pw-1";

	@LocalServerPort
	int port;

	@Test
	void indexStatusWhenLoggedInShouldAnswerAnyRoleWithoutCallData() {
		Http admin = new Http(this.port);
		createUser(admin, "index-agent", "AGENT", "index-agent");
		createUser(admin, "index-supervisor", "SUPERVISOR", null);
		for (Http user : new Http[] { admin, new Http(this.port, "index-agent", PASSWORD),
				new Http(this.port, "index-supervisor", PASSWORD) }) {
			HttpResponse<String> response = user.get("/api/search/index");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode status = Http.json(response);
			assertThat(status.path("rebuilding").asBoolean()).isFalse();
			assertThat(status.path("percent").asInt()).isEqualTo(100);
			assertThat(status.path("version").asInt()).isEqualTo(TranscriptIndex.VERSION);
			assertThat(status.propertyNames()).containsExactlyInAnyOrder("version", "rebuilding", "rebuildVersion",
					"percent", "rowsApplied", "rowsTotal");
		}
	}

	@Test
	void indexStatusWhenAnonymousShouldBeRefused() {
		HttpResponse<String> response = Http.anonymous(this.port).get("/api/search/index");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("rebuilding");
	}

	@Test
	void healthAndMetricsShouldReportTheIndexVersionAndRebuildProgress() {
		Http admin = new Http(this.port);
		JsonNode index = Http.json(admin.get("/actuator/health")).path("components").path("searchIndex");
		assertThat(index.path("status").asString()).isEqualTo("UP");
		assertThat(index.path("details").path("version").asInt()).isEqualTo(TranscriptIndex.VERSION);
		assertThat(index.path("details").path("rebuilding").asBoolean()).isFalse();
		JsonNode metric = Http.json(admin.get("/actuator/metrics/callqa.index.rebuild.percent"));
		assertThat(metric.path("measurements").get(0).path("value").asDouble()).isEqualTo(100.0);
		assertThat(Http.anonymous(this.port).get("/actuator/health").body()).doesNotContain("searchIndex");
	}

	private static void createUser(Http admin, String username, String role, String agent) {
		String agentJson = (agent != null) ? "\"" + agent + "\"" : "null";
		HttpResponse<String> created = admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isIn(201, 400);
	}

}
