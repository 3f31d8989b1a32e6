package io.callqa.telephony.recordings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Interleaves the agent's and the customer's MixMonitor files (16-bit PCM mono WAV, the {@code .wav} format) into one
 * stereo WAV, agent on the left, so the transcript is per speaker. The shorter file is padded with silence.
 */
final class PerPartyMerger {

	private PerPartyMerger() {
	}

	/** Writes the stereo file; fails with a clear message if either file is not 16-bit PCM mono of the same rate. */
	static void merge(Path agent, Path customer, Path target) throws IOException {
		int rate;
		long frames;
		try (InputStream a = new BufferedInputStream(Files.newInputStream(agent));
				InputStream c = new BufferedInputStream(Files.newInputStream(customer));
				OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
			rate = pcmMonoRate(a, agent);
			int rateC = pcmMonoRate(c, customer);
			if (rate != rateC) {
				throw new IOException("Per-party files differ in sample rate: " + rate + " and " + rateC + " Hz");
			}
			out.write(header(rate, 0));
			frames = interleave(a, c, out);
		}
		// The sizes are known only now (a header still being finalized by Asterisk cannot be trusted).
		try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(header(rate, frames * 4)), 0);
		}
	}

	private static long interleave(InputStream a, InputStream c, OutputStream out) throws IOException {
		byte[] frame = new byte[4];
		long frames = 0;
		while (true) {
			int left = readSample(a, frame, 0);
			int right = readSample(c, frame, 2);
			if (left < 0 && right < 0) {
				return frames;
			}
			out.write(frame);
			frames++;
		}
	}

	/** Reads one sample into {@code frame} at {@code offset}, silence at the end; -1 when the stream had ended. */
	private static int readSample(InputStream in, byte[] frame, int offset) throws IOException {
		int lo = in.read();
		int hi = (lo < 0) ? -1 : in.read();
		frame[offset] = (byte) Math.max(lo, 0);
		frame[offset + 1] = (byte) Math.max(hi, 0);
		return hi;
	}

	/** Skips to the data of a RIFF WAVE file and returns its sample rate. */
	private static int pcmMonoRate(InputStream in, Path file) throws IOException {
		DataInputStream data = new DataInputStream(in);
		try {
			readRiffWaveHeader(data, file);
			return rateOfFmtBeforeData(data, file);
		}
		catch (EOFException ex) {
			throw new IOException(file.getFileName() + " is truncated before its audio data", ex);
		}
	}

	private static void readRiffWaveHeader(DataInputStream data, Path file) throws IOException {
		byte[] riff = new byte[12];
		data.readFully(riff);
		if (!new String(riff, 0, 4).equals("RIFF") || !new String(riff, 8, 4).equals("WAVE")) {
			throw new IOException(file.getFileName() + " is not a WAV file");
		}
	}

	/** Reads chunk by chunk up to the data chunk; the fmt chunk met on the way gives the rate. */
	private static int rateOfFmtBeforeData(DataInputStream data, Path file) throws IOException {
		int rate = 0;
		while (true) {
			byte[] chunk = new byte[8];
			data.readFully(chunk);
			String id = new String(chunk, 0, 4);
			int size = ByteBuffer.wrap(chunk, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
			if (id.equals("data")) {
				if (rate == 0) {
					throw new IOException(file.getFileName() + " has no fmt chunk before its data");
				}
				return rate;
			}
			byte[] body = data.readNBytes(size + (size & 1));
			if (id.equals("fmt ")) {
				rate = checkFormat(ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN), file);
			}
		}
	}

	private static int checkFormat(ByteBuffer fmt, Path file) throws IOException {
		int format = fmt.getShort(0);
		int channels = fmt.getShort(2);
		int bits = fmt.getShort(14);
		if (format != 1 || channels != 1 || bits != 16) {
			throw new IOException(file.getFileName() + " is not 16-bit PCM mono (format " + format + ", " + channels
					+ " channels, " + bits + " bits)");
		}
		return fmt.getInt(4);
	}

	private static byte[] header(int rate, long dataBytes) {
		int size = (int) Math.min(dataBytes, Integer.MAX_VALUE - 36);
		return ByteBuffer.allocate(44)
			.order(ByteOrder.LITTLE_ENDIAN)
			.put("RIFF".getBytes())
			.putInt(36 + size)
			.put("WAVEfmt ".getBytes())
			.putInt(16)
			.putShort((short) 1)
			.putShort((short) 2)
			.putInt(rate)
			.putInt(rate * 4)
			.putShort((short) 4)
			.putShort((short) 16)
			.put("data".getBytes())
			.putInt(size)
			.array();
	}

}
