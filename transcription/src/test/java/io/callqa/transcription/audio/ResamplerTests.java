package io.callqa.transcription.audio;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Resampler}: frequency, amplitude and timing of pure tones, aliasing, and agreement with sox.
 */
class ResamplerTests {

	/**
	 * Our 8 to 16 kHz output of conversation-8k.wav against sox's (conversation-8k-sox16k.wav) measured 57.3 dB; a
	 * linear interpolation measured 18.7 dB.
	 */
	static final double SOX_FLOOR_DB = 60;

	@ParameterizedTest
	@CsvSource({ "8000, 16000, 1000", "8000, 16000, 3000", "44100, 16000, 1000", "22050, 16000, 1000",
			"48000, 16000, 1000", "11025, 16000, 440", "32000, 16000, 7000", "16000, 8000, 1000", "8000, 44100, 1000",
			"8000, 48000, 2500", "8001, 16000, 1000", "44100, 15999, 1000" })
	void processWhenSineShouldMatchTheSineAtTheOutputRate(int inRate, int outRate, int hz) {
		short[] output = resample(sine(hz, inRate, inRate), inRate, outRate);
		double[] expected = TestWav.doubles(sine(hz, outRate, outRate));
		int edge = outRate / 20;
		assertThat(output).hasSize(outRate);
		assertThat(TestWav.snr(expected, TestWav.doubles(output), edge, outRate - edge)).isGreaterThan(60);
	}

	@ParameterizedTest
	@CsvSource({ "48000, 16000, 20000", "48000, 16000, 8200", "44100, 16000, 12000", "16000, 8000, 4100" })
	void processWhenToneAboveOutputNyquistShouldAttenuateItByMoreThan50Db(int inRate, int outRate, int hz) {
		short[] output = resample(sine(hz, inRate, inRate), inRate, outRate);
		double rms = rms(TestWav.doubles(output), outRate / 20, outRate - outRate / 20);
		assertThat(20 * Math.log10(rms / (16000 / Math.sqrt(2)))).isLessThan(-50);
	}

	@Test
	void processWhenSameRateShouldPassSamplesThrough() {
		short[] input = sine(1000, 16000, 16000);
		input[5] = Short.MIN_VALUE;
		assertThat(resample(input, 16000, 16000)).isEqualTo(input);
	}

	@ParameterizedTest
	@CsvSource({ "8000, 16000, 1, 7", "8000, 16000, 12345, 1000", "44100, 16000, 44099, 4410",
			"22050, 16000, 333, 17", "16000, 8000, 3, 1", "8000, 11025, 8001, 799", "8001, 16000, 999, 100" })
	void flushWhenStreamEndsShouldHaveDeliveredOneOutputPerOutputPeriod(int inRate, int outRate, int length,
			int block) {
		Resampler resampler = new Resampler(inRate, outRate);
		int total = 0;
		for (int from = 0; from < length; from += block) {
			total += resampler.process(new short[Math.min(block, length - from)]).length;
		}
		total += resampler.flush().length;
		assertThat(total).isEqualTo((int) Math.ceil((double) length * outRate / inRate));
	}

	@ParameterizedTest
	@CsvSource({ "8000, 16000", "44100, 16000", "8001, 16000" })
	void processWhenBlocksDifferShouldGiveTheSameOutput(int inRate, int outRate) {
		short[] input = sine(700, inRate, inRate);
		Resampler resampler = new Resampler(inRate, outRate);
		short[] pieces = new short[0];
		for (int from = 0; from < input.length; from += 333) {
			short[] block = Arrays.copyOfRange(input, from, Math.min(input.length, from + 333));
			pieces = TestWav.concat(pieces, resampler.process(block));
		}
		pieces = TestWav.concat(pieces, resampler.flush());
		assertThat(Arrays.mismatch(pieces, resample(input, inRate, outRate))).isEqualTo(-1);
	}

	@Test
	void processWhenConstantShouldKeepTheLevel() {
		short[] input = new short[8000];
		Arrays.fill(input, (short) 12345);
		short[] output = resample(input, 8000, 22050);
		assertThat(Arrays.copyOfRange(output, 500, 21500)).containsOnly((short) 12345);
	}

	@Test
	void flushWhenCalledShouldStartANewStream() {
		Resampler resampler = new Resampler(8000, 16000);
		short[] first = TestWav.concat(resampler.process(sine(1000, 8000, 800)), resampler.flush());
		short[] second = TestWav.concat(resampler.process(sine(1000, 8000, 800)), resampler.flush());
		assertThat(second).isEqualTo(first);
	}

	@Test
	void processWhenSpeech8kTo16kShouldMatchSoxAboveTheFloor() throws IOException {
		double snr = snrAgainstSox("conversation-8k.wav", 8000, 16000, "conversation-8k-sox16k.wav");
		assertThat(snr).isGreaterThan(SOX_FLOOR_DB);
	}

