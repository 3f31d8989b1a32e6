package io.callqa.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A scripted two-party conversation rendered as per-party telephone audio by
 * {@code src/main/resources/simulator/conversations/make-conversations.sh}: the agent's and the customer's channels
 * (each party's turns, silence while the other speaks; the same length) and the resolved script. Played into a
 * call's recordings with {@link CallScript#conversation} or {@link AmiSimulator#callOut}; second 0 is the answer.
 */
public final class Conversation {

	/** The conversations committed with the simulator, in the order the demo plays them. */
	public static final List<String> NAMES = List.of("model", "rude", "dead-air", "promise-kept",
			"promise-kept-callback", "promise-broken", "complaint", "cancellation", "mystery-shopper");

	/**
	 * One turn as rendered.
	 * @param speaker {@code agent} or {@code customer}
	 */
	public record Turn(double startSec, double endSec, String speaker, String text) {
	}

	private final String name;

	private final List<Turn> turns;

	private final byte[] agent;

	private final byte[] customer;

	private Conversation(String name, List<Turn> turns, byte[] agent, byte[] customer) {
		this.name = name;
		this.turns = turns;
		this.agent = agent;
		this.customer = customer;
	}

	/** Loads {@code /simulator/conversations/NAME-agent.wav}, {@code -customer.wav} and {@code NAME.times}. */
	public static Conversation load(String name) {
		String base = "/simulator/conversations/" + name;
		byte[] agent = AudioFixture.pcm(base + "-agent.wav");
		byte[] customer = AudioFixture.pcm(base + "-customer.wav");
		if (agent.length != customer.length) {
			throw new IllegalStateException("Conversation " + name + ": the parties' channels differ in length");
		}
		return new Conversation(name, turns(base + ".times"), agent, customer);
	}

	private static List<Turn> turns(String resource) {
		try (InputStream in = Conversation.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing conversation script " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank())
				.map((line) -> line.split(" ", 4))
				.map((f) -> new Turn(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2], f[3]))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String name() {
		return this.name;
	}

	public List<Turn> turns() {
		return this.turns;
	}

	/** How long the call talks: the channels' length. */
	public Duration length() {
		return Duration.ofMillis(this.agent.length * 1000L / AudioFixture.BYTES_PER_SECOND);
	}

	/** What one party said, in turn order, as one text. */
	public String said(String speaker) {
		return String.join(" ", this.turns.stream().filter((t) -> t.speaker().equals(speaker)).map(Turn::text)
			.toList());
	}

	/** Writes an 8 kHz 16-bit stereo WAV, agent left and customer right, as the per-party pair is merged. */
	public void writeStereo(Path file) throws IOException {
		int frames = this.agent.length / 2;
		ByteBuffer wav = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * 4);
		wav.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
		wav.putShort((short) 1).putShort((short) 2).putInt(AudioFixture.SAMPLE_RATE)
			.putInt(AudioFixture.BYTES_PER_SECOND * 2);
		wav.putShort((short) 4).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * 4);
		for (int i = 0; i < frames; i++) {
			wav.put(this.agent, 2 * i, 2).put(this.customer, 2 * i, 2);
		}
		Files.write(file, wav.array());
	}

	/** A channel of this conversation as a recording that started {@code leadBytes} before the answer. */
	RecordedAudio channel(Channel channel, long leadBytes) {
		return (offset, length) -> {
			byte[] out = new byte[length];
			for (int i = 0; i + 1 < length; i += 2) {
				long at = offset + i - leadBytes;
				if (at >= 0 && at + 1 < this.agent.length) {
					int sample = switch (channel) {
						case AGENT -> sample(this.agent, (int) at);
						case CUSTOMER -> sample(this.customer, (int) at);
						case MIXED -> Math.max(Short.MIN_VALUE,
								Math.min(Short.MAX_VALUE, sample(this.agent, (int) at) + sample(this.customer, (int) at)));
					};
					out[i] = (byte) sample;
					out[i + 1] = (byte) (sample >> 8);
				}
			}
			return out;
		};
	}

	private static int sample(byte[] pcm, int at) {
		return (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8));
	}

	/** Which channel a MixMonitor file records. */
	enum Channel {

		AGENT, CUSTOMER, MIXED

	}

}
