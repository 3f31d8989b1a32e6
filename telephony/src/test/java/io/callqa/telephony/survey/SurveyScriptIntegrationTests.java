package io.callqa.telephony.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.agi.FastAgiScript;
import io.callqa.telephony.agi.TestAgiServer;
import io.callqa.telephony.agi.AgiHeader;
import io.callqa.telephony.agi.AgiTranscript;
import io.callqa.telephony.agi.FakeAsteriskAgiClient;
import io.callqa.telephony.agi.HangupStyle;
import io.callqa.telephony.AlertFilter;
import io.callqa.telephony.AlertKind;
import io.callqa.telephony.SupervisorAlert;
import io.callqa.telephony.SupervisorAlerts;
import io.callqa.telephony.SurveyAnswered;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Tests for {@link SurveyScript}: a fake Asterisk calls the real {@code DefaultAgiServer} serving the Spring bean.
 */
@SpringBootTest(classes = TelephonyTestApplication.class, webEnvironment = WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
@RecordApplicationEvents
class SurveyScriptIntegrationTests {

	private static final AtomicInteger calls = new AtomicInteger();

	@Autowired
	@Qualifier("survey")
	private FastAgiScript survey;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private SupervisorAlerts alerts;

	private TestAgiServer server;

	private String uniqueid;

	private long callId;

	@BeforeEach
	void start() throws Exception {
		this.server = TestAgiServer.start(Map.of("survey", this.survey));
		int n = calls.incrementAndGet();
		this.uniqueid = "1795419721." + n;
		this.callId = insertCall("pbx1", this.uniqueid, "agent2", "support");
	}

	@AfterEach
	void stop() {
		this.server.shutdown();
	}

	@Test
	void serviceWhenCallerEntersNineShouldStoreNineWithCallAgentAndQueueAndThank() {
		AgiTranscript transcript = caller().enterDigits("9").call(header());

		assertThat(responses()).containsExactly(new Row(this.callId, "agent1", "support", 9));
		assertThat(transcript.commands()).containsExactly("ANSWER", "GET VARIABLE \"MEMBERNAME\"",
				"GET VARIABLE \"QUEUENAME\"", "GET DATA \"callqa/survey-rate-0-10\" 5000 2", "STREAM FILE \"callqa/survey-thank-you\" \"\"",
				"SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
		assertThat(alertsForThisCall()).isEmpty();
	}

	@Test
	void serviceWhenAnswerStoredShouldAnnounceItForTheCall() {
		caller().enterDigits("8").call(header());

		assertThat(responses()).containsExactly(new Row(this.callId, "agent1", "support", 8));
		assertThat(this.events.stream(SurveyAnswered.class)).containsExactly(new SurveyAnswered(this.callId));
	}

	@Test
	void serviceWhenCallerEntersTenShouldStoreTen() {
		caller().enterDigits("10").call(header());

		assertThat(responses()).containsExactly(new Row(this.callId, "agent1", "support", 10));
		assertThat(alertsForThisCall()).isEmpty();
	}

	@Test
	void serviceWhenCallerEntersThreeShouldRaiseLowSurveyAlert() {
		caller().enterDigits("3").call(header());

		assertThat(responses()).containsExactly(new Row(this.callId, "agent1", "support", 3));
		List<SupervisorAlert> raised = alertsForThisCall();
		assertThat(raised).singleElement().satisfies((alert) -> {
			assertThat(alert.kind()).isEqualTo(AlertKind.LOW_SURVEY);
			assertThat(alert.agent()).isEqualTo("agent1");
			assertThat(alert.queue()).isEqualTo("support");
			assertThat(alert.detail()).contains("3/10").contains(this.uniqueid);
			assertThat(alert.open()).isTrue();
		});
	}

	@Test
	void serviceWhenInputInvalidTwiceThenValidShouldRepromptAndStoreTheValidScore() {
		// 11 is out of range, '*' is no number; the third prompt (the last allowed) gets a 7.
		AgiTranscript transcript = caller().enterDigitsInTurn("11", "*", "7").call(header());

		assertThat(responses()).containsExactly(new Row(this.callId, "agent1", "support", 7));
		assertThat(transcript.commands()).filteredOn((command) -> command.startsWith("GET DATA"))
			.containsExactly("GET DATA \"callqa/survey-rate-0-10\" 5000 2", "GET DATA \"callqa/survey-invalid-try-again\" 5000 2",
					"GET DATA \"callqa/survey-invalid-try-again\" 5000 2");
	}

	@Test
	void serviceWhenNoValidInputAfterThreePromptsShouldStoreNoAnswerWithoutAlert() {
		AgiTranscript transcript = caller().enterDigitsInTurn("99", "", "*").call(header());

		assertThat(responses()).containsExactly(new Row(this.callId, "agent1", "support", null));
		assertThat(transcript.commands()).filteredOn((command) -> command.startsWith("GET DATA")).hasSize(3);
		assertThat(transcript.commands()).contains("STREAM FILE \"callqa/survey-thank-you\" \"\"");
		assertThat(alertsForThisCall()).isEmpty();
	}

	@Test
	void serviceWhenCallerHangsUpMidPromptShouldStoreNothingAndLogOnce(CapturedOutput output) {
		AgiTranscript transcript = caller().hangUpDuring("GET DATA", HangupStyle.DEAD_CHANNEL).call(header());

		assertThat(responses()).isEmpty();
		assertThat(transcript.commands()).noneMatch((command) -> command.startsWith("STREAM FILE"));
		String logged = "Caller hung up during the survey (uniqueid " + this.uniqueid + ")";
		assertThat(output.getAll().split(Pattern.quote(logged), -1)).hasSize(2);
		assertThat(output.getAll()).doesNotContain("AgiException running AgiScript");
	}

	@Test
	void serviceWhenCallUnknownShouldStoreAnswerWithUniqueidAndQueueParameter() {
		String unknown = this.uniqueid + "99";
		caller().enterDigits("4").call(header().with("uniqueid", unknown));

		Row row = this.jdbc.sql("select call_id, agent, queue, score from survey_response where uniqueid = :u")
			.param("u", unknown)
			.query(Row.class)
			.single();
		assertThat(row).isEqualTo(new Row(null, "agent1", "support", 4));
		assertThat(this.alerts.open(new AlertFilter(AlertKind.LOW_SURVEY, null, null, null, null)))
			.anyMatch((alert) -> alert.callId() == null && alert.detail().contains(unknown));
	}

	@Test
	void serviceWhenNoMemberNameShouldTakeTheCallsAgent() {
		new FakeAsteriskAgiClient(TestAgiServer.HOST, this.server.getPort()).enterDigits("8")
			.call(AgiHeader.forCall(this.server.getPort(), "survey?server=pbx1").with("uniqueid", this.uniqueid));

		assertThat(responses()).containsExactly(new Row(this.callId, "agent2", "support", 8));
	}

	private FakeAsteriskAgiClient caller() {
		return new FakeAsteriskAgiClient(TestAgiServer.HOST, this.server.getPort())
			.reply("GET VARIABLE \"MEMBERNAME\"", "200 result=1 (agent1)");
	}

	private AgiHeader header() {
		return AgiHeader.forCall(this.server.getPort(), "survey?queue=support&server=pbx1")
			.with("uniqueid", this.uniqueid);
	}

	private List<Row> responses() {
		return this.jdbc.sql("select call_id, agent, queue, score from survey_response where uniqueid = :u")
			.param("u", this.uniqueid)
			.query(Row.class)
			.list();
	}

	private List<SupervisorAlert> alertsForThisCall() {
		return this.alerts.all(AlertFilter.ofKind(AlertKind.LOW_SURVEY))
			.stream()
			.filter((alert) -> Long.valueOf(this.callId).equals(alert.callId()))
			.toList();
	}

	private long insertCall(String server, String uniqueid, String agent, String queue) {
		long id = this.jdbc.sql("""
				insert into call (source, agent, queue, direction, caller_number, started_at, server, linkedid, state)
				values ('ASTERISK', :agent, :queue, 'INBOUND', '5550105', :at, :server, :uniqueid, 'ENDED')
				returning id""")
			.param("agent", agent)
			.param("queue", queue)
			.param("at", Timestamp.from(Instant.now()))
			.param("server", server)
			.param("uniqueid", uniqueid)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into call_leg (server, uniqueid, call_id, channel) values (:s, :u, :id, 'Local/cust@x;1')")
			.param("s", server)
			.param("u", uniqueid)
			.param("id", id)
			.update();
		return id;
	}

	record Row(Long callId, String agent, String queue, Integer score) {
	}

}
