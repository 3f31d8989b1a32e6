package io.callqa.transcription.redaction;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.callqa.telephony.AudioRedaction;
import io.callqa.telephony.AudioSpan;
import io.callqa.transcription.Redaction;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.speech.Checkpoint;

/**
 * What the job worker asks before it stores anything: the words as they may be kept, and what was found in them.
 * In redact mode the recording's audio is overwritten first (through telephony's {@link AudioRedaction}, also with
 * nothing found: a new recording is held from listening until it is cleared), so a crash between the two leaves
 * overwritten audio and no words rather than the reverse.
 */
@Component
@EnableConfigurationProperties(RedactionProperties.class)
public class Redactions {

	private static final Logger log = LoggerFactory.getLogger(Redactions.class);

	private final RedactionProperties settings;

	private final RedactionDetector detector;

	private final ObjectProvider<AudioRedaction> audio;

	public Redactions(RedactionProperties settings, ObjectProvider<AudioRedaction> audio) {
		this.settings = settings;
		this.detector = new RedactionDetector(settings);
		this.audio = audio;
	}

	/** The utterances to store (in time order) and what was redacted, or in highlight mode would have been. */
	public record Result(List<Utterance> utterances, List<Redaction> redactions) {
	}

	/**
	 * @throws IOException if the recording's audio could not be overwritten: nothing may be stored then
	 */
	public Result apply(long recordingId, List<Utterance> recognised) throws IOException {
		List<Utterance> utterances = Redactor.inOrder(recognised);
		RedactionProperties.Mode mode = this.settings.mode();
		if (mode == RedactionProperties.Mode.OFF) {
			return new Result(utterances, List.of());
		}
		List<Span> spans = this.detector.find(utterances);
		if (mode == RedactionProperties.Mode.HIGHLIGHT) {
			return new Result(Redactor.replace(utterances, List.of()), spans.stream()
				.map((s) -> new Redaction(s.kind(), s.speaker(), s.start(), s.end(), false, s.heard()))
				.toList());
		}
		overwriteAudio(recordingId, spans);
		return new Result(Redactor.replace(utterances, spans), spans.stream()
			.map((s) -> new Redaction(s.kind(), s.speaker(), s.start(), s.end(), true, null))
			.toList());
	}

	private void overwriteAudio(long recordingId, List<Span> spans) throws IOException {
		AudioRedaction redaction = this.audio.getIfAvailable();
		if (redaction == null) {
			throw new IOException("The recording could not be redacted: this process has no AudioRedaction");
		}
		double pad = RedactionDetector.seconds(this.settings.audioPadding());
		List<AudioSpan> seconds = spans.stream()
			.map((s) -> new AudioSpan(Math.max(0, s.start() - pad), s.end() + pad))
			.toList();
		try {
			redaction.redact(recordingId, seconds);
		}
		catch (IOException | RuntimeException ex) {
			throw new IOException("The recording could not be redacted: " + ex.getMessage(), ex);
		}
		if (!spans.isEmpty()) {
			log.info("Recording {}: {} span(s) redacted ({})", recordingId, spans.size(),
					spans.stream().map(Span::kind).distinct().toList());
		}
	}

	/** A checkpoint as it may be stored: in redact mode without any digits that could belong to what is redacted. */
	public Checkpoint checkpoint(Checkpoint checkpoint) {
		if (this.settings.mode() != RedactionProperties.Mode.REDACT) {
			return checkpoint;
		}
		return Redactor.mask(checkpoint, this.detector, RedactionDetector.seconds(this.settings.runGap()) + 1);
	}

	public RedactionProperties.Mode mode() {
		return this.settings.mode();
	}

}
