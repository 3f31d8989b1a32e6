package io.callqa.transcription.speech;

import java.util.List;

import io.callqa.transcription.Utterance;

/**
 * How far a transcription got: per channel, the samples (at the model's rate) up to its last final result and the
 * utterances recognised in them, with their times from the start of the file. A transcription resumed from it skips
 * those samples and keeps those utterances.
 */
public record Checkpoint(int sampleRate, List<Channel> channels) {

	public Checkpoint {
		channels = List.copyOf(channels);
	}

	/** Seconds of audio covered, summed over the channels: grows whenever any channel gets further. */
	public double progressSec() {
		return this.channels.stream().mapToLong(Channel::samples).sum() / (double) this.sampleRate;
	}

	/** One channel's progress. */
	public record Channel(long samples, List<Utterance> utterances) {

		public Channel {
			utterances = List.copyOf(utterances);
		}

	}

}
