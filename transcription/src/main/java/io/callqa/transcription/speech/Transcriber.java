package io.callqa.transcription.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns an audio file into utterances; each channel of a multi-channel file is one speaker.
 */
public interface Transcriber {

	/**
	 * @param channelMap the speaker on each channel (e.g. {@code [agent, customer]}); a missing name falls back to
	 * {@code mixed} for a mono file and {@code channel<n>} otherwise
	 * @throws io.callqa.transcription.audio.AudioFormatException if the file is not audio we can read
	 */
	Recognition transcribe(Path audio, List<String> channelMap) throws IOException;

	/**
	 * Transcribes resuming from, and saving, checkpoints; a transcriber that cannot starts from the beginning and
	 * runs to the end.
	 * @throws TranscriptionStoppedException when the progress asked it to stop (after saving a checkpoint)
	 */
	default Recognition transcribe(Path audio, List<String> channelMap, Progress progress) throws IOException {
		return transcribe(audio, channelMap);
	}

	/** What produced the transcripts, stored with them. */
	String name();

}
