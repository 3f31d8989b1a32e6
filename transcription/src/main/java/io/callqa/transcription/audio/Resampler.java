package io.callqa.transcription.audio;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Streaming rational-ratio resampler for one channel (one thread at a time): polyphase windowed-sinc with a Kaiser
 * window, an anti-aliasing low-pass at the lower rate's Nyquist frequency with a small guard band, and output aligned
 * in time with the input, output sample {@code n} being the input at time {@code n / outRate}.
 */
final class Resampler {

	private final @Nullable PolyphaseFilter filter;

	private float[] buffer;

	private int count;

	private int start;

	private int phase;

	private long consumed;

	private long produced;

	/**
	 * A resampler from {@code inRate} to {@code outRate} Hz: feed it blocks with {@link #process(short[])}, then call
	 * {@link #flush()} once at the end. Equal rates pass samples through unchanged.
	 */
	public Resampler(int inRate, int outRate) {
		this(filter(inRate, outRate));
	}

	private Resampler(@Nullable PolyphaseFilter filter) {
		this.filter = filter;
		this.buffer = new float[(this.filter != null) ? 4 * this.filter.taps() : 0];
		reset();
	}

	private static @Nullable PolyphaseFilter filter(int inRate, int outRate) {
		if (inRate <= 0 || outRate <= 0) {
			throw new IllegalArgumentException("Sample rates must be positive: " + inRate + " to " + outRate);
		}
		return (inRate != outRate) ? new PolyphaseFilter(inRate, outRate) : null;
	}

	/** A resampler for the same rates sharing this one's filter table, which is read-only: for the other channels. */
	Resampler copy() {
		return new Resampler(this.filter);
	}

	/** Resamples the next samples of the stream; returns the output they complete, possibly none. */
	public short[] process(short[] samples) {
		float[] input = new float[samples.length];
		for (int i = 0; i < samples.length; i++) {
			input[i] = samples[i];
		}
		return toShorts(process(input, samples.length));
	}

	/**
	 * Ends the stream and returns the rest of the output: in all, {@code n} input samples give
	 * {@code ceil(n * outRate / inRate)} output samples. The resampler then starts a new stream.
	 */
	public short[] flush() {
		return toShorts(flushSamples());
	}

	/** As {@link #process(short[])}, for the first {@code length} samples, on the 16-bit scale, unrounded. */
	float[] process(float[] samples, int length) {
		if (this.filter == null) {
			return Arrays.copyOf(samples, length);
		}
		append(samples, length);
		this.consumed += length;
		return emit(this.filter, Long.MAX_VALUE);
	}

	/** As {@link #flush()}, unrounded. */
	float[] flushSamples() {
		if (this.filter == null) {
			return new float[0];
		}
		// Zeros after the end, so the last outputs have all their taps.
		append(new float[this.filter.taps()], this.filter.taps());
		long total = (this.consumed * this.filter.up() + this.filter.down() - 1) / this.filter.down();
		float[] output = emit(this.filter, total);
		reset();
		return output;
	}

	private float[] emit(PolyphaseFilter filter, long limit) {
		float[] output = new float[(int) Math.min(limit - this.produced, ready(filter))];
		filter.apply(this.buffer, this.start, this.phase, output);
		long position = this.phase + (long) output.length * filter.down();
		this.start += (int) (position / filter.up());
		this.phase = (int) (position % filter.up());
		this.produced += output.length;
		compact();
		return output;
	}

	/** How many outputs have all their taps in the buffer: those whose first tap is at most {@code room} on. */
	private long ready(PolyphaseFilter filter) {
		long room = this.count - filter.taps() - this.start;
		return (room < 0) ? 0 : ((room + 1) * filter.up() - this.phase + filter.down() - 1) / filter.down();
	}

	private void append(float[] samples, int length) {
		if (this.count + length > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(2 * this.buffer.length, this.count + length));
		}
		System.arraycopy(samples, 0, this.buffer, this.count, length);
		this.count += length;
	}

	private void compact() {
		System.arraycopy(this.buffer, this.start, this.buffer, 0, this.count - this.start);
		this.count -= this.start;
		this.start = 0;
	}

	/** Back to the start of a stream: silence before time 0, so the first output is centred on the first input. */
	private void reset() {
		this.count = (this.filter != null) ? this.filter.history() : 0;
		Arrays.fill(this.buffer, 0, this.count, 0);
		this.start = 0;
		this.phase = 0;
		this.consumed = 0;
		this.produced = 0;
	}

	static short[] toShorts(float[] samples) {
		short[] shorts = new short[samples.length];
		for (int i = 0; i < samples.length; i++) {
			shorts[i] = (short) Math.max(-32768, Math.min(32767, Math.round(samples[i])));
		}
		return shorts;
	}

}
