package io.callqa.telephony.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.AudioRedaction;
import io.callqa.telephony.AudioSpan;
import io.callqa.telephony.CallDetails;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.telephony.RecordingClearance;

/**
 * The settings: with {@code callqa.redaction.mode} other than {@code redact} a new recording is not held; with
 * {@code callqa.redaction.audio=silence} a span becomes digital silence on every channel. (The defaults, redact and
 * tone, are {@link AudioRedactionTests}.)
 */
@SpringBootTest(classes = TelephonyTestApplication.class,
		properties = { "callqa.redaction.mode=highlight", "callqa.redaction.audio=silence" })
class RedactionSettingsTests {

	@Autowired
	private AudioRedaction redaction;

	@Autowired
	private Calls calls;

	@Autowired
	private RedactionProperties properties;

	private long callId;

	@Test
	void highlightModeHoldsNothing_andSilenceOverwritesEveryChannelWithZeros() throws Exception {
		TestWav wav = new TestWav("A-law stereo", TestWav.WAVE_FORMAT_ALAW, 8, 2, 8000, false, false);
		byte[] original = wav.bytes(1.0, 21);
		CallDetails.RecordingFile recording = upload(original);
		assertThat(recording.clearance()).isEqualTo(RecordingClearance.NOT_HELD);

		this.redaction.redact(recording.id(), List.of(new AudioSpan(0.25, 0.5)));

		byte[] redacted = Files.readAllBytes(recording.path());
		AudioRedactionTests.assertUnchangedOutside(wav, original, redacted, List.of(new long[] { 2000, 4000 }));
		int[][] samples = AudioRedactionTests.decode(recording.path(), wav);
		for (int frame = 2000; frame < 4000; frame++) {
			// A-law has no zero: its silence is the smallest step, +-8 on the 16-bit scale.
			assertThat(Math.abs(samples[frame][0])).isLessThanOrEqualTo(8);
			assertThat(Math.abs(samples[frame][1])).isLessThanOrEqualTo(8);
		}
		assertThat(Objects.requireNonNull(this.calls.find(this.callId).recording()).clearance())
			.isEqualTo(RecordingClearance.CLEARED);
	}

	@Test
	void theModeAndTheFillComeFromTheProperties() {
		assertThat(this.properties.mode()).isEqualTo(RedactionProperties.Mode.HIGHLIGHT);
		assertThat(this.properties.audio()).isEqualTo(WavRedactor.AudioFill.SILENCE);
		assertThat(this.properties.holdsNewRecordings()).isFalse();
	}

	private CallDetails.RecordingFile upload(byte[] content) throws Exception {
		this.callId = this.calls.registerUpload(new NewRecordedCall("call.wav", null, null, null, null,
				Direction.INBOUND, List.of()), new ByteArrayInputStream(content));
		return Objects.requireNonNull(this.calls.find(this.callId).recording());
	}

}
