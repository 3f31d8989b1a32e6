package io.callqa.qaconsole.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

/**
 * Health details only for logged-in users, no server session for anonymous requests, CSRF skipped only for requests
 * that HTTP basic really authenticated, and the pages' security headers and cookie attributes.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionsAndHeadersIntegrationTests {

	private static final String CSP = "default-src 'self'; script-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	@LocalServerPort
	int port;

	@Test
	void anonymousHealthShowsOnlyTheStatus() {
		HttpResponse<String> anonymous = Http.anonymous(this.port).get("/actuator/health");
		assertThat(anonymous.statusCode()).isEqualTo(200);
		JsonNode health = Http.json(anonymous);
		assertThat(health.path("status").asString()).isNotEmpty();
		assertThat(health.has("components")).as(anonymous.body()).isFalse();
		assertThat(health.has("details")).isFalse();
		assertThat(anonymous.body()).doesNotContain("backlog", "asterisk", "diskSpace", "path");

		JsonNode full = Http.json(new Http(this.port).get("/actuator/health"));
		assertThat(full.path("components").has("transcription")).as(full.toString()).isTrue();
	}

	@Test
	void anonymousRequestsCreateNoServerSession() throws Exception {
		long before = sessionsCreated();
		Http anonymous = Http.anonymous(this.port);
		List<String> paths = List.of("/", "/index.html", "/search.html", "/call.html?id=1", "/login", "/css/app.css",
				"/js/api.js", "/api/me", "/api/calls/1", "/actuator/health", "/favicon.svg", "/no-such-page.html");
		for (int round = 0; round < 20; round++) {
			for (String path : paths) {
				for (String accept : new String[] { "text/html", "application/json", "*/*" }) {
					HttpResponse<String> response = anonymous.get(path, "Accept", accept);
					assertThat(response.headers().allValues("Set-Cookie")).as(path + " " + accept)
						.noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
				}
			}
		}
		// A failed form login creates none either.
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> failed = login(browser, "nobody-here", "wrong-password-1");
		assertThat(failed.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		assertThat(sessionsCreated()).isEqualTo(before);
	}

	@Test
	void afterLoggingInTheBrowserReturnsToThePageItAskedFor() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> page = browser.send(request("/alerts.html").header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(302);
		HttpResponse<String> login = login(browser, "admin", Http.ADMIN_PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
				(to) -> assertThat(to).contains("/alerts.html"));
	}

	@Test
	void csrfIsSkippedOnlyWhenBasicCredentialsAuthenticatedTheRequest() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		assertThat(login(browser, "admin", Http.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		String acknowledge = "/api/alerts/999999/acknowledge";
		for (String authorization : new String[] { "Bearer whatever", "Negotiate abc", "Basic " + basic("admin", "not-it"),
				"Basic !!!not-base64", "Basic " + basic("no-colon-here", null) }) {
			HttpResponse<String> forged = browser.send(request(acknowledge).header("Authorization", authorization)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(forged.statusCode()).as(authorization).isIn(401, 403);
		}
		// Real basic credentials without a session cookie: no token needed, past CSRF the alert does not exist.
		HttpResponse<String> api = new Http(this.port).post(acknowledge, "{}");
		assertThat(api.statusCode()).isEqualTo(404);
		// The session with its token still works.
		String xsrf = cookies.getCookieStore().getCookies().stream().filter((c) -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue).findFirst().orElseThrow();
		assertThat(browser.send(request(acknowledge).header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void pagesCarryTheSecurityHeadersAndCookiesAreSameSite() throws Exception {
		HttpResponse<String> loginPage = Http.anonymous(this.port).get("/login");
		assertThat(loginPage.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
		assertThat(loginPage.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		HttpResponse<String> search = new Http(this.port).get("/search.html");
		assertThat(search.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
		assertThat(search.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> login = login(browser, "admin", Http.ADMIN_PASSWORD);
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn((c) -> c.startsWith("JSESSIONID=")).singleElement()
			.satisfies((c) -> assertThat(c).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
		assertThat(cookies).filteredOn((c) -> c.startsWith("XSRF-TOKEN=") && !c.startsWith("XSRF-TOKEN=;"))
			.isNotEmpty()
			.allSatisfy((c) -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
	}

	private long sessionsCreated() {
		JsonNode metric = Http.json(new Http(this.port).get("/actuator/metrics/tomcat.sessions.created"));
		return metric.path("measurements").get(0).path("value").asLong();
	}

	private HttpResponse<String> login(HttpClient browser, String username, String password) throws Exception {
		String page = browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(token.group(1));
		return browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private static String basic(String user, String password) {
		String pair = (password != null) ? user + ":" + password : user;
		return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
