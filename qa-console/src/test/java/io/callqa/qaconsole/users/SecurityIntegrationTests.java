package io.callqa.qaconsole.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.telephony.AudioRedaction;
import io.callqa.transcription.Eventually;

/**
 * Security over real HTTP: anonymous access refused everywhere but health and the login page, role checks on the
 * endpoints, agents limited to their own calls, recording access audited, CSRF on cookie sessions, path traversal.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIntegrationTests {

	private static final String PASSWORD = "correct-horse-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AudioRedaction redaction;

	Http admin;

	Http agentA;

	Http supervisor;

	Http manager;

	long callOfA;

	long callOfB;

	@BeforeAll
	void usersAndCalls() {
		this.admin = new Http(this.port);
		createUser("sec-agent-a", "AGENT", "sec-agent-a");
		createUser("sec-agent-b", "AGENT", "sec-agent-b");
		createUser("sec-supervisor", "SUPERVISOR", null);
		createUser("sec-manager", "MANAGER", null);
		this.agentA = new Http(this.port, "sec-agent-a", PASSWORD);
		this.supervisor = new Http(this.port, "sec-supervisor", PASSWORD);
		this.manager = new Http(this.port, "sec-manager", PASSWORD);
		this.callOfA = upload(this.supervisor, "sec-agent-a");
		this.callOfB = upload(this.supervisor, "sec-agent-b");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/calls/1", "/api/calls/1/audio", "/api/calls/1/transcript", "/api/search?q=x",
			"/api/metrics/calls?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", "/api/callbacks", "/api/alerts",
			"/api/users", "/api/me", "/api/telephony/status", "/api/standards", "/actuator/metrics" })
	void anonymousRequestsToTheApiAreRefused(String path) {
		assertThat(Http.anonymous(this.port).get(path).statusCode()).isEqualTo(401);
	}

	@Test
	void anonymousBrowsersAreSentToTheLoginPageAndOnlyHealthIsOpen() {
		Http anonymous = Http.anonymous(this.port);
		HttpResponse<String> page = anonymous.get("/index.html", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
		assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
		HttpResponse<String> login = anonymous.get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("name=\"_csrf\"").doesNotContain("http://", "https://");
	}

	@Test
	void wrongPasswordsAreRefused() {
		assertThat(new Http(this.port, "sec-agent-a", "wrong-password").get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void rolesDecideWhichEndpointsAnswer() {
		String day = "from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z";
		assertThat(this.agentA.get("/api/metrics/calls?" + day).statusCode()).isEqualTo(403);
		assertThat(this.agentA.get("/api/alerts").statusCode()).isEqualTo(403);
		assertThat(this.agentA.get("/api/users").statusCode()).isEqualTo(403);
		assertThat(this.agentA.get("/actuator/metrics").statusCode()).isEqualTo(403);
		assertThat(this.manager.get("/api/metrics/calls?" + day).statusCode()).isEqualTo(200);
		assertThat(this.manager.get("/api/users").statusCode()).isEqualTo(403);
		assertThat(this.supervisor.get("/api/alerts").statusCode()).isEqualTo(200);
		assertThat(this.admin.get("/api/users").statusCode()).isEqualTo(200);
		assertThat(this.agentA.upload("/api/recordings", Fixtures.audio("conversation-8k.wav"), Map.of())
			.statusCode()).isEqualTo(403);
		assertThat(Http.json(this.agentA.get("/api/me")).path("agent").asString()).isEqualTo("sec-agent-a");
	}

	/** Each row: role, method, path, body; the expected answer is 403 (refused by role, before any lookup). */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			AGENT      | GET  | /api/metrics/callbacks?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z |
			AGENT      | GET  | /api/dashboard?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z        |
			AGENT      | GET  | /api/dashboard/export.csv?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z |
			AGENT      | GET  | /api/telephony/status                                                   |
			AGENT      | GET  | /api/sampling?agent=x&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z |
			AGENT      | POST | /api/alerts/1/acknowledge                                               | {}
			AGENT      | POST | /api/calls/1/evaluations                                                | {}
			AGENT      | PUT  | /api/evaluations/1/items                                                | {"items":[]}
			AGENT      | POST | /api/evaluations/1/submit                                               | {}
			AGENT      | POST | /api/evaluations/1/resolve                                              | {"comment":"x"}
			AGENT      | POST | /api/standards                                                          | {}
			AGENT      | PUT  | /api/queues/q/standard                                                  | {"standardId":1}
			AGENT      | POST | /api/users                                                              | {}
			MANAGER    | POST | /api/users                                                              | {}
			MANAGER    | PUT  | /api/users/1                                                            | {}
			MANAGER    | POST | /api/calls/1/evaluations                                                | {}
			MANAGER    | POST | /api/standards                                                          | {}
			MANAGER    | POST | /api/evaluations/1/dispute                                              | {"comment":"x"}
			MANAGER    | GET  | /actuator/metrics                                                       |
			SUPERVISOR | GET  | /api/users                                                              |
			SUPERVISOR | POST | /api/evaluations/1/acknowledge                                          | {}
			SUPERVISOR | GET  | /actuator/env                                                           |
			""")
	void rolesAreCheckedOnEveryEndpoint(String role, String method, String path, String body) {
		Http http = switch (role) {
			case "AGENT" -> this.agentA;
			case "MANAGER" -> this.manager;
			default -> this.supervisor;
		};
		HttpResponse<String> response = switch (method) {
			case "GET" -> http.get(path);
			case "PUT" -> http.put(path, (body != null) ? body : "{}");
			default -> http.post(path, (body != null) ? body : "{}");
		};
		assertThat(response.statusCode()).as(role + " " + method + " " + path).isEqualTo(403);
	}

	@Test
	void anAgentSeesOnlyTheirOwnCallsTranscriptsAndRecordings() {
		assertThat(this.agentA.get("/api/calls/" + this.callOfA).statusCode()).isEqualTo(200);
		for (String path : new String[] { "", "/audio", "/transcript" }) {
			HttpResponse<String> refused = this.agentA.get("/api/calls/" + this.callOfB + path);
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		assertThat(this.supervisor.get("/api/calls/" + this.callOfB).statusCode()).isEqualTo(200);

		// Search: an agent naming another agent still gets only their own calls.
		// (Other test classes share this server: wait for these two calls, not for any two.)
		Eventually.await("both calls searchable", Duration.ofSeconds(90),
				() -> Http.json(this.admin.get("/api/search?q=*:*&size=100&agent=sec-agent-a")).path("total").asLong()
						* Http.json(this.admin.get("/api/search?q=*:*&size=100&agent=sec-agent-b")).path("total")
							.asLong(),
				(total) -> total >= 1);
		var hits = Http.json(this.agentA.get("/api/search?q=*:*&agent=sec-agent-b&size=100")).path("hits");
		assertThat(hits).isNotEmpty().allSatisfy((hit) -> assertThat(hit.path("agent").asString())
			.isEqualTo("sec-agent-a"));
	}

	@Test
	void everyPlaybackAndDownloadIsAudited() throws IOException {
		// Held until redacted: cleared as redaction that found nothing would.
		this.redaction.redact(Http.json(this.admin.get("/api/calls/" + this.callOfA)).path("recording").path("id")
			.asLong(), List.of());
		assertThat(this.agentA.getBytes("/api/calls/" + this.callOfA + "/audio", "Range", "bytes=0-99").statusCode())
			.isEqualTo(206);
		assertThat(this.supervisor.getBytes("/api/calls/" + this.callOfA + "/audio?download=true").headers()
			.firstValue("Content-Disposition")).hasValueSatisfying((value) -> assertThat(value).contains("attachment"));
		assertThat(this.jdbc.sql("select username || ':' || action from recording_access where call_id = :id")
			.param("id", this.callOfA)
			.query(String.class)
			.list()).contains("sec-agent-a:PLAY", "sec-supervisor:DOWNLOAD");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/calls/..%2F..%2F..%2Fetc%2Fpasswd/audio", "/api/calls/1/audio/..%2F..%2Fetc%2Fpasswd",
			"/api/calls/%2e%2e/audio", "/api/calls/1%2F..%2F2/audio" })
	void pathTraversalOnTheAudioEndpointServesNothing(String path) {
		HttpResponse<String> response = this.admin.get(path);
		assertThat(response.statusCode()).isIn(400, 404);
		assertThat(response.body()).doesNotContain("root:");
	}

	@Test
	void aSearchWithBadSyntaxIsA400NeverA500() {
		HttpResponse<String> response = this.agentA.get("/api/search?q=" + encode("\"unclosed AND ("));
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void cookieSessionsNeedTheCsrfTokenToChangeAnything() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		String loginPage = browser.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(token.find()).isTrue();

		browser.send(form("/login", "username=sec-supervisor&password=" + PASSWORD), HttpResponse.BodyHandlers.ofString());
		assertThat(browser.send(request("/api/me").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("a login without the token logs nobody in").isEqualTo(401);
		HttpResponse<String> login = browser.send(form("/login",
				"username=sec-supervisor&password=" + PASSWORD + "&_csrf=" + encode(token.group(1))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(browser.send(request("/api/me").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);

		String acknowledge = "/api/alerts/999999/acknowledge";
		assertThat(browser.send(request(acknowledge).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		String xsrf = cookies.getCookieStore().getCookies().stream().filter((c) -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue).findFirst().orElseThrow();
		assertThat(browser.send(request(acknowledge).header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("past CSRF: the alert does not exist").isEqualTo(404);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpRequest form(String path, String body) {
		return request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private void createUser(String username, String role, String agent) {
		String agentJson = (agent != null) ? "\"" + agent + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isIn(201, 400);
	}

	/** A 0.3 s recording: what is said in it is not what these tests are about, and the model decodes it at once. */
	private static long upload(Http http, String agent) {
		HttpResponse<String> response = http.upload("/api/recordings", Fixtures.audio("tiny-8k.wav"),
				Map.of("agent", agent, "queue", "sec-queue"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return Http.json(response).path("callId").asLong();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
