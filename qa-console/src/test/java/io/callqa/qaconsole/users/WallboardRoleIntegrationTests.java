package io.callqa.qaconsole.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

/**
 * The WALLBOARD role (V22) sees the wallboard and nothing else: every GET endpoint the application maps (read from
 * Spring MVC, so a new one is covered the day it is added) and every page but the wallboard answer it 403
 * problem+json, whatever the endpoint's own checks assume about "not an agent". Also users' phone and queues.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WallboardRoleIntegrationTests {

	private static final String PASSWORD = "wallboard-pw-1";

	/** What a wallboard may read (the floor's GET endpoints are H3's; they may not exist on this branch yet). */
	private static final Set<String> WALLBOARD_READS = Set.of("/api/me", "/api/floor", "/api/floor/stream");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	Http admin;

	Http wallboard;

	@BeforeAll
	void users() {
		this.admin = new Http(this.port);
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"wb-tv","password":"%s","role":"WALLBOARD","displayName":"Floor TV"}""".formatted(PASSWORD));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.wallboard = new Http(this.port, "wb-tv", PASSWORD);
	}

	@Test
	void aWallboardUserIsStoredAndLogsIn() {
		JsonNode me = Http.json(this.wallboard.get("/api/me"));
		assertThat(me.path("role").asString()).isEqualTo("WALLBOARD");
		assertThat(me.path("queues")).isEmpty();
		assertThat(me.path("pauseReasons").valueStream().map(JsonNode::asString)).contains("Break", "Lunch");
		assertThat(this.jdbc.sql("select role from app_user where username = 'wb-tv'").query(String.class).single())
			.isEqualTo("WALLBOARD");
	}

	@Test
	void everyMappedGetEndpointButTheWallboardsIsForbiddenToAWallboard() {
		List<String> paths = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.filter((info) -> info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
			.flatMap((info) -> info.getPatternValues().stream())
			.filter((path) -> path.startsWith("/api/") && !WALLBOARD_READS.contains(path))
			.map((path) -> path.replaceAll("\\{number}", "5550100").replaceAll("\\{[^}]+}", "1"))
			.distinct()
			.sorted()
			.toList();
		assertThat(paths).as("the endpoints found").hasSizeGreaterThan(40).contains("/api/calls/1/audio",
				"/api/search", "/api/floor/actions", "/api/me/live-call", "/api/users");
		for (String path : paths) {
			HttpResponse<String> response = this.wallboard.get(path);
			assertThat(response.statusCode()).as("GET " + path).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
		}
	}

	@Test
	void everyPageButTheWallboardIsForbiddenToAWallboard() throws IOException {
		List<String> pages;
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/static"))) {
			pages = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".html") && !name.equals("index.html") && !name.equals("wallboard.html"))
				.toList();
		}
		assertThat(pages).contains("search.html", "call.html", "admin.html", "agent.html");
		for (String page : pages) {
			assertThat(this.wallboard.get("/" + page, "Accept", "text/html").statusCode()).as(page).isEqualTo(403);
		}
		assertThat(this.wallboard.get("/index.html").statusCode()).isEqualTo(200);
		assertThat(this.wallboard.get("/js/api.js").statusCode()).isEqualTo(200);
		assertThat(this.wallboard.get("/css/app.css").statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			POST   | /api/me/pause                   | {"reason":"Break"}
			POST   | /api/floor/agents/a1/pause      | {"reason":"Break"}
			POST   | /api/floor/agents/a1/spy        | {"mode":"LISTEN"}
			POST   | /api/floor/queues/q/members     | {"agent":"a1"}
			PUT    | /api/floor/queues/q/thresholds  | {}
			POST   | /api/callbacks                  | {}
			PUT    | /api/users/1                    | {}
			""")
	void aWallboardChangesNothing(String method, String path, String body) {
		HttpResponse<String> response = method.equals("PUT") ? this.wallboard.put(path, body)
				: this.wallboard.post(path, body);
		assertThat(response.statusCode()).as(method + " " + path).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from floor_action where username = 'wb-tv'").query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSupervisorHasAPhoneAndQueuesThatAdminsSetAndChange() {
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"wb-sup","password":"%s","role":"SUPERVISOR","phone":"PJSIP/2001",
				 "queues":["sales","support","sales"]}""".formatted(PASSWORD));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode user = Http.json(created);
		assertThat(user.path("phone").asString()).isEqualTo("PJSIP/2001");
		assertThat(user.path("queues").valueStream().map(JsonNode::asString)).containsExactly("sales", "support");
		long id = user.path("id").asLong();

		Http supervisor = new Http(this.port, "wb-sup", PASSWORD);
		JsonNode me = Http.json(supervisor.get("/api/me"));
		assertThat(me.path("phone").asString()).isEqualTo("PJSIP/2001");
		assertThat(me.path("queues").valueStream().map(JsonNode::asString)).containsExactly("sales", "support");

		// Left out: kept (an older client, or the enable/disable button, does not wipe them).
		assertThat(this.admin.put("/api/users/" + id, """
				{"role":"SUPERVISOR","displayName":"Sue","enabled":true}""").statusCode()).isEqualTo(200);
		me = Http.json(supervisor.get("/api/me"));
		assertThat(me.path("phone").asString()).isEqualTo("PJSIP/2001");
		assertThat(me.path("queues")).hasSize(2);

		// Changed: the very next request sees it, on the same session (read afresh, no new login needed).
		assertThat(this.admin.put("/api/users/" + id, """
				{"role":"SUPERVISOR","enabled":true,"phone":"Local/2002@supervisors","queues":["*"]}""").statusCode())
			.isEqualTo(200);
		me = Http.json(supervisor.get("/api/me"));
		assertThat(me.path("phone").asString()).isEqualTo("Local/2002@supervisors");
		assertThat(me.path("queues").valueStream().map(JsonNode::asString)).containsExactly("*");

		// Cleared with empty values; a manager keeps neither.
		assertThat(this.admin.put("/api/users/" + id, """
				{"role":"SUPERVISOR","enabled":true,"phone":"","queues":[]}""").statusCode()).isEqualTo(200);
		me = Http.json(supervisor.get("/api/me"));
		assertThat(me.path("phone").isNull()).isTrue();
		assertThat(me.path("queues")).isEmpty();
		HttpResponse<String> manager = this.admin.post("/api/users", """
				{"username":"wb-man","password":"%s","role":"MANAGER","phone":"PJSIP/2003","queues":["sales"]}"""
			.formatted(PASSWORD));
		assertThat(Http.json(manager).path("phone").isNull()).isTrue();
		assertThat(Http.json(manager).path("queues")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from user_queue where user_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"phone":"2001"                                        | phone
			"phone":"PJSIP/2001\\r\\nAction: Logoff"              | phone
			"phone":"PJSIP/2001,qE"                               | phone
			"queues":["sales,support"]                            | queues
			"queues":[" sales"]                                   | queues
			"queues":[""]                                         | queues
			"queues":["a\\nb"]                                    | queues
			""")
	void aBadPhoneOrQueueIsA400NamingTheField(String json, String field) {
		HttpResponse<String> refused = this.admin.post("/api/users", """
				{"username":"wb-bad","password":"%s","role":"SUPERVISOR",%s}""".formatted(PASSWORD, json));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(Http.json(refused).path("field").asString()).isEqualTo(field);
	}

}
