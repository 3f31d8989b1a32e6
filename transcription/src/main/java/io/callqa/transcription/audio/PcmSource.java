package io.callqa.transcription.audio;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Streams a WAV file as 16-bit samples per channel at a target rate, a block of about 0.2 s at a time, in the same
 * small memory whatever the file's length.
 */
public final class PcmSource implements Closeable {

	/** Blocks of 0.2 s: small enough to stream, large enough that per-block work does not show. */
	private static final int BLOCKS_PER_SECOND = 5;

	private final InputStream in;

	private final WavHeader header;

	private final int targetRate;

	private final SampleReader reader;

	private final Resampler[] resamplers;

	private final byte[] bytes;

	private final float[][] samples;

	private long remaining;

	private long delivered;

	/** Bytes of sample data read so far. */
	private long dataRead;

	private boolean ended;

	private PcmSource(InputStream in, WavHeader header, int targetRate) {
		AudioInfo info = header.info();
		this.in = in;
		this.header = header;
		this.targetRate = targetRate;
		this.reader = SampleReader.of(info.encoding());
		this.resamplers = new Resampler[info.channels()];
		this.resamplers[0] = new Resampler(info.sampleRate(), targetRate);
		for (int channel = 1; channel < this.resamplers.length; channel++) {
			this.resamplers[channel] = this.resamplers[0].copy();
		}
		int frames = Math.max(1, info.sampleRate() / BLOCKS_PER_SECOND);
		this.bytes = new byte[frames * header.frameBytes()];
		this.samples = new float[info.channels()][frames];
		this.remaining = (header.dataBytes() == WavHeader.TO_END) ? Long.MAX_VALUE : header.dataBytes();
	}

	/**
	 * Opens a WAV file.
	 * @param file the file
	 * @param targetRate the sample rate to deliver, in Hz (4000 to 192000)
	 * @throws AudioFormatException if the file is not a WAV file we can read, with a message for the user
	 */
	public static PcmSource open(Path file, int targetRate) throws IOException {
		long length = Files.size(file);
		return open(Files.newInputStream(file), length, targetRate);
	}

	/**
	 * Opens a WAV stream, which the source then owns and closes.
	 * @param in the stream, at the start of the file
	 * @param targetRate the sample rate to deliver, in Hz (4000 to 192000)
	 * @throws AudioFormatException if the stream is not a WAV file we can read, with a message for the user
	 */
	public static PcmSource open(InputStream in, int targetRate) throws IOException {
		return open(in, -1, targetRate);
	}

	private static PcmSource open(InputStream in, long length, int targetRate) throws IOException {
		checkRate(targetRate);
		InputStream buffered = new BufferedInputStream(in, 1 << 16);
		try {
			return new PcmSource(buffered, WavParser.parse(buffered, length), targetRate);
		}
		catch (IOException | RuntimeException ex) {
			buffered.close();
			throw ex;
		}
	}

	/**
	 * Reads only the header of a WAV file.
	 * @throws AudioFormatException if the file is not a WAV file we can read, with a message for the user
	 */
	public static AudioInfo probe(Path file) throws IOException {
		long length = Files.size(file);
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 4096)) {
			return WavParser.parse(in, length).info();
		}
	}

	private static void checkRate(int targetRate) {
		if (targetRate < FormatChunk.MIN_RATE || targetRate > FormatChunk.MAX_RATE) {
			throw new IllegalArgumentException("Unsupported target rate " + targetRate + " Hz");
		}
	}

	/** What the file's header says. */
	public AudioInfo info() {
		return this.header.info();
	}

	public int channels() {
		return this.resamplers.length;
	}

	/**
	 * Reads the next block (about 0.2 s) for every channel at the target rate, {@code result[channel][i]}, the arrays
	 * all of the block's length. Not thread-safe.
	 * @return the block, or {@code null} at the end of the stream
	 */
	public short @Nullable [][] read() throws IOException {
		while (!this.ended) {
			short[][] block = next();
			if (block[0].length > 0) {
				this.delivered += block[0].length;
				return block;
			}
		}
		return null;
	}

	/**
	 * Whether the file holds less audio than its header declares (cut short in a copy or an upload), with the
	 * reason; known for a file at once, for a stream once it is read to its end. A header written before the end of
	 * the recording (size 0 or 0xFFFFFFFF, a recorder still writing) declares nothing: never truncated.
	 */
	public Optional<String> truncation() {
		return this.header.truncation(this.ended ? this.dataRead : this.header.dataBytes());
	}

	/** Seconds of output delivered so far. */
	public double secondsRead() {
		return (double) this.delivered / this.targetRate;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private short[][] next() throws IOException {
		int frames = fill();
		short[][] block = new short[this.resamplers.length][];
		for (int channel = 0; channel < block.length; channel++) {
			block[channel] = Resampler.toShorts(resample(channel, frames));
		}
		return block;
	}

	/** At the end of the data, flushes the resamplers instead. */
	private float[] resample(int channel, int frames) {
		if (frames == 0) {
			this.ended = true;
			return this.resamplers[channel].flushSamples();
		}
		return this.resamplers[channel].process(this.samples[channel], frames);
	}

	/** Reads and decodes the next whole frames; a partial frame at the end of the file is dropped. */
	private int fill() throws IOException {
		int frameBytes = this.header.frameBytes();
		int read = this.in.readNBytes(this.bytes, 0, (int) Math.min(this.bytes.length, this.remaining));
		this.remaining -= read;
		this.dataRead += read;
		int frames = read / frameBytes;
		if (read < this.bytes.length) {
			this.remaining = 0;
		}
		decode(frames, frameBytes);
		return frames;
	}

	private void decode(int frames, int frameBytes) {
		int sampleBytes = frameBytes / this.samples.length;
		for (int frame = 0; frame < frames; frame++) {
			for (int channel = 0; channel < this.samples.length; channel++) {
				this.samples[channel][frame] = this.reader.read(this.bytes, frame * frameBytes + channel * sampleBytes);
			}
		}
	}

}
