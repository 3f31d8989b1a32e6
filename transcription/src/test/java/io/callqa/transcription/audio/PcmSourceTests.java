package io.callqa.transcription.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.callqa.transcription.audio.TestWav.bytes;
import static io.callqa.transcription.audio.TestWav.chunk;
import static io.callqa.transcription.audio.TestWav.extensible;
import static io.callqa.transcription.audio.TestWav.fmt;
import static io.callqa.transcription.audio.TestWav.pcm16;
import static io.callqa.transcription.audio.TestWav.readAll;
import static io.callqa.transcription.audio.TestWav.riff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link PcmSource}: decoding every encoding, streaming, resampling and unfinished files.
 */
class PcmSourceTests {

	@Test
	void readWhenPcm8ShouldCentreUnsignedBytes() throws IOException {
		byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 8)), chunk("data", bytes(0x00, 0x80, 0xFF, 0x81)));
		assertThat(readAll(wav, 8000)[0]).containsExactly((short) -32768, (short) 0, (short) 32512, (short) 256);
	}

	@Test
	void readWhenPcm16ShouldKeepSamples() throws IOException {
		byte[] wav = TestWav.mono16(8000, -32768, -1, 0, 1, 32767);
		assertThat(readAll(wav, 8000)[0]).containsExactly((short) -32768, (short) -1, (short) 0, (short) 1,
				(short) 32767);
	}

	@Test
	void readWhenPcm24ShouldRoundToTheTop16Bits() throws IOException {
		byte[] data = bytes(0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x80, 0x00, 0x01, 0x00, 0x80, 0x01, 0x00, 0x00, 0xFF, 0xFF);
		byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 24)), chunk("data", data));
		assertThat(readAll(wav, 8000)[0]).containsExactly((short) 32767, (short) -32768, (short) 1, (short) 2,
				(short) -1);
	}

	@Test
	void readWhenPcm32ShouldRoundToTheTop16Bits() throws IOException {
		byte[] data = TestWav.le(16).putInt(0x7FFFFFFF).putInt(Integer.MIN_VALUE).putInt(0x10000).putInt(-0x10000)
			.array();
		byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 32)), chunk("data", data));
		assertThat(readAll(wav, 8000)[0]).containsExactly((short) 32767, (short) -32768, (short) 1, (short) -1);
	}

	@Test
	void readWhenFloatShouldScaleAndClamp() throws IOException {
		byte[] data = TestWav.le(20).putFloat(0.5f).putFloat(-1f).putFloat(1f).putFloat(Float.NaN).putFloat(-7f)
			.array();
		byte[] wav = riff(chunk("fmt ", fmt(3, 1, 8000, 32)), chunk("data", data));
		assertThat(readAll(wav, 8000)[0]).containsExactly((short) 16384, (short) -32768, (short) 32767, (short) 0,
				(short) -32768);
	}

	@Test
	void readWhenMulawShouldExpandToG711Values() throws IOException {
		byte[] data = bytes(0x00, 0x80, 0xFF, 0x7F, 0x7E, 0xFE);
		byte[] wav = riff(chunk("fmt ", fmt(7, 1, 8000, 8)), chunk("data", data));
		assertThat(readAll(wav, 8000)[0]).containsExactly((short) -32124, (short) 32124, (short) 0, (short) 0,
				(short) -8, (short) 8);
	}

	@Test
	void readWhenAlawShouldExpandToG711Values() throws IOException {
		byte[] data = bytes(0xD5, 0x55, 0xAA, 0x2A, 0x80, 0x00);
		byte[] wav = riff(chunk("fmt ", fmt(6, 1, 8000, 8)), chunk("data", data));
		assertThat(readAll(wav, 8000)[0]).containsExactly((short) 8, (short) -8, (short) 32256, (short) -32256,
				(short) 5504, (short) -5504);
	}

	@Test
	void readWhenExtensiblePcmShouldUseTheSubFormat() throws IOException {
		byte[] wav = riff(chunk("fmt ", extensible(1, 2, 8000, 16)), chunk("data", pcm16(100, -100, 200, -200)));
		short[][] channels = readAll(wav, 8000);
		assertThat(channels[0]).containsExactly((short) 100, (short) 200);
		assertThat(channels[1]).containsExactly((short) -100, (short) -200);
	}

	@Test
	void readWhenExtensibleFloatAndMulawShouldUseTheSubFormat() throws IOException {
		byte[] half = TestWav.le(4).putFloat(-0.5f).array();
		byte[] floats = riff(chunk("fmt ", extensible(3, 1, 8000, 32)), chunk("data", half));
		byte[] mulaw = riff(chunk("fmt ", extensible(7, 1, 8000, 8)), chunk("data", bytes(0x80)));
		assertThat(readAll(floats, 8000)[0]).containsExactly((short) -16384);
		assertThat(readAll(mulaw, 8000)[0]).containsExactly((short) 32124);
	}

	@Test
	void readWhenStereoShouldSplitChannels() throws IOException {
		byte[] wav = riff(chunk("fmt ", fmt(1, 2, 8000, 16)), chunk("data", pcm16(1, 2, 3, 4, 5, 6)));
		short[][] channels = readAll(wav, 8000);
		assertThat(channels[0]).containsExactly((short) 1, (short) 3, (short) 5);
		assertThat(channels[1]).containsExactly((short) 2, (short) 4, (short) 6);
	}

	@Test
	void readWhenOtherChunksAroundShouldSkipThemWithTheirPadding() throws IOException {
		byte[] wav = riff(chunk("LIST", bytes(1, 2, 3)), chunk("fmt ", fmt(1, 1, 8000, 16)),
				chunk("fact", bytes(4, 0, 0, 0)), chunk("junk", bytes(9)), chunk("data", pcm16(7, 8)),
				chunk("LIST", bytes(5, 6, 7, 8)));
		assertThat(readAll(wav, 8000)[0]).containsExactly((short) 7, (short) 8);
	}

	@Test
	void readWhenDataSizeRunsPastTheEndShouldReadToTheEnd() throws IOException {
		byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", 1000, pcm16(7, 8, 9)));
		assertThat(readAll(wav, 8000)[0]).containsExactly((short) 7, (short) 8, (short) 9);
	}

	@Test
	void truncationWhenTheHeaderDeclaresMoreThanTheFileHoldsShouldSayHowMuch(@TempDir Path dir) throws IOException {
		byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", 4_000_000_000L, pcm16(7, 8, 9)));
		Path file = Files.write(dir.resolve("cut.wav"), wav);
		try (PcmSource source = PcmSource.open(file, 8000)) {
			assertThat(source.truncation()).hasValue("truncated: the header declares 4000000000 bytes of audio, 6 present");
			assertThat(readAll(source)[0]).containsExactly((short) 7, (short) 8, (short) 9);
		}
		// A stream does not know its length: it says so once read to its end.
		try (PcmSource source = PcmSource.open(new ByteArrayInputStream(wav), 8000)) {
			assertThat(source.truncation()).isEmpty();
			readAll(source);
			assertThat(source.truncation()).hasValue("truncated: the header declares 4000000000 bytes of audio, 6 present");
		}
	}

	@Test
	void truncationWhenCompleteOrUnfinishedShouldBeEmpty(@TempDir Path dir) throws IOException {
		for (long size : new long[] { 6, 0, 0xFFFFFFFFL }) {
			byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", size, pcm16(7, 8, 9)));
			Path file = Files.write(dir.resolve("wav-" + size + ".wav"), wav);
			try (PcmSource source = PcmSource.open(file, 8000)) {
				readAll(source);
				assertThat(source.truncation()).as("data size %d", size).isEmpty();
			}
			try (PcmSource source = PcmSource.open(new ByteArrayInputStream(wav), 8000)) {
				readAll(source);
				assertThat(source.truncation()).as("data size %d, streamed", size).isEmpty();
			}
		}
		try (PcmSource source = PcmSource.open(TestWav.FIXTURES.resolve("still-recording-8k.wav"), 8000)) {
			readAll(source);
			assertThat(source.truncation()).isEmpty();
		}
	}

	@Test
	void readWhenDataSizeUnfinishedShouldReadToTheEnd() throws IOException {
		for (long size : new long[] { 0, 0xFFFFFFFFL }) {
			byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", size, pcm16(7, 8, 9)));
			try (PcmSource source = PcmSource.open(new ByteArrayInputStream(wav), 8000)) {
				assertThat(source.info().frames()).isEqualTo(-1);
				assertThat(source.info().durationSec()).isEqualTo(-1);
				assertThat(readAll(source)[0]).containsExactly((short) 7, (short) 8, (short) 9);
			}
		}
	}

	@Test
	void readWhenPartialFrameAtTheEndShouldDropIt() throws IOException {
		// 9 bytes and the pad byte: two stereo frames and half of one.
		byte[] data = Arrays.copyOf(pcm16(1, 2, 3, 4), 9);
		byte[] wav = riff(chunk("fmt ", fmt(1, 2, 8000, 16)), chunk("data", 0, data));
		short[][] channels = readAll(wav, 8000);
		assertThat(channels[0]).containsExactly((short) 1, (short) 3);
		assertThat(channels[1]).containsExactly((short) 2, (short) 4);
	}

	@Test
	void readWhen8kTo16kShouldDeliverTwiceTheFramesInBlocksOfAFifthOfASecond() throws IOException {
		byte[] wav = riff(chunk("fmt ", fmt(1, 2, 8000, 16)), chunk("data", new byte[4 * 8000 * 3 + 4]));
		try (PcmSource source = PcmSource.open(new ByteArrayInputStream(wav), 16000)) {
			short[][] first = source.read();
			assertThat(first).hasNumberOfRows(2);
			assertThat(first[0].length).isBetween(3000, 3200).isEqualTo(first[1].length);
			assertThat(readAll(source)[0].length + first[0].length).isEqualTo(2 * (8000 * 3 + 1));
			assertThat(source.secondsRead()).isEqualTo(3.000125);
			assertThat(source.read()).isNull();
		}
	}

	@Test
	void readWhenNoSamplesShouldEndAtOnce() throws IOException {
		try (PcmSource source = PcmSource.open(new ByteArrayInputStream(TestWav.mono16(8000)), 16000)) {
			assertThat(source.read()).isNull();
			assertThat(source.secondsRead()).isZero();
		}
	}

	@Test
	void readWhenMulawSpeechShouldMatchThe16BitMasterSoxEncodedIt() throws IOException {
		double[] master = TestWav.doubles(fixture("conversation-8k.wav"));
		double[] mulaw = TestWav.doubles(fixture("conversation-ulaw-8k.wav"));
		double[] alaw = TestWav.doubles(fixture("conversation-alaw-8k.wav"));
		assertThat(TestWav.snr(master, mulaw, 0, master.length)).isGreaterThan(30);
		assertThat(TestWav.snr(master, alaw, 0, master.length)).isGreaterThan(30);
	}

	@Test
	void readWhenThreeHoursStreamedShouldDeliverTwiceTheFramesInBoundedMemory() throws IOException {
		long frames = 3L * 3600 * 8000;
		long start = System.nanoTime();
		long samples = 0;
		long heapHalfWay = -1;
		try (PcmSource source = PcmSource.open(new SyntheticWav(frames), 16000)) {
			for (short[][] block = source.read(); block != null; block = source.read()) {
				samples += block[0].length;
				heapHalfWay = (heapHalfWay < 0 && samples >= frames) ? liveHeap() : heapHalfWay;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("3 h of 8 kHz audio streamed to 16 kHz in %.1f s, %.0fx real time, %d MB live heap%n",
				seconds, frames / 8000.0 / seconds, heapHalfWay >> 20);
		assertThat(samples).isBetween(2 * frames - 2, 2 * frames + 2);
		// The file is 172 MB: had it been read whole, half of it at least would still be live here.
		assertThat(heapHalfWay).isLessThan(80L << 20);
	}

	/** The heap in use after a full collection: what is still referenced. */
	private static long liveHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	@ParameterizedTest
	@CsvSource({ "conversation-8k.wav, PCM_S16LE, 8000, 1, 141289",
			"conversation-8k-sox16k.wav, PCM_S16LE, 16000, 1, 282578", "conversation-16k.wav, PCM_S16LE, 16000, 1, 282578",
			"conversation-22k.wav, PCM_S16LE, 22050, 1, 389428", "conversation-44k.wav, PCM_S16LE, 44100, 1, 778856",
			"conversation-48k.wav, PCM_S16LE, 48000, 1, 847734", "conversation-ulaw-8k.wav, MULAW, 8000, 1, 141289",
			"conversation-alaw-8k.wav, ALAW, 8000, 1, 141289", "conversation-stereo-8k.wav, PCM_S16LE, 8000, 2, 141289",
			"refund-8k.wav, PCM_S16LE, 8000, 1, 78462", "silence-8k.wav, PCM_S16LE, 8000, 1, 40000",
			"tiny-8k.wav, PCM_S16LE, 8000, 1, 1600", "asterisk-inbound-answered.wav, PCM_S16LE, 8000, 1, 126880" })
	void openWhenFixtureShouldDescribeAndDeliverIt(String name, Encoding encoding, int rate, int channels, long frames)
			throws IOException {
		AudioInfo info = new AudioInfo(encoding, rate, channels, frames);
		assertThat(PcmSource.probe(TestWav.FIXTURES.resolve(name))).isEqualTo(info);
		try (PcmSource source = PcmSource.open(TestWav.FIXTURES.resolve(name), 16000)) {
			short[][] all = readAll(source);
			assertThat(all).hasNumberOfRows(channels);
			assertThat(all[0]).hasSize((int) Math.ceil(frames * 16000.0 / rate));
			assertThat(source.secondsRead()).isCloseTo(info.durationSec(), within(1e-4));
		}
	}

	@Test
	void openWhenStillRecordingFixtureShouldReadToTheEnd() throws IOException {
		assertThat(PcmSource.probe(TestWav.FIXTURES.resolve("still-recording-8k.wav")).frames()).isEqualTo(-1);
		try (PcmSource source = PcmSource.open(TestWav.FIXTURES.resolve("still-recording-8k.wav"), 8000)) {
			assertThat(readAll(source)[0]).isEqualTo(fixture("refund-8k.wav"));
		}
	}

	@ParameterizedTest
	@CsvSource({ "empty.wav, the file is empty", "truncated-header.wav, the WAV header is truncated",
			"not-audio.wav, not a WAV file", "song.mp3, MP3 is not supported" })
	void openWhenBadFixtureShouldSayWhy(String name, String message) {
		Path file = TestWav.FIXTURES.resolve(name);
		assertThatExceptionOfType(AudioFormatException.class).isThrownBy(() -> PcmSource.probe(file))
			.withMessageContaining(message);
		assertThatExceptionOfType(AudioFormatException.class).isThrownBy(() -> PcmSource.open(file, 16000))
			.withMessageContaining(message);
	}

	@Test
	void readWhenStereoFixtureShouldHaveOnePartyPerChannel() throws IOException {
		byte[] stereo = Files.readAllBytes(TestWav.FIXTURES.resolve("conversation-stereo-8k.wav"));
		short[][] channels = readAll(stereo, 8000);
		short[] mono = fixture("conversation-8k.wav");
		int overlaps = 0;
		short[] mixed = new short[mono.length];
		for (int i = 0; i < mono.length; i++) {
			overlaps += (channels[0][i] != 0 && channels[1][i] != 0) ? 1 : 0;
			mixed[i] = (short) (channels[0][i] + channels[1][i]);
		}
		assertThat(overlaps).isZero();
		assertThat(Arrays.mismatch(mixed, mono)).isEqualTo(-1);
	}

	private static short[] fixture(String name) throws IOException {
		try (PcmSource source = PcmSource.open(TestWav.FIXTURES.resolve(name), 8000)) {
			return readAll(source)[0];
		}
	}

}
