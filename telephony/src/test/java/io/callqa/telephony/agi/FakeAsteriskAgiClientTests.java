package io.callqa.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives a real Asterisk-Java 3.42.2 {@link DefaultAgiServer} with {@link FakeAsteriskAgiClient}.
 */
class FakeAsteriskAgiClientTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final String HOST = "127.0.0.1";

	private final PromptScript script = new PromptScript();

	private BoundSignallingAgiServer server;

	private int port;

	@BeforeEach
	void startServer() throws Exception {
		this.port = freePort();
		SimpleMappingStrategy mapping = new SimpleMappingStrategy();
		mapping.setMappings(Map.of("callback-offer", this.script, "inbound", this.script));
		this.server = new BoundSignallingAgiServer(mapping);
		this.server.setPort(this.port);
		this.server.setAddress(InetAddress.getByName(HOST));
		Thread thread = new Thread(this::runServer, "fastagi-server");
		thread.setDaemon(true);
		thread.start();
		assertThat(this.server.bound.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("server bound").isTrue();
	}

	@AfterEach
	void stopServer() {
		this.server.shutdown();
	}

	@Test
	void callWhenCallerEntersOneAfterPromptShouldRunScriptAndAnswerEveryCommand() throws Exception {
		AgiTranscript transcript = client().enterDigits("1")
			.call(AgiHeader.forCall(this.port, "callback-offer?queue=support"));

		PromptScript.Run run = this.script.awaitRun(WAIT);
		assertThat(run.failure()).isNull();
		assertThat(run.choice()).isEqualTo("1");
		assertThat(run.request().getScript()).isEqualTo("callback-offer");
		assertThat(run.request().getParameter("queue")).isEqualTo("support");
		assertThat(run.request().getCallerIdNumber()).isEqualTo("5550105");
		assertThat(run.request().getUniqueId()).isEqualTo("1795419721.86");
		assertThat(transcript.serverClosed()).isTrue();
		assertThat(transcript.commands()).containsExactly("ANSWER", "STREAM FILE \"welcome\" \"1\"",
				"GET DATA \"press-1-for-callback\" 3000 1", "SET VARIABLE \"CALLBACK_CHOICE\" \"1\"",
				"SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
	}

	@Test
	void callWhenCallerPressesOneDuringPromptShouldSkipGetData() throws Exception {
		AgiTranscript transcript = client().pressDuring("STREAM FILE", '1')
			.call(AgiHeader.forCall(this.port, "callback-offer?queue=support"));

		assertThat(this.script.awaitRun(WAIT).choice()).isEqualTo("1");
		assertThat(transcript.commands()).containsExactly("ANSWER", "STREAM FILE \"welcome\" \"1\"",
				"SET VARIABLE \"CALLBACK_CHOICE\" \"1\"", "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
	}

	@Test
	void callWhenCallerHangsUpMidPromptShouldRaiseAgiHangupExceptionAndRefuseLaterCommands() throws Exception {
		AgiTranscript transcript = client().hangUpDuring("STREAM FILE", HangupStyle.DEAD_CHANNEL)
			.call(AgiHeader.forCall(this.port, "callback-offer?queue=support"));

		PromptScript.Run run = this.script.awaitRun(WAIT);
		assertThat(run.failure()).isInstanceOf(AgiHangupException.class);
		assertThat(run.choice()).isNull();
		// Asterisk-Java still tries to record the outcome, and Asterisk answers 511 to it.
		assertThat(transcript.commands()).containsExactly("ANSWER", "STREAM FILE \"welcome\" \"1\"",
				"GET DATA \"press-1-for-callback\" 3000 1", "SET VARIABLE \"AJ_AGISTATUS\" \"FAILED\"");
		assertThat(transcript.serverClosed()).isTrue();
		assertServerStillServesCalls();
	}

	@Test
	void callWhenConnectionClosesMidPromptShouldRaiseAgiHangupException() throws Exception {
		AgiTranscript transcript = client().hangUpDuring("STREAM FILE", HangupStyle.CLOSE)
			.call(AgiHeader.forCall(this.port, "callback-offer"));

		PromptScript.Run run = this.script.awaitRun(WAIT);
		assertThat(run.failure()).isInstanceOf(AgiHangupException.class);
		assertThat(transcript.commands()).containsExactly("ANSWER", "STREAM FILE \"welcome\" \"1\"");
		assertThat(transcript.serverClosed()).isFalse();
		assertServerStillServesCalls();
	}

	@Test
	void callWhenReplayingRealAsteriskHeaderShouldParseEveryField() throws Exception {
		AgiHeader header = AgiHeader.parse(traceLines("agi/fastagi.agi"))
			.with("request", "agi://127.0.0.1:" + this.port + "/inbound?scenario=fastagi");
		AgiTranscript transcript = client().enterDigits("1").call(header);

		PromptScript.Run run = this.script.awaitRun(WAIT);
		assertThat(run.failure()).isNull();
		assertThat(run.request().getScript()).isEqualTo("inbound");
		assertThat(run.request().getParameter("scenario")).isEqualTo("fastagi");
		assertThat(run.request().getChannel()).isEqualTo("Local/cust@customer-0000002b;1");
		assertThat(run.request().getCallerIdName()).isEqualTo("Erin Agi");
		assertThat(run.request().getContext()).isEqualTo("inbound-agi");
		assertThat(run.request().getPriority()).isEqualTo(3);
		assertThat(run.request().getType()).isEqualTo("Local");
		assertThat(transcript.serverClosed()).isTrue();
	}

	private void assertServerStillServesCalls() throws InterruptedException {
		client().enterDigits("2").call(AgiHeader.forCall(this.port, "callback-offer"));
		assertThat(this.script.awaitRun(WAIT).choice()).isEqualTo("2");
	}

	private FakeAsteriskAgiClient client() {
		return new FakeAsteriskAgiClient(HOST, this.port);
	}

	private void runServer() {
		try {
			this.server.startup();
		}
		catch (IOException ex) {
			// Already logged by the server; the bound latch then times out and fails the test.
		}
	}

	private static List<String> traceLines(String resource) throws IOException {
		try (InputStream in = FakeAsteriskAgiClientTests.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("missing test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

	private static int freePort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A {@link DefaultAgiServer} that tells the test when it listens, since {@code startup()} blocks until shutdown.
	 */
	private static final class BoundSignallingAgiServer extends DefaultAgiServer {

		private final CountDownLatch bound = new CountDownLatch(1);

		BoundSignallingAgiServer(SimpleMappingStrategy mapping) {
			super(mapping);
		}

		@Override
		protected ServerSocketFacade createServerSocket() throws IOException {
			ServerSocketFacade socket = super.createServerSocket();
			this.bound.countDown();
			return socket;
		}

	}

}
