package io.callqa.telephony.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.AudioRedaction;
import io.callqa.telephony.AudioSpan;
import io.callqa.telephony.CallDetails;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.telephony.RecordingClearance;

/**
 * Redaction overwrites exactly the given seconds, on every channel, in every WAV encoding the server accepts, keeps
 * the file a valid WAV of the same format (read back with Java Sound, an independent reader), and clears the recording
 * for listening; what it cannot rewrite stays held and untouched. Real files in the real store, the real database.
 */
@SpringBootTest(classes = TelephonyTestApplication.class)
class AudioRedactionTests {

	private static final List<AudioSpan> SPANS = List.of(new AudioSpan(0.5004, 0.75), new AudioSpan(1.2, 1.45678));

	@Autowired
	private AudioRedaction redaction;

	@Autowired
	private Calls calls;

	@Autowired
	private JdbcClient jdbc;

	static Stream<TestWav> encodings() {
		return Stream.of(new TestWav("16-bit PCM stereo 8 kHz", TestWav.WAVE_FORMAT_PCM, 16, 2, 8000, false, false),
				new TestWav("16-bit PCM mono 16 kHz, LIST chunk", TestWav.WAVE_FORMAT_PCM, 16, 1, 16000, false, true),
				new TestWav("8-bit PCM stereo", TestWav.WAVE_FORMAT_PCM, 8, 2, 8000, false, false),
				new TestWav("mu-law stereo", TestWav.WAVE_FORMAT_MULAW, 8, 2, 8000, false, false),
				new TestWav("A-law stereo", TestWav.WAVE_FORMAT_ALAW, 8, 2, 8000, false, true),
				new TestWav("mu-law mono", TestWav.WAVE_FORMAT_MULAW, 8, 1, 8000, false, false),
				new TestWav("24-bit PCM stereo, extensible", TestWav.WAVE_FORMAT_PCM, 24, 2, 8000, true, false),
				new TestWav("32-bit float stereo 48 kHz", TestWav.WAVE_FORMAT_FLOAT, 32, 2, 48000, false, false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("encodings")
	void theSpansBecomeATone_onEveryChannel_andNothingElseChanges(TestWav wav) throws Exception {
		byte[] original = wav.bytes(2.0, 13);
		CallDetails.RecordingFile recording = upload(original);
		assertThat(recording.clearance()).isEqualTo(RecordingClearance.HELD);

		this.redaction.redact(recording.id(), SPANS);

		byte[] redacted = Files.readAllBytes(recording.path());
		assertThat(redacted).hasSameSizeAs(original);
		List<long[]> ranges = List.of(frames(wav, 0.5004, 0.75), frames(wav, 1.2, 1.45678));
		assertUnchangedOutside(wav, original, redacted, ranges);
		int[][] samples = decode(recording.path(), wav);
		for (long[] range : ranges) {
			for (int frame = (int) range[0]; frame < range[1]; frame++) {
				int tone = WavRedactor.AudioFill.TONE.sample(frame, wav.rate());
				for (int channel = 0; channel < wav.channels(); channel++) {
					assertThat(samples[frame][channel]).as("%s frame %d channel %d", wav, frame, channel)
						.isCloseTo(tone, org.assertj.core.data.Offset.offset(tolerance(wav, tone)));
				}
			}
		}
		assertThat(clearance(recording)).isEqualTo(RecordingClearance.CLEARED);
		assertThat(this.jdbc.sql("select redacted_sec from recording where id = :id")
			.param("id", recording.id())
			.query(Double.class)
			.single()).isCloseTo(0.25 + 0.257, org.assertj.core.data.Offset.offset(0.002));
	}

	@Test
	void theToneIsA1kHzToneAtMinus12dBFS() {
		int rate = 8000;
		// 1 kHz at 8 kHz: the pattern repeats every 8 frames, its peak is 8192 (a quarter of full scale).
		int[] period = new int[8];
		for (int frame = 0; frame < 8; frame++) {
			period[frame] = WavRedactor.AudioFill.TONE.sample(frame, rate);
			assertThat(WavRedactor.AudioFill.TONE.sample(frame + 8 * 1000L, rate)).isEqualTo(period[frame]);
		}
		assertThat(period).containsExactly(0, 5793, 8192, 5793, 0, -5793, -8192, -5793);
		assertThat(WavRedactor.AudioFill.SILENCE.sample(3, rate)).isZero();
	}

	@Test
	void redactingTwiceWritesTheSameBytes_andOverlappingSpansAreOneRange() throws Exception {
		TestWav wav = encodings().findFirst().orElseThrow();
		CallDetails.RecordingFile recording = upload(wav.bytes(2.0, 7));
		this.redaction.redact(recording.id(), SPANS);
		byte[] once = Files.readAllBytes(recording.path());

		this.redaction.redact(recording.id(), SPANS);
		assertThat(Files.readAllBytes(recording.path())).isEqualTo(once);
		this.redaction.redact(recording.id(), List.of(new AudioSpan(1.3, 1.4), new AudioSpan(0.6, 0.7)));
		assertThat(Files.readAllBytes(recording.path())).isEqualTo(once);
		assertThat(clearance(recording)).isEqualTo(RecordingClearance.CLEARED);
	}

	@Test
	void emptySpansClearTheRecordingAsItIs() throws Exception {
		byte[] original = encodings().findFirst().orElseThrow().bytes(1.0, 3);
		CallDetails.RecordingFile recording = upload(original);

		this.redaction.redact(recording.id(), List.of());

		assertThat(Files.readAllBytes(recording.path())).isEqualTo(original);
		assertThat(clearance(recording)).isEqualTo(RecordingClearance.CLEARED);
	}

	@Test
	void spansPastTheEndAreClippedToTheAudio() throws Exception {
		TestWav wav = encodings().findFirst().orElseThrow();
		byte[] original = wav.bytes(1.0, 5);
		CallDetails.RecordingFile recording = upload(original);

		this.redaction.redact(recording.id(), List.of(new AudioSpan(0.9, 5.0), new AudioSpan(7.0, 8.0)));

		byte[] redacted = Files.readAllBytes(recording.path());
		assertThat(redacted).hasSameSizeAs(original);
		assertUnchangedOutside(wav, original, redacted, List.of(new long[] { 7200, 8000 }));
		assertThat(decode(recording.path(), wav)[7999][1]).isEqualTo(WavRedactor.AudioFill.TONE.sample(7999, 8000));
	}

	@Test
	void aFileItCannotRewriteThrows_staysHeld_andIsLeftAsItWas() throws Exception {
		byte[] adpcm = new TestWav("IMA ADPCM", 0x11, 4, 1, 8000, false, false).bytes(1.0, 1);
		byte[] mp3 = "ID3\u0004\0\0\0\0\0\0not really an mp3".getBytes();
		for (byte[] content : List.of(adpcm, mp3)) {
			CallDetails.RecordingFile recording = upload(content);

			assertThatThrownBy(() -> this.redaction.redact(recording.id(), SPANS)).isInstanceOf(IOException.class)
				.hasMessageContaining("Recording " + recording.id() + " cannot be redacted")
				.hasMessageContaining("stays held");

			assertThat(Files.readAllBytes(recording.path())).isEqualTo(content);
			assertThat(clearance(recording)).isEqualTo(RecordingClearance.HELD);
			try (Stream<Path> files = Files.list(recording.path().getParent())) {
				assertThat(files.map(Path::toString)).noneMatch((name) -> name.endsWith(".tmp"));
			}
		}
	}

	@Test
	void anUnknownRecordingIsAnIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.redaction.redact(987654321L, SPANS))
			.withMessageContaining("No recording 987654321");
	}

	@Test
	void twoRedactionsAtOnceKeepBothSpans() throws Exception {
		TestWav wav = encodings().findFirst().orElseThrow();
		byte[] original = wav.bytes(3.0, 11);
		CallDetails.RecordingFile recording = upload(original);
		List<List<AudioSpan>> requests = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			requests.add(List.of(new AudioSpan(0.4 * i, 0.4 * i + 0.1)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		try {
			List<Future<?>> done = new ArrayList<>();
			for (List<AudioSpan> spans : requests) {
				done.add(pool.submit(() -> {
					this.redaction.redact(recording.id(), spans);
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		int[][] samples = decode(recording.path(), wav);
		for (int i = 0; i < requests.size(); i++) {
			int frame = (int) Math.round((0.4 * i + 0.05) * wav.rate());
			assertThat(samples[frame][0]).as("span %d", i)
				.isEqualTo(WavRedactor.AudioFill.TONE.sample(frame, wav.rate()));
		}
	}

	@Test
	void aReleaseByHandIsAuditedWithItsReason_andOnlyAHeldRecordingIsReleased() throws Exception {
		CallDetails.RecordingFile recording = upload(new byte[] { 'n', 'o', 't', ' ', 'a', 'u', 'd', 'i', 'o' });
		assertThatIllegalArgumentException().isThrownBy(() -> this.redaction.release(recording.id(), "admin", "  "));
		assertThat(clearance(recording)).isEqualTo(RecordingClearance.HELD);

		assertThat(this.redaction.release(recording.id(), "admin", " transcription failed; no card number heard "))
			.isTrue();

		assertThat(clearance(recording)).isEqualTo(RecordingClearance.RELEASED);
		assertThat(this.jdbc.sql("""
				select released_by || ': ' || reason from recording_release where recording_id = :id""")
			.param("id", recording.id())
			.query(String.class)
			.list()).containsExactly("admin: transcription failed; no card number heard");
		assertThat(this.redaction.release(recording.id(), "admin", "again")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> this.redaction.release(987654321L, "admin", "why"));
	}

	@Test
	void theStoreKeepsRecordingsPrivate_directories0700_files0600_alsoAfterRedaction() throws Exception {
		CallDetails.RecordingFile recording = upload(encodings().findFirst().orElseThrow().bytes(1.0, 2));
		assertThat(mode(recording.path())).isEqualTo("rw-------");
		assertThat(mode(recording.path().getParent())).isEqualTo("rwx------");
		assertThat(mode(recording.path().getParent().getParent())).isEqualTo("rwx------");

		this.redaction.redact(recording.id(), SPANS);

		assertThat(mode(recording.path())).isEqualTo("rw-------");
	}

	static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	private CallDetails.RecordingFile upload(byte[] content) throws IOException {
		long callId = this.calls.registerUpload(new NewRecordedCall("call.wav", "alice", "support", null, null,
				Direction.INBOUND, List.of("agent", "customer")), new ByteArrayInputStream(content));
		return java.util.Objects.requireNonNull(this.calls.find(callId).recording());
	}

	private RecordingClearance clearance(CallDetails.RecordingFile recording) {
		return RecordingClearance.valueOf(this.jdbc.sql("select clearance from recording where id = :id")
			.param("id", recording.id())
			.query(String.class)
			.single());
	}

	/** The frames a span covers: from the frame its start falls in to the one its end falls in, both whole. */
	private static long[] frames(TestWav wav, double start, double end) {
		return new long[] { (long) Math.floor(start * wav.rate()), (long) Math.ceil(end * wav.rate()) };
	}

	/** Every byte outside the ranges' frames, header included, is the original's. */
	static void assertUnchangedOutside(TestWav wav, byte[] original, byte[] redacted, List<long[]> ranges) {
		int from = 0;
		for (long[] range : ranges) {
			int start = wav.dataOffset() + (int) range[0] * wav.frameBytes();
			assertThat(java.util.Arrays.copyOfRange(redacted, from, start))
				.as("bytes %d..%d (before frame %d)", from, start, range[0])
				.isEqualTo(java.util.Arrays.copyOfRange(original, from, start));
			from = wav.dataOffset() + (int) range[1] * wav.frameBytes();
		}
		assertThat(java.util.Arrays.copyOfRange(redacted, from, redacted.length))
			.isEqualTo(java.util.Arrays.copyOfRange(original, from, original.length));
	}

	/** The file as Java Sound reads it, converted to 16-bit signed samples: [frame][channel]. */
	static int[][] decode(Path file, TestWav wav) throws Exception {
		try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
			AudioFormat format = in.getFormat();
			assertThat(format.getChannels()).isEqualTo(wav.channels());
			assertThat(format.getSampleRate()).isEqualTo(wav.rate());
			AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, wav.rate(), 16, wav.channels(),
					2 * wav.channels(), wav.rate(), false);
			byte[] bytes;
			try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, in)) {
				bytes = converted.readAllBytes();
			}
			int frames = bytes.length / (2 * wav.channels());
			int[][] samples = new int[frames][wav.channels()];
			for (int frame = 0; frame < frames; frame++) {
				for (int channel = 0; channel < wav.channels(); channel++) {
					int at = (frame * wav.channels() + channel) * 2;
					samples[frame][channel] = (short) ((bytes[at] & 0xFF) | (bytes[at + 1] << 8));
				}
			}
			return samples;
		}
	}

	/** How far a stored value may be from the written one: the encoding's quantization step (and rounding). */
	static int tolerance(TestWav wav, int value) {
		if (wav.tag() == TestWav.WAVE_FORMAT_MULAW || wav.tag() == TestWav.WAVE_FORMAT_ALAW) {
			return Math.abs(value) / 16 + 16;
		}
		return (wav.bits() == 8) ? 256 : 1;
	}

}
