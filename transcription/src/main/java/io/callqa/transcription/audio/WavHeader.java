package io.callqa.transcription.audio;

/**
 * A parsed WAV header: what the audio is, how many bytes one frame takes, and how many data bytes follow it.
 *
 * @param info the format and length
 * @param frameBytes the bytes of one frame (one sample of every channel)
 * @param dataBytes the bytes of samples after the header, or {@link #TO_END} to read to the end of the file
 */
record WavHeader(AudioInfo info, int frameBytes, long dataBytes) {

	/** The data length of a header written before the recording ended: the samples run to the end of the file. */
	static final long TO_END = -1;

}
