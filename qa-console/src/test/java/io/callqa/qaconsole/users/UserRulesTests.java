package io.callqa.qaconsole.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

/**
 * What a user may be: names of 1-64 letters, digits and {@code ._-@}, unique regardless of case (and logging in
 * regardless of case); passwords of 10 characters to 72 bytes (bcrypt's limit), not blank, not common, not the user
 * name; and never a server without an enabled admin.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserRulesTests {

	private static final String PASSWORD = "rules-test-pw-1";

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	Http admin;

	@BeforeAll
	void admin() {
		this.admin = new Http(this.port);
	}

	/** Each row: field, user name, password ({@code <N spaces>}, {@code <N x>} for long values). */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			password | rules-spaces8   | <8 spaces>
			password | rules-spaces12  | <12 spaces>
			password | rules-password  | password
			password | rules-common    | qwertyuiop
			password | rules-common2   | Password123
			password | rules-common3   | 1q2w3e4r5t6y
			password | rules-short     | short-pw1
			password | rules-long      | <73 x>
			password | rules-long-utf8 | ääääääääääääääääääääääääääääääääääääää
			password | rules-same-name | rules-same-name
			password | rules-same-case | RULES-SAME-CASE
			password | rules-empty     | ''
			username | <100000 x>      | rules-test-pw-1
			username | <65 x>          | rules-test-pw-1
			username | 'bad name'      | rules-test-pw-1
			username | 'bad/name'      | rules-test-pw-1
			username | 'bad<script>'   | rules-test-pw-1
			username | ''              | rules-test-pw-1
			username | '   '           | rules-test-pw-1
			""")
	void weakPasswordsAndBadNamesAreRefusedNamingTheField(String field, String username, String password) {
		HttpResponse<String> response = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"SUPERVISOR"}""".formatted(expand(username), expand(password)));
		assertBadField(response, field);
		assertThat(this.users.list()).noneMatch((user) -> user.username().equals(expand(username)));
	}

	@Test
	void userNamesAreUniqueRegardlessOfCaseAndLogInRegardlessOfCase() {
		String name = "Alice-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = create(name, "SUPERVISOR");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertBadField(create(name.toLowerCase(), "SUPERVISOR"), "username");
		assertBadField(create(name.toUpperCase(), "ADMIN"), "username");
		assertBadField(create(name, "SUPERVISOR"), "username");

		JsonNode me = Http.json(new Http(this.port, name.toLowerCase(), PASSWORD).get("/api/me"));
		assertThat(me.path("username").asString()).isEqualTo(name);
		assertThat(new Http(this.port, name.toUpperCase(), PASSWORD).get("/api/me").statusCode()).isEqualTo(200);
	}

	@Test
	void theLongestValidNameAndPasswordAreAccepted() {
		String name = ("r.u_l-e@s" + UUID.randomUUID().toString().replace("-", "")).substring(0, 30) + "x".repeat(34);
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"MANAGER"}""".formatted(name, "p".repeat(64) + "-7x!q9Z%"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	@Test
	void passwordChangesAndUpdatesFollowTheSameRules() {
		String name = "rules-change-" + UUID.randomUUID().toString().substring(0, 8);
		long id = Http.json(create(name, "AGENT")).path("id").asLong();
		for (String weak : new String[] { "          ", "password", "1234567890", name, "short" }) {
			assertBadField(this.admin.put("/api/users/" + id + "/password", "{\"password\":\"%s\"}".formatted(weak)),
					"password");
		}
		assertThat(new Http(this.port, name, PASSWORD).get("/api/me").statusCode()).as("password unchanged")
			.isEqualTo(200);
		assertBadField(this.admin.put("/api/users/" + id, """
				{"role":"AGENT","agentName":"%s","displayName":"%s","enabled":true}""".formatted(name,
				"x".repeat(100_000))), "displayName");
		assertBadField(this.admin.put("/api/users/" + id, """
				{"role":"AGENT","agentName":"%s","displayName":null,"enabled":true}""".formatted("y".repeat(100_000))),
				"agentName");
	}

	@Test
	void aWeakConfiguredFirstAdminPasswordStopsTheStart() {
		for (String weak : new String[] { "password", "        ", "admin", "1234567890" }) {
			assertThatIllegalStateException()
				.isThrownBy(() -> new FirstAdmin(this.users, weak).run(new DefaultApplicationArguments()))
				.withMessageContaining("callqa.security.admin-password");
		}
	}

	@Test
	void theLastEnabledAdminCanBeNeitherDemotedNorDisabled() {
		long admin = idOf("admin");
		disableEveryOtherAdmin(admin);

		for (String change : new String[] { "{\"role\":\"SUPERVISOR\",\"enabled\":true}",
				"{\"role\":\"ADMIN\",\"enabled\":false}", "{\"role\":\"AGENT\",\"agentName\":\"x-admin\",\"enabled\":true}" }) {
			HttpResponse<String> refused = this.admin.put("/api/users/" + admin, change);
			assertThat(refused.statusCode()).as(change + " " + refused.body()).isEqualTo(409);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(Http.json(refused).path("detail").asString()).containsIgnoringCase("last")
				.containsIgnoringCase("admin");
		}
		assertThat(this.admin.get("/api/users").statusCode()).as("still an admin").isEqualTo(200);

		// With a second admin, either may go, but not both.
		String second = "rules-admin-" + UUID.randomUUID().toString().substring(0, 8);
		long other = Http.json(create(second, "ADMIN")).path("id").asLong();
		assertThat(this.admin.put("/api/users/" + other, "{\"role\":\"ADMIN\",\"enabled\":false}").statusCode())
			.isEqualTo(200);
		assertThat(this.admin.put("/api/users/" + other, "{\"role\":\"ADMIN\",\"enabled\":true}").statusCode())
			.isEqualTo(200);
	}

	@Test
	void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
		long admin = idOf("admin");
		for (int round = 0; round < 5; round++) {
			disableEveryOtherAdmin(admin);
			String second = "rules-race-" + UUID.randomUUID().toString().substring(0, 8);
			long other = Http.json(create(second, "ADMIN")).path("id").asLong();
			Http otherAdmin = new Http(this.port, second, PASSWORD);
			assertThat(otherAdmin.get("/api/users").statusCode()).isEqualTo(200);

			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
			both.add(CompletableFuture.supplyAsync(() -> {
				await(start);
				return this.admin.put("/api/users/" + other, "{\"role\":\"SUPERVISOR\",\"enabled\":true}");
			}));
			both.add(CompletableFuture.supplyAsync(() -> {
				await(start);
				return otherAdmin.put("/api/users/" + admin, "{\"role\":\"SUPERVISOR\",\"enabled\":true}");
			}));
			start.countDown();
			List<Integer> statuses = both.stream().map((future) -> future.join().statusCode()).toList();
			long admins = this.jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled")
				.query(Long.class)
				.single();
			assertThat(admins).as("round " + round + ": " + statuses).isEqualTo(1);
			assertThat(statuses).contains(200);
			// Whoever was demoted, "admin" is the admin the other tests use.
			this.jdbc.sql("update app_user set role = 'ADMIN' where id = :id").param("id", admin).update();
		}
	}

	private void disableEveryOtherAdmin(long admin) {
		this.jdbc.sql("update app_user set enabled = false where role = 'ADMIN' and id <> :id")
			.param("id", admin)
			.update();
	}

	private long idOf(String username) {
		return this.users.list().stream().filter((user) -> user.username().equals(username)).findFirst()
			.orElseThrow().id();
	}

	private HttpResponse<String> create(String username, String role) {
		return this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				role.equals("AGENT") ? "\"" + username + "\"" : "null"));
	}

	private static void assertBadField(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = Http.json(response);
		assertThat(problem.path("field").asString()).isEqualTo(field);
		assertThat(problem.path("detail").asString()).contains(field);
		assertThat(response.body()).hasSizeLessThan(2_000);
	}

	private static String expand(String value) {
		if (value.matches("<\\d+ spaces>")) {
			return " ".repeat(Integer.parseInt(value.replaceAll("\\D", "")));
		}
		if (value.matches("<\\d+ x>")) {
			return "x".repeat(Integer.parseInt(value.replaceAll("\\D", "")));
		}
		return value;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
