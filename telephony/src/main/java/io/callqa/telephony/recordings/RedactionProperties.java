package io.callqa.telephony.recordings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What telephony reads of the redaction settings (transcription reads the rest of {@code callqa.redaction.*}).
 *
 * @param mode {@code redact} (the default): a new recording is held from listening until redaction cleared it;
 * {@code highlight} or {@code off}: it is not held
 * @param audio what overwrites a redacted span: {@code tone} (the default: a listener hears that something was taken
 * out, and a reviewer does not take it for dead air or a dropped line) or {@code silence}
 */
@ConfigurationProperties("callqa.redaction")
record RedactionProperties(@DefaultValue("redact") Mode mode, @DefaultValue("tone") WavRedactor.AudioFill audio) {

	boolean holdsNewRecordings() {
		return this.mode == Mode.REDACT;
	}

	enum Mode {

		REDACT, HIGHLIGHT, OFF

	}

}
