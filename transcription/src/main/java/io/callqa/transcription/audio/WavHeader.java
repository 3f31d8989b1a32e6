package io.callqa.transcription.audio;

import java.util.Optional;

/**
 * A parsed WAV header: what the audio is, how many bytes one frame takes, and how many data bytes follow it.
 *
 * @param info the format and length
 * @param frameBytes the bytes of one frame (one sample of every channel)
 * @param dataBytes the bytes of samples after the header, or {@link #TO_END} to read to the end of the file
 * @param declaredBytes what the data chunk's size says, or {@link #TO_END} for a header written before the end
 */
record WavHeader(AudioInfo info, int frameBytes, long dataBytes, long declaredBytes) {

	/** The data length of a header written before the recording ended: the samples run to the end of the file. */
	static final long TO_END = -1;

	/** Why only part of the audio the header announces can be read, given {@code present} bytes of it; or empty. */
	Optional<String> truncation(long present) {
		if (this.declaredBytes == TO_END || present >= this.declaredBytes) {
			return Optional.empty();
		}
		return Optional.of("truncated: the header declares " + this.declaredBytes + " bytes of audio, " + present
				+ " present");
	}

}
