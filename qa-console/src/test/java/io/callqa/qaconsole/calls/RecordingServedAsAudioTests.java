package io.callqa.qaconsole.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.telephony.AudioRedaction;

/**
 * A recording is served as audio, never as what was uploaded: an HTML or SVG "recording" is a download that no
 * browser renders (stored XSS through the player), a WAV is {@code audio/wav} whatever its name; every file response
 * carries {@code nosniff} and a sandboxing Content-Security-Policy.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingServedAsAudioTests {

	private static final String SCRIPT = "<script>fetch('/api/users',{method:'POST'})</script>";

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@Autowired
	AudioRedaction redaction;

	Http admin;

	Http supervisor;

	@BeforeAll
	void users() {
		this.admin = new Http(this.port);
		this.admin.post("/api/users", """
				{"username":"xss-supervisor","password":"xss-supervisor-pw","role":"SUPERVISOR"}""");
		this.supervisor = new Http(this.port, "xss-supervisor", "xss-supervisor-pw");
	}

	@ParameterizedTest
	@ValueSource(strings = { "evil.html", "evil.svg", "evil.htm", "evil.wav", "evil.xhtml" })
	void anUploadedPageIsNeverServedAsAPage(String name) throws IOException {
		String page = name.endsWith("svg")
				? "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">" + SCRIPT + "</svg>"
				: "<!DOCTYPE html><html><body>" + SCRIPT + "</body></html>";
		long callId = upload(Files.writeString(this.dir.resolve(name), page));

		for (String[] request : new String[][] { {}, { "Range", "bytes=0-20" }, { "Range", "bytes=0-5,10-20" } }) {
			HttpResponse<String> served = this.admin.get("/api/calls/" + callId + "/audio", request);
			assertThat(served.statusCode()).as(name).isIn(200, 206);
			HttpHeaders headers = served.headers();
			String type = headers.firstValue("Content-Type").orElse("");
			assertThat(type).as(name + " " + String.join(" ", request))
				.doesNotContainIgnoringCase("html")
				.doesNotContainIgnoringCase("svg")
				.doesNotContainIgnoringCase("xml");
			if (request.length == 0) {
				assertThat(type).isEqualTo("application/octet-stream");
				assertThat(headers.firstValue("Content-Disposition"))
					.hasValueSatisfying((value) -> assertThat(value).startsWith("attachment"));
			}
			assertFileHeaders(headers);
		}
	}

	@Test
	void aWavIsServedAsAudioWhateverItsUploadedName() throws IOException {
		Path wav = Files.copy(Fixtures.audio("tiny-8k.wav"), this.dir.resolve("recording.html"));
		long callId = upload(wav);
		HttpResponse<byte[]> whole = this.admin.getBytes("/api/calls/" + callId + "/audio");
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.headers().firstValue("Content-Type")).hasValue("audio/wav");
		assertThat(whole.headers().firstValue("Content-Disposition")).isEmpty();
		assertThat(whole.body()).isEqualTo(Files.readAllBytes(wav));
		assertFileHeaders(whole.headers());

		HttpResponse<byte[]> part = this.admin.getBytes("/api/calls/" + callId + "/audio", "Range", "bytes=44-99");
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.headers().firstValue("Content-Type")).hasValue("audio/wav");
		assertThat(part.body()).hasSize(56);
		assertFileHeaders(part.headers());

		HttpResponse<byte[]> download = this.admin.getBytes("/api/calls/" + callId + "/audio?download=true");
		assertThat(download.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"call-" + callId + ".wav\"");
		assertFileHeaders(download.headers());
	}

	@Test
	void theCsvExportIsAFileResponseToo() {
		HttpResponse<String> csv = this.admin
			.get("/api/dashboard/export.csv?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertFileHeaders(csv.headers());
	}

	private static void assertFileHeaders(HttpHeaders headers) {
		assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
		// A browser enforces every policy it gets: one with sandbox is enough, whatever the pages' policy adds.
		assertThat(headers.allValues("Content-Security-Policy")).anySatisfy((csp) -> assertThat(csp)
			.contains("sandbox"));
	}

	/** Uploads and clears the recording for listening, as redaction that found nothing would (held until then). */
	private long upload(Path file) throws IOException {
		HttpResponse<String> response = this.supervisor.upload("/api/recordings", file, Map.of("agent", "xss-agent"));
		assertThat(response.statusCode()).as(response.body()).isIn(202, 422);
		long callId = Http.json(response).path("callId").asLong();
		this.redaction.redact(Http.json(this.admin.get("/api/calls/" + callId)).path("recording").path("id").asLong(),
				List.of());
		return callId;
	}

}
