package io.callqa.transcription.audio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Names what a file that is not a RIFF/WAVE file is, from its first bytes, so the user learns what went wrong.
 */
final class FileSignature {

	static final String SUPPORTED = "upload WAV (PCM 16-bit, mu-law or A-law)";

	private FileSignature() {
	}

	static AudioFormatException unsupported(String what) {
		return new AudioFormatException(what + " is not supported: " + SUPPORTED);
	}

	/** The error for a file whose first {@code length} bytes (up to 12) are {@code head} and do not say RIFF. */
	static AudioFormatException notRiff(byte[] head, int length) {
		byte[] start = Arrays.copyOf(head, length);
		String name = name(start);
		return (name != null) ? unsupported(name) : new AudioFormatException("not a WAV file: " + SUPPORTED);
	}

	private static @Nullable String name(byte[] start) {
		if (startsWith(start, 0, "ID3") || isMpegFrame(start)) {
			return "MP3";
		}
		if (startsWith(start, 0, "OggS")) {
			return "Ogg";
		}
		if (startsWith(start, 0, "fLaC")) {
			return "FLAC";
		}
		return otherName(start);
	}

	private static @Nullable String otherName(byte[] start) {
		if (startsWith(start, 0, "FORM")) {
			return "AIFF";
		}
		if (startsWith(start, 4, "ftyp")) {
			return "MP4/M4A";
		}
		if (startsWith(start, 0, "RF64")) {
			return "RF64 (WAV over 4 GB)";
		}
		return startsWith(start, 0, "RIFX") ? "Big-endian WAV (RIFX)" : null;
	}

	/** An MPEG audio frame starts with 11 set sync bits; a file without an ID3 tag starts with one. */
	private static boolean isMpegFrame(byte[] start) {
		return start.length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xE0) == 0xE0;
	}

	static boolean startsWith(byte[] bytes, int offset, String ascii) {
		byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
		return bytes.length >= offset + expected.length
				&& Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
	}

}
