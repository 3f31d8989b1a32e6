package io.callqa.transcription.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.callqa.transcription.audio.TestWav.ascii;
import static io.callqa.transcription.audio.TestWav.bytes;
import static io.callqa.transcription.audio.TestWav.chunk;
import static io.callqa.transcription.audio.TestWav.fmt;
import static io.callqa.transcription.audio.TestWav.pcm16;
import static io.callqa.transcription.audio.TestWav.riff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WavParser}: what each header says, and a clear message for each file that is not usable audio.
 */
class WavParserTests {

	@Test
	void parseWhenPlainPcmShouldDescribeIt() throws IOException {
		WavHeader header = parse(riff(chunk("fmt ", fmt(1, 2, 44100, 16)), chunk("data", pcm16(1, 2, 3, 4))));
		assertThat(header.info()).isEqualTo(new AudioInfo(Encoding.PCM_S16LE, 44100, 2, 2));
		assertThat(header.frameBytes()).isEqualTo(4);
	}

	@Test
	void parseWhenDataSizeRunsPastTheEndShouldCountOnlyWhatIsThere() throws IOException {
		byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", 8000, pcm16(1, 2, 3)));
		assertThat(WavParser.parse(new ByteArrayInputStream(wav), wav.length).info().frames()).isEqualTo(3);
		assertThat(parse(wav).info().frames()).isEqualTo(4000);
	}

	@Test
	void parseWhenEmptyShouldSayTheFileIsEmpty() {
		assertFails(new byte[0], "the file is empty");
	}

	@Test
	void parseWhenHeaderTruncatedShouldSaySo() {
		byte[] wav = TestWav.mono16(8000, 1, 2, 3);
		for (int length : new int[] { 4, 11, 20, 30 }) {
			assertFails(Arrays.copyOf(wav, length), "the WAV header is truncated");
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "hello, this is a text file | not a WAV file", "%PDF-1.4 | not a WAV file",
			"ID3\u0003\u0000 | MP3 is not supported", "OggS\u0000\u0002 | Ogg is not supported",
			"fLaC\u0000\u0000 | FLAC is not supported", "FORM\u0000\u0000\u0000\u0000AIFF | AIFF is not supported",
			"RIFF\u0004\u0000\u0000\u0000AVI LIST | a RIFF file of type 'AVI ', not WAVE" })
	void parseWhenAnotherKindOfFileShouldNameIt(String content, String message) {
		assertFails(ascii(content), message);
	}

	@Test
	void parseWhenMp4ShouldSayItIsNotSupported() {
		assertFails(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'M', '4', 'A', ' '), "MP4/M4A is not supported");
	}

	@Test
	void parseWhenMpegFrameWithoutTagShouldSayMp3IsNotSupported() {
		assertFails(bytes(0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0),
				"MP3 is not supported: upload WAV (PCM 16-bit, mu-law or A-law)");
	}

	@ParameterizedTest
	@CsvSource({ "2, 4, MS ADPCM audio (format tag 0x0002) is not supported",
			"17, 4, IMA ADPCM audio (format tag 0x0011)",
			"49, 0, GSM 6.10", "85, 0, MP3 audio (format tag 0x0055) is not supported", "4660, 16, format tag 0x1234",
			"1, 12, WAV with 12-bit PCM is not supported", "3, 64, WAV with 64-bit floating point is not supported",
			"7, 16, WAV with 16-bit mu-law is not supported" })
	void parseWhenUnsupportedEncodingShouldNameIt(int tag, int bits, String message) {
		assertFails(riff(chunk("fmt ", fmt(tag, 1, 8000, bits)), chunk("data", new byte[4])), message);
	}

	@Test
	void parseWhenNoDataChunkShouldSaySo() {
		assertFails(riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("LIST", bytes(1, 2))),
				"the WAV file has no data chunk");
	}

	@Test
	void parseWhenDataBeforeFormatShouldSayTheHeaderIsDamaged() {
		assertFails(riff(chunk("data", pcm16(1)), chunk("fmt ", fmt(1, 1, 8000, 16))), "the WAV header is damaged");
	}

	@Test
	void parseWhenZeroChannelsOrRateShouldSayTheHeaderIsDamaged() {
		assertFails(riff(chunk("fmt ", fmt(1, 0, 8000, 16)), chunk("data", pcm16(1))), "says the file has 0 channels");
		assertFails(riff(chunk("fmt ", fmt(1, 1, 0, 16)), chunk("data", pcm16(1))), "a sample rate of 0 Hz");
	}

	@Test
	void parseWhenRateOrChannelsOutOfRangeShouldSaySo() {
		assertFails(riff(chunk("fmt ", fmt(1, 1, 1000, 16)), chunk("data", pcm16(1))),
				"A sample rate of 1000 Hz (4000 to 192000 Hz) is not supported");
		assertFails(riff(chunk("fmt ", fmt(1, 9, 8000, 16)), chunk("data", pcm16(1))), "9 channels (at most 8)");
	}

	@Test
	void parseWhenFormatChunkMalformedShouldSayTheHeaderIsDamaged() {
		assertFails(riff(chunk("fmt ", bytes(1, 0, 1, 0)), chunk("data", pcm16(1))), "the WAV header is damaged");
		byte[] shortExtensible = Arrays.copyOf(fmt(0xFFFE, 1, 8000, 16), 18);
		assertFails(riff(chunk("fmt ", shortExtensible), chunk("data", pcm16(1))),
				"extensible format chunk is too short");
	}

	@Test
	void parseWhenChunkClaimsMoreThanTheFileShouldSayThereIsNoData() {
		assertFails(riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("LIST", 100000, bytes(1, 2))),
				"the WAV file has no data chunk");
	}

	@Test
	void openWhenHeaderBytesCorruptedShouldOnlyEverThrowAudioFormatException() throws IOException {
		byte[] valid = riff(chunk("LIST", bytes(1, 2, 3)), chunk("fmt ", fmt(1, 2, 8000, 16)), chunk("data", pcm16(1, 2,
				3, 4, 5, 6)));
		Random random = new Random(42);
		for (int i = 0; i < 20000; i++) {
			byte[] corrupted = valid.clone();
			corrupted[random.nextInt(60)] = (byte) random.nextInt(256);
			corrupted[random.nextInt(60)] = (byte) random.nextInt(256);
			readOrFailClearly(Arrays.copyOf(corrupted, 20 + random.nextInt(corrupted.length - 19)));
		}
	}

	private static void readOrFailClearly(byte[] wav) throws IOException {
		try {
			TestWav.readAll(wav, 16000);
		}
		catch (AudioFormatException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	private static WavHeader parse(byte[] wav) throws IOException {
		return WavParser.parse(new ByteArrayInputStream(wav), -1);
	}

	/** Through the public entry point, so this is what users see. */
	private static void assertFails(byte[] content, String message) {
		assertThatExceptionOfType(AudioFormatException.class)
			.isThrownBy(() -> PcmSource.open(new ByteArrayInputStream(content), 16000))
			.withMessageContaining(message);
	}

}
