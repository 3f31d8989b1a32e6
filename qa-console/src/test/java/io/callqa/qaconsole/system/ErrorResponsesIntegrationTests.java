package io.callqa.qaconsole.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;

/**
 * Every error is {@code application/problem+json} with a 4xx status, never a 500 or Tomcat's HTML page: hostile
 * queries, instants out of range, NUL characters, missing or refused credentials, malformed URLs (sent over a raw
 * socket, since the JDK client refuses them).
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErrorResponsesIntegrationTests {

	private static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";

	@LocalServerPort
	int port;

	@Test
	void deeplyNestedOrHugeQueriesAre400() {
		Http admin = new Http(this.port);
		assertProblem(admin.get("/api/search?q=" + "(".repeat(7000)), 400);
		assertProblem(admin.get("/api/search?q=" + "(".repeat(50) + "refund" + ")".repeat(50)), 400);
		assertProblem(admin.get("/api/search?q=" + encode("refund ".repeat(1_100))), 400);
		assertThat(admin.get("/api/search?q=" + encode("((refund OR money) AND back)")).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/calls?from=%s", "/api/calls?to=%s", "/api/search?q=x&from=%s",
			"/api/search?q=*:*&to=%s", "/api/metrics/calls?from=%s&to=2026-01-02T00:00:00Z",
			"/api/metrics/calls?from=2026-01-01T00:00:00Z&to=%s",
			"/api/metrics/callbacks?from=%s&to=2026-01-02T00:00:00Z", "/api/dashboard?from=%s&to=2026-01-02T00:00:00Z",
			"/api/dashboard?from=2026-01-01T00:00:00Z&to=%s",
			"/api/dashboard/export.csv?from=%s&to=2026-01-02T00:00:00Z", "/api/evaluations?from=%s",
			"/api/sampling?agent=x&from=%s&to=2026-01-02T00:00:00Z", "/api/alerts?from=%s" })
	void instantsOutOfRangeAre400NamingTheParameter(String template) {
		Http admin = new Http(this.port);
		for (String instant : new String[] { FAR_FUTURE, "-000001-01-01T00:00:00Z", "10000-01-01T00:00:00Z" }) {
			HttpResponse<String> response = admin.get(template.formatted(encode(instant)));
			assertProblem(response, 400);
			String parameter = template.contains("from=%s") ? "from" : "to";
			assertThat(Http.json(response).path("detail").asString()).as(template).contains(parameter);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/calls", "/api/search?q=*:*&", "/api/metrics/calls?groupBy=DAY&",
			"/api/metrics/callbacks?", "/api/dashboard?groupBy=HOUR&", "/api/dashboard/export.csv?", "/api/evaluations?",
			"/api/sampling?agent=x&" })
	void theWidestSaneRangeIsAnswered(String path) {
		String range = "from=1970-01-01T00:00:00Z&to=9999-12-31T23:59:59Z";
		String url = path.endsWith("&") || path.endsWith("?") ? path + range : path + "?" + range;
		assertThat(new Http(this.port).get(url).statusCode()).as(url).isEqualTo(200);
	}

	@Test
	void instantsOutOfRangeInJsonBodiesAre400() {
		Http admin = new Http(this.port);
		for (String instant : new String[] { FAR_FUTURE, "-000001-01-01T00:00:00Z" }) {
			HttpResponse<String> response = admin.post("/api/callbacks", """
					{"queue":"err-q","number":"5550102","at":"%s","onlyMe":false}""".formatted(instant));
			assertProblem(response, 400);
			assertThat(Http.json(response).path("detail").asString()).contains("at");
		}
	}

	@Test
	void aNulInAnUploadsFileNameOrFieldsIsNeverA500(@TempDir Path dir) throws IOException {
		// A 0.3 s recording: an upload accepted here is transcribed in the background, which this test does not need.
		Path file = Files.copy(Fixtures.audio("tiny-8k.wav"), dir.resolve("call.wav"));
		Http admin = new Http(this.port);
		HttpResponse<String> named = admin.upload("/api/recordings", file, Map.of(), "evil\u0000name.wav");
		assertThat(named.statusCode()).as(named.body()).isIn(202, 400);
		assertThat(named.body()).doesNotContain("\u0000");
		assertProblem(admin.upload("/api/recordings", file, Map.of("agent", "a\u0000b")), 400);
		assertProblem(admin.post("/api/callbacks", """
				{"queue":"q","number":"5550100","at":"2030-01-01T00:00:00Z","onlyMe":false,
				 "note":"nul\\u0000here"}"""), 400);
	}

	@Test
	void refusedCredentialsAndRolesAnswerProblemJson() {
		assertProblem(Http.anonymous(this.port).get("/api/me"), 401);
		assertProblem(Http.anonymous(this.port).get("/actuator/metrics"), 401);
		assertProblem(new Http(this.port, "admin", "wrong-password").get("/api/me"), 401);
		// A change without credentials or CSRF token: refused by CSRF first, in the same form.
		assertProblem(Http.anonymous(this.port).post("/api/callbacks", "{}"), 403);
		// An admin exists; create a plain agent to be refused by role.
		new Http(this.port).post("/api/users", """
				{"username":"err-agent","password":"err-agent-pw1","role":"AGENT","agentName":"err-agent"}""");
		assertProblem(new Http(this.port, "err-agent", "err-agent-pw1").get("/api/users"), 403);
		assertProblem(new Http(this.port, "err-agent", "err-agent-pw1").get("/actuator/metrics"), 403);
	}

	@Test
	void unknownPathsAndMethodsAnswerProblemJson() {
		assertProblem(new Http(this.port).get("/api/no-such-thing"), 404);
		assertProblem(new Http(this.port).put("/api/me", "{}"), 405);
		assertProblem(new Http(this.port).get("/api/calls/not-a-number"), 400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/calls/1%2F2/audio", "/api/calls/..%2F..%2Fetc%2Fpasswd/audio", "/api/calls/%2e%2e/audio",
			"/api/calls/1/%00", "/api/calls/1;x=y", "//api/me", "/api/calls/1/audio/%5c..", "/api/{calls}", "/api/calls/%" })
	void malformedUrlsAreAnswered4xxProblemJsonNotTomcatsHtml(String target) throws IOException {
		RawResponse response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
				+ basic() + "\r\nConnection: close\r\n\r\n");
		assertRawProblem(target, response);
	}

	@Test
	void aVeryLongUrlIsAnsweredProblemJsonNotTomcatsHtml() throws IOException {
		String target = "/api/search?q=" + "a".repeat(20_000);
		RawResponse response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertRawProblem("long URL", response);
		RawResponse header = raw("GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertRawProblem("long header", header);
	}

	private static void assertRawProblem(String what, RawResponse response) {
		assertThat(response.status()).as(what + "\n" + abbreviate(response.text())).isBetween(400, 499);
		assertThat(response.text()).as(what).containsIgnoringCase("Content-Type: application/problem+json")
			.doesNotContainIgnoringCase("<html")
			.doesNotContain("Tomcat")
			.doesNotContain("Exception");
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		String what = response.request().method() + " " + abbreviate(response.uri().toString());
		assertThat(response.statusCode()).as(what + " " + abbreviate(response.body())).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(what)
			.hasValue("application/problem+json");
		assertThat(Http.json(response).path("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception", "at io.callqa", "at org.");
	}

	private static String abbreviate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "…";
	}

	private RawResponse raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			int status = Integer.parseInt(text.substring(9, 12));
			return new RawResponse(status, text);
		}
	}

	private static String basic() {
		return java.util.Base64.getEncoder()
			.encodeToString(("admin:" + Http.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	record RawResponse(int status, String text) {
	}

}
