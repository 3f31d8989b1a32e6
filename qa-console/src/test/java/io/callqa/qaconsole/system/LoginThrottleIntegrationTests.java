package io.callqa.qaconsole.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

/**
 * Wrong passwords are throttled per account and per client address, for HTTP basic and the login form, over real
 * HTTP. The time logic (delays growing, windows passing) is covered by {@link LoginThrottleTests}.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginThrottleIntegrationTests {

	private static final String PASSWORD = "throttle-pass-1";

	@LocalServerPort
	int port;

	@Autowired
	LoginThrottle throttle;

	String user;

	@BeforeEach
	void user() {
		this.throttle.clear();
		this.user = "thr-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = new Http(this.port).post("/api/users", """
				{"username":"%s","password":"%s","role":"SUPERVISOR"}""".formatted(this.user, PASSWORD));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	/** Other test classes share this server (and 127.0.0.1): leave nobody blocked. */
	@AfterEach
	void forget() {
		this.throttle.clear();
	}

	@Test
	void fiveWrongPasswordsBlockTheAccountEvenForTheRightPassword() {
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = new Http(this.port, this.user, "wrong-" + i).get("/api/me");
			assertThat(wrong.statusCode()).as("attempt " + i).isEqualTo(401);
		}
		HttpResponse<String> blocked = new Http(this.port, this.user, PASSWORD).get("/api/me");
		assertThat(blocked.statusCode()).isEqualTo(429);
		assertThat(blocked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(blocked.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 15 * 60L));
		assertThat(Http.json(blocked).path("status").asInt()).isEqualTo(429);

		// Another user from the same address is not affected (5 failures are far from the address limit).
		assertThat(new Http(this.port).get("/api/me").statusCode()).isEqualTo(200);
	}

	@Test
	void theLoginFormIsThrottledTooAndSaysSo() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = login(browser, this.user, "wrong-" + i);
			assertThat(wrong.statusCode()).isEqualTo(302);
			assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(
					(to) -> assertThat(to).endsWith("/login?error"));
		}
		HttpResponse<String> blocked = login(browser, this.user, PASSWORD);
		assertThat(blocked.statusCode()).isEqualTo(302);
		String location = blocked.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/login?throttled=");
		String page = browser.send(HttpRequest.newBuilder(URI.create(url("/login")).resolve(location)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("Too many failed log-ins");
		// Basic for the same account is blocked as well.
		assertThat(new Http(this.port, this.user, PASSWORD).get("/api/me").statusCode()).isEqualTo(429);
	}

	@Test
	void aSuccessfulLoginResetsTheAccountsCount() {
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(new Http(this.port, this.user, "wrong").get("/api/me").statusCode()).isEqualTo(401);
			}
			assertThat(new Http(this.port, this.user, PASSWORD).get("/api/me").statusCode()).as("round " + round)
				.isEqualTo(200);
		}
	}

	@Test
	void twentyFailuresFromOneAddressBlockThatAddressForEveryAccount() {
		for (int i = 0; i < 20; i++) {
			String someone = "nobody-" + UUID.randomUUID();
			assertThat(new Http(this.port, someone, "guess").get("/api/me").statusCode()).isEqualTo(401);
		}
		HttpResponse<String> blocked = new Http(this.port, this.user, PASSWORD).get("/api/me");
		assertThat(blocked.statusCode()).isEqualTo(429);
		assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
		// Requests without credentials are not log-in attempts: they are answered as before.
		assertThat(Http.anonymous(this.port).get("/actuator/health").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> login(HttpClient browser, String username, String password) throws Exception {
		String page = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(token.group(1));
		return browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
