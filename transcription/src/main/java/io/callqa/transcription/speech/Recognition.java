package io.callqa.transcription.speech;

import java.util.List;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.audio.AudioInfo;

/**
 * What the recogniser made of one audio file: the file's format, how many seconds it held, and the utterances of
 * every channel.
 */
public record Recognition(AudioInfo info, double audioSec, List<Utterance> utterances) {

	public Recognition {
		utterances = List.copyOf(utterances);
	}

}
