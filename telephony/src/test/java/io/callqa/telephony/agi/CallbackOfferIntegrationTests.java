package io.callqa.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.CallbackRequests;
import io.callqa.telephony.CallbackSource;
import io.callqa.telephony.CallbackState;

/**
 * Tests for the {@code callback-offer} script, served by the real {@link FastAgiServer} and driven by
 * {@link FakeAsteriskAgiClient} as Asterisk would.
 */
@SpringBootTest(classes = { TelephonyTestApplication.class, CallbackOfferIntegrationTests.FixedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "callqa.telephony.agi.enabled=true", "callqa.telephony.callbacks.enabled=false",
				"callqa.telephony.callbacks.zone=UTC", "callqa.telephony.callbacks.queues.support.promise=45m" })
class CallbackOfferIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	private static final int PORT = freePort();

	private static final String QUEUE_ENTERED = "200 result=1 (" + (NOW.getEpochSecond() - 90) + ")";

	@Autowired
	private CallbackRequests requests;

	@Autowired
	private FastAgiServer server;

	@DynamicPropertySource
	static void agiPort(DynamicPropertyRegistry registry) {
		registry.add("callqa.telephony.agi.port", () -> PORT);
	}

	@Test
	void startWhenScriptBeansExistShouldServeThemByBeanName() {
		assertThat(this.server.isListening()).isTrue();
		assertThat(this.server.scriptNames()).contains("callback-offer", "test-echo");
	}

	@Test
	void callWhenScriptIsAnotherFeaturesBeanShouldRunIt() {
		AgiTranscript transcript = client().call(call("5550200", "test-echo?word=hello"));

		assertThat(transcript.commands()).startsWith("SET VARIABLE \"ECHO\" \"hello\"");
	}

	@Test
	void callWhenCallerPressesOneShouldStoreRequestAndConfirm() {
		AgiTranscript transcript = client().enterDigits("1")
			.reply("GET VARIABLE \"QUEUEPOSITION\"", "200 result=1 (3)")
			.reply("GET VARIABLE \"QUEUE_ENTERED\"", QUEUE_ENTERED)
			.call(call("5550201", "callback-offer?queue=support"));

		CallbackRequest request = openRequest("support", "5550201");
		assertThat(request.source()).isEqualTo(CallbackSource.IVR);
		assertThat(request.name()).isEqualTo("Erin Agi");
		assertThat(request.queuePosition()).isEqualTo(3);
		assertThat(request.waitedSec()).isEqualTo(90.0);
		assertThat(request.requestedAt()).isEqualTo(NOW);
		assertThat(request.promisedBy()).isEqualTo(NOW.plusSeconds(45 * 60));
		assertThat(transcript.commands()).containsSubsequence("GET DATA \"callqa/callback-offer\" 5000 1",
				"SET VARIABLE \"CALLQA_CALLBACK_REQUESTED\" \"1\"", "SET VARIABLE \"CALLBACK_OFFER\" \"ACCEPTED\"",
				"STREAM FILE \"callqa/callback-confirmed\" \"\"", "SAY NUMBER \"45\" \"\"",
				"SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
	}

	@Test
	void callWhenCallerPressesTwoShouldGoBackToQueueWithoutRequest() {
		AgiTranscript transcript = client().enterDigits("2").call(call("5550202", "callback-offer?queue=support"));

		assertThat(transcript.commands()).contains("SET VARIABLE \"CALLBACK_OFFER\" \"DECLINED\"")
			.doesNotContain("SET VARIABLE \"CALLQA_CALLBACK_REQUESTED\" \"1\"");
		assertThat(openRequests("support", "5550202")).isEmpty();
	}

	@Test
	void callWhenCallerPressesNothingShouldDecline() {
		AgiTranscript transcript = client().reply("GET DATA", "200 result= (timeout)")
			.call(call("5550203", "callback-offer?queue=support"));

		assertThat(transcript.commands()).contains("SET VARIABLE \"CALLBACK_OFFER\" \"DECLINED\"");
		assertThat(openRequests("support", "5550203")).isEmpty();
	}

	@Test
	void callWhenFirstKeyIsInvalidShouldPromptOnceMoreAndAcceptOne() {
		AgiTranscript transcript = client().replies("GET DATA", "200 result=7", "200 result=1")
			.call(call("5550204", "callback-offer?queue=support"));

		assertThat(transcript.commands()).containsSubsequence("GET DATA \"callqa/callback-offer\" 5000 1",
				"STREAM FILE \"callqa/invalid-option\" \"\"", "GET DATA \"callqa/callback-offer\" 5000 1",
				"SET VARIABLE \"CALLBACK_OFFER\" \"ACCEPTED\"");
		assertThat(openRequests("support", "5550204")).hasSize(1);
	}

	@Test
	void callWhenBothKeysAreInvalidShouldDeclineAfterOneReprompt() {
		AgiTranscript transcript = client().enterDigits("9").call(call("5550205", "callback-offer?queue=support"));

		assertThat(transcript.commands()).filteredOn((command) -> command.startsWith("GET DATA")).hasSize(2);
		assertThat(transcript.commands()).contains("SET VARIABLE \"CALLBACK_OFFER\" \"DECLINED\"");
		assertThat(openRequests("support", "5550205")).isEmpty();
	}

	@Test
	void callWhenCallerHangsUpMidPromptShouldWriteNothing() {
		AgiTranscript transcript = client().hangUpDuring("GET DATA", HangupStyle.DEAD_CHANNEL)
			.call(call("5550206", "callback-offer?queue=support"));

		assertThat(transcript.commands()).noneMatch((command) -> command.contains("CALLBACK_OFFER"));
		assertThat(transcript.serverClosed()).isTrue();
		assertThat(openRequests("support", "5550206")).isEmpty();
	}

	@Test
	void callWhenConnectionDropsMidPromptShouldWriteNothing() {
		client().hangUpDuring("GET DATA", HangupStyle.CLOSE).call(call("5550207", "callback-offer?queue=support"));

		// The next call is served, so the dropped one is over on the server side too.
		client().enterDigits("2").call(call("5550299", "callback-offer?queue=support"));
		assertThat(openRequests("support", "5550207")).isEmpty();
	}

	@Test
	void callWhenNumberAlreadyHasOpenRequestShouldKeepTheFirst() {
		client().enterDigits("1").call(call("5550208", "callback-offer?queue=support"));
		CallbackRequest first = openRequest("support", "5550208");

		AgiTranscript again = client().enterDigits("1").call(call("5550208", "callback-offer?queue=support"));

		assertThat(again.commands()).contains("SET VARIABLE \"CALLBACK_OFFER\" \"ACCEPTED\"");
		assertThat(openRequests("support", "5550208")).singleElement().isEqualTo(first);
	}

	@Test
	void callWhenQueueIsNotAnArgumentShouldReadQueueName() {
		client().enterDigits("1")
			.reply("GET VARIABLE \"QUEUENAME\"", "200 result=1 (sales)")
			.call(call("5550209", "callback-offer"));

		assertThat(openRequest("sales", "5550209").promisedBy()).isEqualTo(NOW.plusSeconds(60 * 60));
	}

	@Test
	void callWhenCallerIsAnonymousShouldNotOffer() {
		AgiTranscript transcript = client().enterDigits("1").call(call("anonymous", "callback-offer?queue=support"));

		assertThat(transcript.commands()).contains("SET VARIABLE \"CALLBACK_OFFER\" \"UNAVAILABLE\"")
			.noneMatch((command) -> command.startsWith("GET DATA"));
	}

	private CallbackRequest openRequest(String queue, String number) {
		return openRequests(queue, number).get(0);
	}

	private List<CallbackRequest> openRequests(String queue, String number) {
		return this.requests.list(queue, CallbackState.OPEN, 1000)
			.stream()
			.filter((request) -> request.number().equals(number))
			.toList();
	}

	private static AgiHeader call(String callerId, String script) {
		return AgiHeader.forCall(PORT, script).with("callerid", callerId);
	}

	private FakeAsteriskAgiClient client() {
		return new FakeAsteriskAgiClient("127.0.0.1", PORT);
	}

	private static int freePort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock testClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		// Stands for a script another feature contributes (as the survey does): found by its bean name alone.
		@Bean("test-echo")
		FastAgiScript echoScript() {
			return (call) -> call.setVariable("ECHO", call.argument("word"));
		}

	}

}
