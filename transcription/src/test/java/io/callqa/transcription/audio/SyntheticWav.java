package io.callqa.transcription.audio;

import java.io.InputStream;

import static io.callqa.transcription.audio.TestWav.chunk;
import static io.callqa.transcription.audio.TestWav.fmt;
import static io.callqa.transcription.audio.TestWav.pcm16;
import static io.callqa.transcription.audio.TestWav.riff;

/**
 * A mono 8 kHz 16-bit WAV of {@code frames} frames of a tone, made as it is read: hours of audio, no storage.
 */
public final class SyntheticWav extends InputStream {

	private static final byte[] TONE = pcm16(0, 5657, 8000, 5657, 0, -5657, -8000, -5657);

	private final byte[] header;

	private final long length;

	private long position;

	public SyntheticWav(long frames) {
		this.header = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", 2 * frames, new byte[0]));
		this.length = this.header.length + 2 * frames;
	}

	/** The whole file's length in bytes. */
	public long length() {
		return this.length;
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int count) {
		int n = (int) Math.min(count, this.length - this.position);
		if (n <= 0) {
			return -1;
		}
		for (int i = 0; i < n; i++) {
			buffer[offset + i] = byteAt(this.position++);
		}
		return n;
	}

	/** A 1 kHz tone: 8 samples, 16 bytes, a period. */
	private byte byteAt(long index) {
		if (index < this.header.length) {
			return this.header[(int) index];
		}
		return TONE[(int) ((index - this.header.length) % TONE.length)];
	}

}
