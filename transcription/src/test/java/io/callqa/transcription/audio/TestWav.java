package io.callqa.transcription.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds WAV files byte by byte for tests, and reads whole sources into arrays.
 */
final class TestWav {

	static final Path FIXTURES = Path.of("src/test/resources/audio");

	private TestWav() {
	}

	static byte[] fmt(int tag, int channels, int rate, int bits) {
		int frameBytes = channels * bits / 8;
		return le(16).putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * frameBytes)
			.putShort((short) frameBytes).putShort((short) bits).array();
	}

	/** A WAVE_FORMAT_EXTENSIBLE fmt body whose sub-format GUID starts with {@code subTag}. */
	static byte[] extensible(int subTag, int channels, int rate, int bits) {
		byte[] plain = fmt(0xFFFE, channels, rate, bits);
		ByteBuffer body = le(40).put(plain).putShort((short) 22).putShort((short) bits).putInt(0);
		return body.putShort((short) subTag).put(new byte[] { 0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0,
				0x38, (byte) 0x9B, 0x71 }).array();
	}

	static byte[] chunk(String id, byte[] body) {
		return chunk(id, body.length, body);
	}

	/** A chunk whose header says {@code size}, whatever the body's length; odd bodies get their pad byte. */
	static byte[] chunk(String id, long size, byte[] body) {
		ByteBuffer chunk = le(8 + body.length + (body.length & 1)).put(ascii(id)).putInt((int) size).put(body);
		return chunk.array();
	}

	static byte[] riff(byte[]... chunks) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(ascii("WAVE"));
		Arrays.stream(chunks).forEach(out::writeBytes);
		byte[] body = out.toByteArray();
		return le(8 + body.length).put(ascii("RIFF")).putInt(body.length).put(body).array();
	}

	static byte[] pcm16(int... samples) {
		ByteBuffer bytes = le(2 * samples.length);
		Arrays.stream(samples).forEach((s) -> bytes.putShort((short) s));
		return bytes.array();
	}

	static byte[] mono16(int rate, int... samples) {
		return riff(chunk("fmt ", fmt(1, 1, rate, 16)), chunk("data", pcm16(samples)));
	}

	static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	static ByteBuffer le(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	/** Every sample of every channel, at the target rate. */
	static short[][] readAll(byte[] wav, int targetRate) throws IOException {
		return readAll(new ByteArrayInputStream(wav), targetRate);
	}

	static short[][] readAll(InputStream in, int targetRate) throws IOException {
		try (PcmSource source = PcmSource.open(in, targetRate)) {
			return readAll(source);
		}
	}

	static short[][] readAll(PcmSource source) throws IOException {
		short[][] all = new short[source.channels()][0];
		for (short[][] block = source.read(); block != null; block = source.read()) {
			for (int channel = 0; channel < all.length; channel++) {
				all[channel] = concat(all[channel], block[channel]);
			}
		}
		return all;
	}

	static short[] concat(short[] a, short[] b) {
		short[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	/** Signal to noise ratio in dB of {@code actual} against {@code expected}, over {@code [from, to)}. */
	static double snr(double[] expected, double[] actual, int from, int to) {
		double signal = 0;
		double noise = 0;
		for (int i = from; i < to; i++) {
			signal += expected[i] * expected[i];
			noise += (actual[i] - expected[i]) * (actual[i] - expected[i]);
		}
		return 10 * Math.log10(signal / noise);
	}

	static double[] doubles(short[] samples) {
		double[] doubles = new double[samples.length];
		for (int i = 0; i < samples.length; i++) {
			doubles[i] = samples[i];
		}
		return doubles;
	}

}
