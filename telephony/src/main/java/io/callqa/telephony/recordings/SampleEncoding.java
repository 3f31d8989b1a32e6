package io.callqa.telephony.recordings;

import java.io.IOException;

/**
 * How a WAV file stores a sample, and how to write a value of the 16-bit scale in it: the encodings the transcriber
 * reads. Mu-law and A-law are encoded as ITU-T G.711 does (the inverse of the decoder's tables).
 */
enum SampleEncoding {

	PCM_U8(1), PCM_S16LE(2), PCM_S24LE(3), PCM_S32LE(4), FLOAT32(4), MULAW(1), ALAW(1);

	private final int bytes;

	SampleEncoding(int bytes) {
		this.bytes = bytes;
	}

	int bytes() {
		return this.bytes;
	}

	static SampleEncoding of(int tag, int bits) throws IOException {
		return switch (tag) {
			case 1 -> switch (bits) {
				case 8 -> PCM_U8;
				case 16 -> PCM_S16LE;
				case 24 -> PCM_S24LE;
				case 32 -> PCM_S32LE;
				default -> throw unsupported(bits + "-bit PCM");
			};
			case 3 -> sized(FLOAT32, bits, 32, "floating point");
			case 6 -> sized(ALAW, bits, 8, "A-law");
			case 7 -> sized(MULAW, bits, 8, "mu-law");
			default -> throw unsupported(String.format("format tag 0x%04X (compressed audio)", tag));
		};
	}

	/** Writes {@code sample} (-32768..32767) at {@code offset}. */
	void write(int sample, byte[] target, int offset) {
		switch (this) {
			case PCM_U8 -> target[offset] = (byte) ((sample >> 8) + 128);
			case PCM_S16LE -> littleEndian(sample, 2, target, offset);
			case PCM_S24LE -> littleEndian(sample << 8, 3, target, offset);
			case PCM_S32LE -> littleEndian(sample << 16, 4, target, offset);
			case FLOAT32 -> littleEndian(Float.floatToIntBits(sample / 32768f), 4, target, offset);
			case MULAW -> target[offset] = mulaw(sample);
			case ALAW -> target[offset] = alaw(sample);
		}
	}

	private static void littleEndian(int value, int count, byte[] target, int offset) {
		for (int i = 0; i < count; i++) {
			target[offset + i] = (byte) (value >> (8 * i));
		}
	}

	/** G.711 mu-law: bias 0x84, clip at 32635, segment and mantissa, bits inverted. Silence is 0xFF. */
	static byte mulaw(int sample) {
		int sign = (sample < 0) ? 0x80 : 0;
		int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
		int segment = 7;
		for (int mask = 0x4000; (magnitude & mask) == 0 && segment > 0; mask >>= 1) {
			segment--;
		}
		int mantissa = (magnitude >> (segment + 3)) & 0x0F;
		return (byte) ~(sign | (segment << 4) | mantissa);
	}

	/** G.711 A-law: segment and mantissa of the magnitude, even bits inverted. Silence is 0xD5. */
	static byte alaw(int sample) {
		int sign = (sample >= 0) ? 0x80 : 0;
		int magnitude = Math.min((sample < 0) ? -sample - 1 : sample, 32767) >> 3;
		int segment = 0;
		while (segment < 7 && magnitude >= (0x20 << segment)) {
			segment++;
		}
		int mantissa = (segment == 0) ? (magnitude >> 1) & 0x0F : (magnitude >> segment) & 0x0F;
		return (byte) ((sign | (segment << 4) | mantissa) ^ 0x55);
	}

	private static SampleEncoding sized(SampleEncoding encoding, int bits, int expected, String name)
			throws IOException {
		if (bits != expected) {
			throw unsupported(bits + "-bit " + name);
		}
		return encoding;
	}

	private static IOException unsupported(String what) {
		return new IOException("cannot rewrite WAV audio stored as " + what);
	}

}
