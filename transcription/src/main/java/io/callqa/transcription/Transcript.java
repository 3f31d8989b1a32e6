package io.callqa.transcription;

import java.util.Comparator;
import java.util.List;

/**
 * The transcript of one call: its utterances in time order, whatever the speaker, and what was redacted in them (or,
 * in highlight mode, would have been).
 */
public record Transcript(long callId, double audioSec, List<Utterance> utterances, List<Redaction> redactions) {

	public Transcript {
		utterances = utterances.stream().sorted(Comparator.comparingDouble(Utterance::start)).toList();
		redactions = (redactions != null) ? List.copyOf(redactions) : List.of();
	}

	/** A transcript in which nothing was found to redact. */
	public Transcript(long callId, double audioSec, List<Utterance> utterances) {
		this(callId, audioSec, utterances, List.of());
	}

	public String text() {
		return String.join(" ", this.utterances.stream().map(Utterance::text).filter(t -> !t.isBlank()).toList());
	}

}
