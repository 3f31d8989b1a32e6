package io.callqa.telephony.recordings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Where the samples of a RIFF/WAVE file are and how they are stored: what redaction needs to overwrite seconds in
 * place. Reads the encodings the transcriber accepts (8/16/24/32-bit PCM, 32-bit float, mu-law, A-law, any number of
 * channels); anything else is an {@link IOException} naming what it is, so the recording stays held.
 *
 * @param dataOffset the file position of the first sample
 * @param frames the whole frames present (a data size of 0 or 0xFFFFFFFF, a recorder still writing, runs to the end
 * of the file; a file shorter than its header says ends where it ends)
 */
record WavLayout(SampleEncoding encoding, int channels, int sampleRate, long dataOffset, long frames) {

	private static final long UNFINISHED = 0xFFFFFFFFL;

	int frameBytes() {
		return this.encoding.bytes() * this.channels;
	}

	static WavLayout read(FileChannel file) throws IOException {
		long length = file.size();
		ByteBuffer head = read(file, 0, 12);
		if (head == null || !ascii(head, 0).equals("RIFF") || !ascii(head, 8).equals("WAVE")) {
			throw new IOException("not a RIFF/WAVE file: only WAV recordings can be redacted");
		}
		long position = 12;
		ByteBuffer fmt = null;
		while (true) {
			ByteBuffer chunk = read(file, position, 8);
			if (chunk == null) {
				throw new IOException("the WAV file has no data chunk");
			}
			String id = ascii(chunk, 0);
			long size = chunk.getInt(4) & 0xFFFFFFFFL;
			long body = position + 8;
			if (id.equals("data")) {
				if (fmt == null) {
					throw new IOException("the WAV file's data comes before its format");
				}
				long present = length - body;
				long bytes = (size == 0 || size == UNFINISHED) ? present : Math.min(size, present);
				return of(fmt, body, bytes);
			}
			if (id.equals("fmt ")) {
				if (size < 16 || size > 1024) {
					throw new IOException("the WAV header is damaged: its format chunk has " + size + " bytes");
				}
				fmt = read(file, body, (int) size);
				if (fmt == null) {
					throw new IOException("the WAV header is truncated");
				}
			}
			position = body + size + (size & 1);
		}
	}

	private static WavLayout of(ByteBuffer fmt, long dataOffset, long dataBytes) throws IOException {
		int tag = fmt.getShort(0) & 0xFFFF;
		if (tag == 0xFFFE && fmt.limit() >= 26) {
			tag = fmt.getShort(24) & 0xFFFF; // extensible: the sub-format GUID starts with the plain tag
		}
		int channels = fmt.getShort(2) & 0xFFFF;
		int rate = fmt.getInt(4);
		int bits = fmt.getShort(14) & 0xFFFF;
		if (channels < 1 || channels > 8 || rate < 4000 || rate > 192000) {
			throw new IOException("the WAV header is damaged or unsupported: " + channels + " channels at " + rate
					+ " Hz");
		}
		SampleEncoding encoding = SampleEncoding.of(tag, bits);
		long frames = dataBytes / ((long) encoding.bytes() * channels);
		return new WavLayout(encoding, channels, rate, dataOffset, frames);
	}

	/** {@code count} bytes at {@code position}, little-endian, or null if the file ends before. */
	private static ByteBuffer read(FileChannel file, long position, int count) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(count).order(ByteOrder.LITTLE_ENDIAN);
		while (buffer.hasRemaining()) {
			if (file.read(buffer, position + buffer.position()) < 0) {
				return null;
			}
		}
		return buffer.flip();
	}

	private static String ascii(ByteBuffer buffer, int offset) {
		byte[] bytes = new byte[4];
		buffer.get(offset, bytes);
		return new String(bytes, StandardCharsets.US_ASCII);
	}

}
