package io.callqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed demo conversations, and calls that play them into their MixMonitor files: each party's file holds
 * that party's channel from the answer on, the mixed file both, after the wait in the queue.
 */
class ConversationTests {

	@TempDir
	Path recordings;

	private final AmiSimulator simulator = AmiSimulator.start("ccadmin", "ccsecret");

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@ParameterizedTest
	@MethodSource("names")
	void loadShouldGiveBothPartiesTheirTurnsAndTheSameLength(String name) {
		Conversation conversation = Conversation.load(name);
		assertThat(conversation.turns()).extracting(Conversation.Turn::speaker).contains("agent", "customer");
		double lastEnd = conversation.turns().stream().mapToDouble(Conversation.Turn::endSec).max().orElseThrow();
		// The script leaves one second after the last turn.
		assertThat(conversation.length().toMillis() / 1000.0).isBetween(lastEnd + 0.9, lastEnd + 1.1);
		// Speech where the script says, silence around it: the agent's channel is silent in the customer's turns.
		byte[] agent = pcm(conversation, Conversation.Channel.AGENT, 0, conversation.length());
		for (Conversation.Turn turn : conversation.turns()) {
			boolean agentTurn = turn.speaker().equals("agent");
			if (agentTurn || conversation.turns().stream().noneMatch((t) -> t.speaker().equals("agent")
					&& t.startSec() < turn.endSec() && t.endSec() > turn.startSec())) {
				assertThat(loudest(agent, turn.startSec(), turn.endSec())).as("%s: %s", name, turn)
					.matches((peak) -> agentTurn ? peak > 1000 : peak == 0);
			}
		}
	}

	@Test
	void answeredCallWithConversationShouldRecordEachPartyFromTheAnswer() throws IOException {
		Conversation conversation = Conversation.load("model");
		this.simulator.recordInto(this.recordings, true);
		RenderedCall call = this.simulator.play(CallScript.answered().waitFor(Duration.ofSeconds(4))
			.conversation(conversation));

		String base = Path.of(call.recordingFile()).getFileName().toString().replace(".wav", "");
		byte[] agent = data(this.recordings.resolve(base + "-agent.wav"));
		byte[] customer = data(this.recordings.resolve(base + "-customer.wav"));
		byte[] mixed = data(this.recordings.resolve(base + ".wav"));
		int talk = (int) (conversation.length().toMillis() * AudioFixture.BYTES_PER_SECOND / 1000);
		assertThat(agent.length).isCloseTo(talk, org.assertj.core.data.Offset.offset(400));
		assertThat(agent).isEqualTo(pcm(conversation, Conversation.Channel.AGENT, 0, agent.length));
		assertThat(customer).isEqualTo(pcm(conversation, Conversation.Channel.CUSTOMER, 0, customer.length));
		// The mixed file starts when the caller joins the queue: 4 s of silence, then both parties.
		int wait = 4 * AudioFixture.BYTES_PER_SECOND;
		assertThat(loudest(mixed, 0, 3.9)).isZero();
		assertThat(Arrays.copyOfRange(mixed, wait, mixed.length))
			.isEqualTo(pcm(conversation, Conversation.Channel.MIXED, 0, mixed.length - wait));
	}

	@Test
	void callOutShouldPlayAnOutboundCallWithTheConversation() throws Exception {
		Conversation conversation = Conversation.load("promise-kept-callback");
		this.simulator.recordInto(this.recordings, true);
		RenderedCall call = this.simulator.callOut("agent1", "5550104", conversation, 1000);

		assertThat(call.scenario().setsVariable("CALLQA_AGENT", "agent1")).isTrue();
		assertThat(call.scenario().setsVariable("DIALSTATUS", "ANSWER")).isTrue();
		assertThat(call.scenario().events()).anyMatch((event) -> event.type().equals("OriginateResponse")
				&& "Success".equals(event.value("Response")) && "5550104".equals(event.value("Exten")));
		String base = Path.of(call.recordingFile()).getFileName().toString().replace(".wav", "");
		// The agent's recording starts before the customer answers (2 s of ringing): then the conversation.
		byte[] agent = data(this.recordings.resolve(base + "-agent.wav"));
		int ring = 2 * AudioFixture.BYTES_PER_SECOND;
		assertThat(loudest(agent, 0, 1.9)).isZero();
		assertThat(Arrays.copyOfRange(agent, ring, agent.length))
			.isEqualTo(pcm(conversation, Conversation.Channel.AGENT, 0, agent.length - ring));
	}

	@Test
	void callsWithoutConversationShouldStillLoopTheFixtures() throws IOException {
		this.simulator.recordInto(this.recordings, true);
		RenderedCall call = this.simulator.play(CallScript.answered().talkFor(Duration.ofSeconds(5)));
		byte[] mixed = data(Path.of(this.recordings.toString(), Path.of(call.recordingFile()).getFileName().toString()));
		assertThat(mixed).startsWith(AudioFixture.load("conversation-8k.wav").slice(0, 1000));
	}

	private static byte[] pcm(Conversation conversation, Conversation.Channel channel, long lead, Duration length) {
		return pcm(conversation, channel, lead, (int) (length.toMillis() * AudioFixture.BYTES_PER_SECOND / 1000));
	}

	private static byte[] pcm(Conversation conversation, Conversation.Channel channel, long lead, int length) {
		return conversation.channel(channel, lead).slice(0, length);
	}

	/** The largest sample between the two seconds. */
	private static int loudest(byte[] pcm, double fromSec, double toSec) {
		int peak = 0;
		int to = Math.min(pcm.length - 1, (int) (toSec * AudioFixture.SAMPLE_RATE) * 2);
		for (int i = (int) (fromSec * AudioFixture.SAMPLE_RATE) * 2; i < to; i += 2) {
			peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
		}
		return peak;
	}

	/** The audio of a finished simulated recording (canonical 44-byte header). */
	private static byte[] data(Path wav) throws IOException {
		byte[] bytes = Files.readAllBytes(wav);
		assertThat(bytes.length).as(wav.toString()).isGreaterThan(44);
		return Arrays.copyOfRange(bytes, 44, bytes.length);
	}

	static Stream<String> names() {
		return Conversation.NAMES.stream();
	}

}
