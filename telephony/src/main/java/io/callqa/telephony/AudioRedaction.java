package io.callqa.telephony;

import java.io.IOException;
import java.util.List;

/**
 * Overwrites what must not be heard again in a stored recording (a card number read aloud) and says when a
 * recording's audio may be played. Transcription calls {@link #redact} once it knows what was said, before it stores
 * the words.
 */
public interface AudioRedaction {

	/**
	 * Overwrites these seconds on every channel of the recording (one party's voice echoes into the other's), in place
	 * and atomically, and marks the recording cleared for listening. Empty spans clear it as it is. Doing it again with
	 * the same spans changes nothing.
	 * @throws IOException if the file cannot be rewritten; the recording stays held
	 */
	void redact(long recordingId, List<AudioSpan> spans) throws IOException;

	/**
	 * An admin releases a held recording by hand (its transcription failed, so redaction never ran), with the reason;
	 * the release is kept as an audit record.
	 * @return whether it was held (and is now released); false leaves it as it was
	 * @throws IllegalArgumentException if there is no such recording or the reason is blank
	 */
	boolean release(long recordingId, String releasedBy, String reason);

}
