package io.callqa.transcription.audio;

import java.io.IOException;

/**
 * Why a file cannot be read as audio; the message is shown to users as it is, so it says what to upload instead.
 */
public final class AudioFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	public AudioFormatException(String message) {
		super(message);
	}

}