	/** The other fixtures are sox's resamplings of the same 8 kHz master; measured 57.5 to 76.8 dB. */
	@ParameterizedTest
	@CsvSource({ "conversation-8k.wav, 8000, 22050, conversation-22k.wav, 45",
			"conversation-8k.wav, 8000, 44100, conversation-44k.wav, 45",
			"conversation-8k.wav, 8000, 48000, conversation-48k.wav, 45",
			"conversation-22k.wav, 22050, 16000, conversation-8k-sox16k.wav, 60",
			"conversation-44k.wav, 44100, 16000, conversation-8k-sox16k.wav, 60",
			"conversation-48k.wav, 48000, 16000, conversation-8k-sox16k.wav, 60" })
	void processWhenSpeechAtOtherRatesShouldMatchSox(String input, int inRate, int outRate, String sox, double floor)
			throws IOException {
		assertThat(snrAgainstSox(input, inRate, outRate, sox)).isGreaterThan(floor);
	}

	@Test
	void processWhenSpeechShouldBeBestAlignedWithSoxAtLagZero() throws IOException {
		double[] sox = TestWav.doubles(fixture("conversation-8k-sox16k.wav", 16000));
		double[] ours = TestWav.doubles(resample(fixture("conversation-8k.wav", 8000), 8000, 16000));
		double atZero = TestWav.snr(sox, ours, 100, sox.length - 100);
		for (int lag : new int[] { -2, -1, 1, 2 }) {
			assertThat(TestWav.snr(sox, shift(ours, lag), 100, sox.length - 100)).isLessThan(atZero - 10);
		}
	}

	@Test
	void processWhenLinearInterpolationInsteadShouldFallBelowTheSoxFloor() throws IOException {
		double[] sox = TestWav.doubles(fixture("conversation-8k-sox16k.wav", 16000));
		double[] linear = linear(fixture("conversation-8k.wav", 8000));
		double snr = TestWav.snr(sox, linear, 100, sox.length - 100);
		System.out.printf("8k->16k speech by linear interpolation against sox: %.1f dB SNR%n", snr);
		assertThat(snr).isLessThan(SOX_FLOOR_DB - 10);
	}

	@ParameterizedTest
	@CsvSource({ "8000, 16000", "22050, 16000", "44100, 16000", "48000, 16000", "8001, 16000" })
	void processWhenRunShouldPrintItsSpeed(int inRate, int outRate) {
		short[] block = sine(1000, inRate, inRate / 5);
		Resampler resampler = new Resampler(inRate, outRate);
		int blocks = 10 * 60 * 5;
		long start = System.nanoTime();
		for (int i = 0; i < blocks; i++) {
			resampler.process(block);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%d->%d: 10 minutes of audio in %.3f s, %.0fx real time%n", inRate, outRate, seconds,
				600 / seconds);
		assertThat(seconds).isPositive();
	}

	static short[] resample(short[] input, int inRate, int outRate) {
		Resampler resampler = new Resampler(inRate, outRate);
		return TestWav.concat(resampler.process(input), resampler.flush());
	}

	/** {@code count} samples of a sine at about half of full scale, at times {@code i / rate}. */
	static short[] sine(double hz, int rate, int count) {
		short[] samples = new short[count];
		for (int i = 0; i < count; i++) {
			samples[i] = (short) Math.round(16000 * Math.sin(2 * Math.PI * hz * i / rate));
		}
		return samples;
	}

	private static double snrAgainstSox(String input, int inRate, int outRate, String sox) throws IOException {
		double[] reference = TestWav.doubles(fixture(sox, outRate));
		double[] ours = TestWav.doubles(resample(fixture(input, inRate), inRate, outRate));
		int length = Math.min(ours.length, reference.length);
		double snr = TestWav.snr(reference, ours, 100, length - 100);
		System.out.printf("%s %d->%d against sox's %s: %.1f dB SNR%n", input, inRate, outRate, sox, snr);
		assertThat(ours.length).isCloseTo(reference.length, within(1));
		return snr;
	}

	private static short[] fixture(String name, int rate) throws IOException {
		try (PcmSource source = PcmSource.open(TestWav.FIXTURES.resolve(name), rate)) {
			assertThat(source.info().sampleRate()).isEqualTo(rate);
			return TestWav.readAll(source)[0];
		}
	}

	/** The quick resampler this one replaces: each odd output is the mean of its neighbours. */
	private static double[] linear(short[] input) {
		double[] output = new double[2 * input.length];
		for (int i = 0; i < input.length; i++) {
			output[2 * i] = input[i];
			output[2 * i + 1] = (i + 1 < input.length) ? (input[i] + input[i + 1]) / 2.0 : input[i];
		}
		return output;
	}

	private static double[] shift(double[] samples, int lag) {
		double[] shifted = new double[samples.length];
		for (int i = 0; i < samples.length; i++) {
			shifted[i] = (i + lag >= 0 && i + lag < samples.length) ? samples[i + lag] : 0;
		}
		return shifted;
	}

	private static double rms(double[] samples, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += samples[i] * samples[i];
		}
		return Math.sqrt(sum / (to - from));
	}

}
