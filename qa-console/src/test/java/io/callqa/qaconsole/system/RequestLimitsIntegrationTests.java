package io.callqa.qaconsole.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;

/**
 * Request bodies and text fields have limits: a JSON body over 1 MB is refused (413) whether its length is declared
 * or chunked, long notes and comments are refused (400), while recordings keep their own, larger upload limit.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequestLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aJsonBodyOverOneMegabyteIs413() throws Exception {
		String body = callback("x".repeat(2 * 1024 * 1024));
		HttpResponse<String> declared = new Http(this.port).post("/api/callbacks", body);
		assertProblem(declared, 413);

		HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/callbacks"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + Http.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
			.build();
		HttpResponse<String> streamed = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
		assertProblem(streamed, 413);
	}

	@Test
	void aCallbackNoteHasAtMost2000Characters() {
		Http admin = new Http(this.port);
		HttpResponse<String> tooLong = admin.post("/api/callbacks", callback("n".repeat(2001)));
		assertProblem(tooLong, 400);
		assertThat(Http.json(tooLong).path("detail").asString()).contains("note");
		HttpResponse<String> fits = admin.post("/api/callbacks", callback("n".repeat(2000)));
		assertThat(fits.statusCode()).as(fits.body()).isEqualTo(201);
		assertProblem(admin.post("/api/callbacks", """
				{"queue":"%s","number":"5550101","at":"2030-01-01T00:00:00Z","onlyMe":false}"""
			.formatted("q".repeat(500))), 400);
		assertProblem(admin.post("/api/callbacks", """
				{"queue":"lim-q","number":"%s","at":"2030-01-01T00:00:00Z","onlyMe":false}"""
			.formatted("5".repeat(500))), 400);
	}

	@Test
	void evaluationCommentsAndStandardNamesAreBounded() {
		Http admin = new Http(this.port);
		String comment = "c".repeat(2001);
		HttpResponse<String> items = admin.put("/api/evaluations/999999/items", """
				{"items":[{"key":"greeting","value":1,"comment":"%s"}]}""".formatted(comment));
		assertProblem(items, 400);
		assertThat(Http.json(items).path("detail").asString()).contains("comment");
		assertProblem(admin.put("/api/evaluations/999999/items", """
				{"items":[],"comment":"%s"}""".formatted(comment)), 400);
		assertProblem(admin.post("/api/evaluations/999999/resolve", """
				{"comment":"%s"}""".formatted(comment)), 400);
		assertProblem(admin.post("/api/evaluations/999999/submit", """
				{"comment":"%s"}""".formatted(comment)), 400);
		assertProblem(admin.post("/api/evaluations/999999/revisions", """
				{"comment":"%s"}""".formatted(comment)), 400);
		assertProblem(admin.post("/api/standards", """
				{"name":"%s","scorecard":{"sections":[]}}""".formatted("s".repeat(300))), 400);
	}

	@Test
	void recordingsKeepTheirLargerUploadLimit() throws Exception {
		var file = Fixtures.audio("conversation-44k.wav");
		assertThat(Files.size(file)).isGreaterThan(1024 * 1024);
		HttpResponse<String> upload = new Http(this.port).upload("/api/recordings", file, Map.of("queue", "lim-q"));
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
	}

	private static String callback(String note) {
		return """
				{"queue":"lim-q","number":"5550%d","at":"2030-01-01T00:00:00Z","onlyMe":false,
				 "note":"%s"}""".formatted(System.nanoTime() % 100000, note);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
