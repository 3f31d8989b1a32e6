package io.callqa.transcription;

import java.util.Comparator;
import java.util.List;

/**
 * The transcript of one call: its utterances in time order, whatever the speaker.
 */
public record Transcript(long callId, double audioSec, List<Utterance> utterances) {

	public Transcript {
		utterances = utterances.stream().sorted(Comparator.comparingDouble(Utterance::start)).toList();
	}

	public String text() {
		return String.join(" ", this.utterances.stream().map(Utterance::text).filter(t -> !t.isBlank()).toList());
	}

}
