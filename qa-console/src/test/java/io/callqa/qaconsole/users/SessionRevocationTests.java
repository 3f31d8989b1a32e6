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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

/**
 * A session ends the moment its user's role, agent, enabled flag or password changes: the old cookie of a demoted
 * admin creates no admin, a disabled user's cookie is refused, a changed password logs every browser out. Other
 * changes and other users' sessions are left alone.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRevocationTests {

	private static final String PASSWORD = "session-test-pw";

	@LocalServerPort
	int port;

	Http admin;

	@BeforeAll
	void admin() {
		this.admin = new Http(this.port);
	}

	@Test
	void aDemotedAdminsSessionCreatesNoAdmin() throws Exception {
		String name = unique("rev-admin");
		long id = create(name, "ADMIN", null);
		Browser browser = logIn(name, PASSWORD);
		assertThat(browser.get("/api/users").statusCode()).isEqualTo(200);

		assertThat(change(id, "SUPERVISOR", null, true).statusCode()).isEqualTo(200);

		HttpResponse<String> created = browser.post("/api/users", """
				{"username":"%s","password":"%s","role":"ADMIN"}""".formatted(unique("rogue"), PASSWORD));
		assertThat(created.statusCode()).as(created.body()).isIn(401, 403);
		assertThat(browser.get("/api/me").statusCode()).as("the old session is gone").isEqualTo(401);
		assertThat(browser.get("/index.html", "Accept", "text/html").statusCode()).isEqualTo(302);
		assertThat(Http.json(this.admin.get("/api/users")).valueStream()
			.filter((user) -> user.path("username").asString().startsWith("rogue"))).isEmpty();

		// Logging in again gives a session with the new role.
		Browser again = logIn(name, PASSWORD);
		assertThat(Http.json(again.get("/api/me")).path("role").asString()).isEqualTo("SUPERVISOR");
		assertThat(again.get("/api/users").statusCode()).isEqualTo(403);
	}

	@Test
	void aDisabledUsersSessionEndsAndTheyCannotLogInAgain() throws Exception {
		String name = unique("rev-disabled");
		long id = create(name, "SUPERVISOR", null);
		Browser browser = logIn(name, PASSWORD);
		Browser other = logIn("admin", Http.ADMIN_PASSWORD);

		assertThat(change(id, "SUPERVISOR", null, false).statusCode()).isEqualTo(200);

		assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
		assertThat(browser.get("/api/search?q=x").statusCode()).isEqualTo(401);
		assertThat(new Http(this.port, name, PASSWORD).get("/api/me").statusCode()).isEqualTo(401);
		assertThat(other.get("/api/me").statusCode()).as("another user's session").isEqualTo(200);
	}

	@Test
	void aPasswordChangeEndsEverySessionOfThatUser() throws Exception {
		String name = unique("rev-password");
		long id = create(name, "AGENT", name);
		Browser first = logIn(name, PASSWORD);
		Browser second = logIn(name, PASSWORD);

		HttpResponse<String> changed = this.admin.put("/api/users/" + id + "/password",
				"{\"password\":\"a-new-password-7\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);

		assertThat(first.get("/api/me").statusCode()).isEqualTo(401);
		assertThat(second.get("/api/me").statusCode()).isEqualTo(401);
		assertThat(new Http(this.port, name, PASSWORD).get("/api/me").statusCode()).isEqualTo(401);
		assertThat(logIn(name, "a-new-password-7").get("/api/me").statusCode()).isEqualTo(200);
	}

	@Test
	void aChangedAgentNameEndsTheSessionSoTheOldScopeIsGone() throws Exception {
		String name = unique("rev-agent");
		long id = create(name, "AGENT", name);
		Browser browser = logIn(name, PASSWORD);
		assertThat(change(id, "AGENT", name + "-x", true).statusCode()).isEqualTo(200);
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void aChangedDisplayNameKeepsTheSession() throws Exception {
		String name = unique("rev-keep");
		long id = create(name, "MANAGER", null);
		Browser browser = logIn(name, PASSWORD);
		HttpResponse<String> renamed = this.admin.put("/api/users/" + id, """
				{"role":"MANAGER","agentName":null,"displayName":"Renamed","enabled":true}""");
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
	}

	@Test
	void httpBasicWithACookieJarGetsTheNewRoleAtOnce() throws Exception {
		String name = unique("rev-basic");
		long id = create(name, "ADMIN", null);
		Browser basic = new Browser(name, PASSWORD);
		assertThat(basic.get("/api/users").statusCode()).isEqualTo(200);
		assertThat(change(id, "MANAGER", null, true).statusCode()).isEqualTo(200);
		assertThat(basic.get("/api/users").statusCode()).isEqualTo(403);
		assertThat(Http.json(basic.get("/api/me")).path("role").asString()).isEqualTo("MANAGER");
	}

	private HttpResponse<String> change(long id, String role, String agent, boolean enabled) {
		String agentJson = (agent != null) ? "\"" + agent + "\"" : "null";
		return this.admin.put("/api/users/" + id, """
				{"role":"%s","agentName":%s,"displayName":null,"enabled":%s}""".formatted(role, agentJson, enabled));
	}

	private long create(String username, String role, String agent) {
		String agentJson = (agent != null) ? "\"" + agent + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("id").asLong();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Logs in through the login form, as the console's pages do, and keeps the session cookie. */
	private Browser logIn(String username, String password) throws Exception {
		Browser browser = new Browser(null, null);
		String loginPage = browser.get("/login").body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = browser.send(browser.request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)
					+ "&_csrf=" + encode(token.group(1))))
			.build());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
		return browser;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** A client with a cookie jar; with credentials, it also sends them with every request (HTTP basic). */
	private final class Browser {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(this.cookies).build();

		private final String basic;

		Browser(String username, String password) {
			this.basic = (username != null) ? "Basic " + java.util.Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
		}

		HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
			return (this.basic != null) ? request.header("Authorization", this.basic) : request;
		}

		HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
			HttpRequest.Builder request = request(path).GET();
			if (headers.length > 0) {
				request.headers(headers);
			}
			return send(request.build());
		}

		HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
			String xsrf = this.cookies.getCookieStore().getCookies().stream()
				.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse("");
			return send(request(path).header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
				.POST(HttpRequest.BodyPublishers.ofString(json)).build());
		}

		HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}

	}

}
