package io.callqa.transcription.speech;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.audio.AudioInfo;

/**
 * What the recogniser made of one audio file: the file's format, how many seconds it held, the utterances of every
 * channel, and why only part of the file could be read (a truncated file), if so.
 */
public record Recognition(AudioInfo info, double audioSec, List<Utterance> utterances, @Nullable String truncation) {

	public Recognition {
		utterances = List.copyOf(utterances);
	}

	public Recognition(AudioInfo info, double audioSec, List<Utterance> utterances) {
		this(info, audioSec, utterances, null);
	}

}
