package io.callqa.transcription.audio;

/**
 * How the samples of a WAV file are stored.
 */
public enum Encoding {

	PCM_U8(1), PCM_S16LE(2), PCM_S24LE(3), PCM_S32LE(4), FLOAT32(4), MULAW(1), ALAW(1);

	private final int bytes;

	Encoding(int bytes) {
		this.bytes = bytes;
	}

	int bytesPerSample() {
		return this.bytes;
	}

}
