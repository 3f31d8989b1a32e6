package io.callqa.transcription.audio;

/**
 * What a WAV header says: encoding, rate, channels and length in frames, which is -1 when the header does not know it
 * (written before the end, as a recorder still writing leaves it).
 *
 * @param encoding how the samples are stored
 * @param sampleRate the frames per second
 * @param channels the samples per frame
 * @param frames how many frames the file holds, or -1 if unknown
 */
public record AudioInfo(Encoding encoding, int sampleRate, int channels, long frames) {

	/** The length in seconds, or -1 if unknown. */
	public double durationSec() {
		return (this.frames < 0) ? -1 : (double) this.frames / this.sampleRate;
	}

}
