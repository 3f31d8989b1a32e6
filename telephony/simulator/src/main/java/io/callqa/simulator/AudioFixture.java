package io.callqa.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The PCM samples (16-bit little-endian, mono, 8 kHz) of a committed WAV fixture under
 * {@code /simulator/audio/}, played in a loop to fill recordings of any length. Fixtures may be 16-bit PCM or G.711
 * u-law (half the size, what the conversations are committed as); u-law is decoded here.
 */
final class AudioFixture implements RecordedAudio {

	static final int SAMPLE_RATE = 8000;

	static final int BYTES_PER_SECOND = SAMPLE_RATE * 2;

	private static final short ULAW = 7;

	private final byte[] pcm;

	private AudioFixture(byte[] pcm) {
		this.pcm = pcm;
	}

	static AudioFixture load(String name) {
		return new AudioFixture(pcm("/simulator/audio/" + name));
	}

	/** The 16-bit PCM samples of the WAV resource at {@code resource} (PCM or u-law). */
	static byte[] pcm(String resource) {
		try (InputStream in = AudioFixture.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing audio fixture " + resource);
			}
			return dataChunk(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The bytes from {@code offset} (looping) to {@code offset + length}, kept 16-bit aligned. */
	@Override
	public byte[] slice(long offset, int length) {
		byte[] out = new byte[length];
		for (int written = 0; written < length;) {
			int from = (int) ((offset + written) % this.pcm.length);
			int count = Math.min(length - written, this.pcm.length - from);
			System.arraycopy(this.pcm, from, out, written, count);
			written += count;
		}
		return out;
	}

	/** Walks the RIFF chunks to the {@code data} chunk; u-law data (format 7, after {@code fmt }) is decoded. */
	private static byte[] dataChunk(byte[] wav) {
		ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		int position = 12;
		boolean ulaw = false;
		while (position + 8 <= wav.length) {
			String id = new String(wav, position, 4, StandardCharsets.US_ASCII);
			int size = buffer.getInt(position + 4);
			if (id.equals("fmt ")) {
				ulaw = buffer.getShort(position + 8) == ULAW;
			}
			if (id.equals("data")) {
				int length = Math.min(size, wav.length - position - 8);
				if (ulaw) {
					return decodeUlaw(wav, position + 8, length);
				}
				length &= ~1;
				byte[] data = new byte[length];
				System.arraycopy(wav, position + 8, data, 0, length);
				return data;
			}
			position += 8 + size + (size & 1);
		}
		throw new IllegalStateException("No data chunk in audio fixture");
	}

	/** G.711 u-law bytes as 16-bit little-endian PCM (ITU-T G.711, as sox and Asterisk decode it). */
	private static byte[] decodeUlaw(byte[] wav, int from, int count) {
		byte[] pcm = new byte[count * 2];
		for (int i = 0; i < count; i++) {
			int u = ~wav[from + i] & 0xFF;
			int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
			int sample = ((u & 0x80) != 0) ? 0x84 - magnitude : magnitude - 0x84;
			pcm[2 * i] = (byte) sample;
			pcm[2 * i + 1] = (byte) (sample >> 8);
		}
		return pcm;
	}

	/** A 44-byte canonical WAV header for {@code dataBytes} of 8 kHz 16-bit mono PCM. */
	static byte[] header(long dataBytes) {
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
		header.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		header.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
		header.putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(BYTES_PER_SECOND);
		header.putShort((short) 2).putShort((short) 16);
		header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
		return header.array();
	}

}
