package io.callqa.telephony.recordings;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * WAV files written byte by byte for the redaction tests: any of the encodings the server accepts, any number of
 * channels, with a chunk before the data and the extensible header on request. The samples are seeded noise: every
 * byte of the audio is known, so a test can tell exactly which bytes a redaction changed.
 */
record TestWav(String name, int tag, int bits, int channels, int rate, boolean extensible, boolean listChunk) {

	/** A LIST chunk naming the software, as many recorders write one before the data. */
	private static final byte[] LIST = "INFOISFT\u0007\0\0\0callqa\0\0".getBytes();

	static final int WAVE_FORMAT_PCM = 1;

	static final int WAVE_FORMAT_FLOAT = 3;

	static final int WAVE_FORMAT_ALAW = 6;

	static final int WAVE_FORMAT_MULAW = 7;

	int sampleBytes() {
		return this.bits / 8;
	}

	int frameBytes() {
		return sampleBytes() * this.channels;
	}

	/** The file: header (fmt, optional LIST chunk) and {@code seconds} of noise. */
	byte[] bytes(double seconds, long seed) {
		int frames = (int) Math.round(seconds * this.rate);
		byte[] data = new byte[frames * frameBytes()];
		Random random = new Random(seed);
		if (this.tag == WAVE_FORMAT_FLOAT) {
			ByteBuffer floats = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < data.length / 4; i++) {
				floats.putFloat((float) (random.nextGaussian() * 0.3));
			}
		}
		else {
			random.nextBytes(data);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] fmt = fmt();
		byte[] list = this.listChunk ? LIST : new byte[0];
		int riffSize = 4 + (8 + fmt.length) + (this.listChunk ? 8 + list.length : 0) + 8 + data.length;
		out.writeBytes("RIFF".getBytes());
		out.writeBytes(le(riffSize));
		out.writeBytes("WAVE".getBytes());
		out.writeBytes("fmt ".getBytes());
		out.writeBytes(le(fmt.length));
		out.writeBytes(fmt);
		if (this.listChunk) {
			out.writeBytes("LIST".getBytes());
			out.writeBytes(le(list.length));
			out.writeBytes(list);
		}
		out.writeBytes("data".getBytes());
		out.writeBytes(le(data.length));
		out.writeBytes(data);
		return out.toByteArray();
	}

	/** Where the samples start in {@link #bytes}. */
	int dataOffset() {
		return 12 + 8 + fmt().length + (this.listChunk ? 8 + LIST.length : 0) + 8;
	}

	private byte[] fmt() {
		ByteBuffer fmt = ByteBuffer.allocate(this.extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN);
		fmt.putShort((short) (this.extensible ? 0xFFFE : this.tag))
			.putShort((short) this.channels)
			.putInt(this.rate)
			.putInt(this.rate * frameBytes())
			.putShort((short) frameBytes())
			.putShort((short) this.bits);
		if (this.extensible) {
			fmt.putShort((short) 22).putShort((short) this.bits).putInt(this.channels == 2 ? 3 : 4);
			// KSDATAFORMAT_SUBTYPE_xxx: the plain tag, then 0000-0010-8000-00aa00389b71
			fmt.putShort((short) this.tag)
				.put(new byte[] { 0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71 });
		}
		return fmt.array();
	}

	private static byte[] le(int value) {
		return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
