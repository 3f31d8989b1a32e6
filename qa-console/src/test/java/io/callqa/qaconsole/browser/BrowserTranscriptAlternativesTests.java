package io.callqa.qaconsole.browser;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.TranscribedCalls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call page shows what the recogniser almost heard: a word stored with alternatives (as a transcription with
 * {@code callqa.transcription.alternatives} stores it) is marked and its title says "also heard: ...". The transcript
 * API gives them to whoever may read the call, as before: its agent, not another agent.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserTranscriptAlternativesTests {

	private static final String PASSWORD = "browser-alts-pw-3";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWordWithAlternativesShouldBeMarkedAndSayWhatElseWasHeard() {
		String run = UUID.randomUUID().toString().substring(0, 6);
		String supervisor = "sup-alts-" + run;
		String owner = "owner-alts-" + run;
		String other = "other-alts-" + run;
		Http admin = new Http(this.port);
		createUser(admin, supervisor, "SUPERVISOR", null);
		createUser(admin, owner, "AGENT", owner);
		createUser(admin, other, "AGENT", other);
		long callId = transcribedCall(owner, """
				[{"w":"i","s":1.0,"e":1.2,"c":1.0},
				 {"w":"need","s":1.2,"e":1.5,"c":0.95},
				 {"w":"a","s":1.5,"e":1.6,"c":0.9},
				 {"w":"repair","s":1.6,"e":2.1,"c":0.41,"a":["reset","recent"]},
				 {"w":"leading","s":2.1,"e":2.6,"c":0.52,"a":["link"]},
				 {"w":"please","s":2.6,"e":3.0,"c":0.98}]""");

		JsonNode words = Http.json(new Http(this.port, owner, PASSWORD).get("/api/calls/" + callId + "/transcript"))
			.path("utterances")
			.get(0)
			.path("words");
		assertThat(words.get(3).path("word").asString()).isEqualTo("repair");
		assertThat(words.get(3).path("alternatives").values()).map(JsonNode::asString).containsExactly("reset", "recent");
		assertThat(words.get(5).path("alternatives").isEmpty()).isTrue();
		assertThat(new Http(this.port, other, PASSWORD).get("/api/calls/" + callId + "/transcript").statusCode())
			.as("another agent's call").isEqualTo(403);

		browser.base(this.port).logIn(supervisor, PASSWORD);
		browser.open("/call.html?id=" + callId);
		browser.find(".word");
		List<WebElement> marked = browser.driver().findElements(By.cssSelector("#transcript .word.has-alternatives"));
		assertThat(marked).extracting(WebElement::getText).containsExactly("repair", "leading");
		assertThat(marked.get(0).getDomAttribute("title")).isEqualTo("0:02 · 41% · also heard: reset, recent");
		assertThat(marked.get(1).getDomAttribute("title")).endsWith(" · also heard: link");
		WebElement plain = browser.find("#transcript .word[data-start='2.6']");
		assertThat(plain.getText()).isEqualTo("please");
		assertThat(plain.getDomAttribute("title")).doesNotContain("also heard");
		browser.screenshot("call-alternatives");
	}

	private void createUser(Http admin, String name, String role, String agentName) {
		assertThat(admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(name, PASSWORD, role,
				(agentName != null) ? "\"" + agentName + "\"" : "null"))
			.statusCode()).isEqualTo(201);
	}

	/**
	 * A call of the agent as telephony and transcription leave it, written straight into the tables (as the promises'
	 * and automatic scoring's tests do): one customer utterance with the given words in their stored form.
	 */
	private long transcribedCall(String agent, String words) {
		long call = this.jdbc.sql("""
				insert into call (source, agent, queue, direction, started_at, ended_at, duration_sec, outcome)
				values ('ASTERISK', :agent, 'support', 'INBOUND', now() - interval '1 minute', now(), 60, 'ANSWERED')
				returning id""")
			.param("agent", agent)
			.query(Long.class)
			.single();
		TranscribedCalls.transcribed(this.jdbc, call, "alternatives-missing.wav", 60);
		this.jdbc.sql("""
				insert into utterance (call_id, seq, speaker, start_sec, end_sec, text, words)
				values (:call, 0, 'customer', 1.0, 3.0, 'i need a repair leading please', cast(:words as jsonb))""")
			.param("call", call)
			.param("words", words)
			.update();
		return call;
	}

}
