package io.callqa.transcription.audio;

/**
 * The fields of a WAV {@code fmt } chunk that decide how to decode it, an extensible header's sub-format resolved to
 * its plain format tag.
 */
record FormatChunk(int tag, int channels, long sampleRate, int bits) {

	static final int MIN_RATE = 4000;

	static final int MAX_RATE = 192000;

	static final int MAX_CHANNELS = 8;

	private static final int EXTENSIBLE = 0xFFFE;

	static FormatChunk parse(byte[] body) throws AudioFormatException {
		int tag = LittleEndian.u16(body, 0);
		if (tag == EXTENSIBLE) {
			// The sub-format GUID's first two bytes are the plain format tag (1 PCM, 3 float, 6 A-law, 7 mu-law).
			tag = subFormat(body);
		}
		return new FormatChunk(tag, LittleEndian.u16(body, 2), LittleEndian.u32(body, 4), LittleEndian.u16(body, 14));
	}

	private static int subFormat(byte[] body) throws AudioFormatException {
		if (body.length < 26) {
			throw new AudioFormatException("the WAV header is damaged: its extensible format chunk is too short");
		}
		return LittleEndian.u16(body, 24);
	}

	AudioInfo info(long frames) throws AudioFormatException {
		validate();
		return new AudioInfo(encoding(), (int) this.sampleRate, this.channels, frames);
	}

	int frameBytes() throws AudioFormatException {
		validate();
		return encoding().bytesPerSample() * this.channels;
	}

	private void validate() throws AudioFormatException {
		if (this.channels == 0 || this.sampleRate == 0) {
			throw new AudioFormatException("the WAV header is damaged: it says the file has "
					+ ((this.channels == 0) ? "0 channels" : "a sample rate of 0 Hz"));
		}
		if (this.channels > MAX_CHANNELS) {
			throw FileSignature.unsupported("WAV with " + this.channels + " channels (at most " + MAX_CHANNELS + ")");
		}
		if (this.sampleRate < MIN_RATE || this.sampleRate > MAX_RATE) {
			throw FileSignature.unsupported("A sample rate of " + this.sampleRate + " Hz (" + MIN_RATE + " to "
					+ MAX_RATE + " Hz)");
		}
	}

	private Encoding encoding() throws AudioFormatException {
		return switch (this.tag) {
			case 1 -> pcm();
			case 3 -> sized(Encoding.FLOAT32, 32, "floating point");
			case 6 -> sized(Encoding.ALAW, 8, "A-law");
			case 7 -> sized(Encoding.MULAW, 8, "mu-law");
			default -> throw FileSignature.unsupported(String.format("WAV with %s audio (format tag 0x%04X)",
					tagName(this.tag), this.tag));
		};
	}

	private Encoding pcm() throws AudioFormatException {
		return switch (this.bits) {
			case 8 -> Encoding.PCM_U8;
			case 16 -> Encoding.PCM_S16LE;
			case 24 -> Encoding.PCM_S24LE;
			case 32 -> Encoding.PCM_S32LE;
			default -> throw FileSignature.unsupported("WAV with " + this.bits + "-bit PCM");
		};
	}

	private Encoding sized(Encoding encoding, int bits, String name) throws AudioFormatException {
		if (this.bits != bits) {
			throw FileSignature.unsupported("WAV with " + this.bits + "-bit " + name);
		}
		return encoding;
	}

	private static String tagName(int tag) {
		return switch (tag) {
			case 0x0002 -> "MS ADPCM";
			case 0x0011 -> "IMA ADPCM";
			case 0x0031 -> "GSM 6.10";
			case 0x0040, 0x0064 -> "G.72x ADPCM";
			case 0x0050 -> "MPEG";
			case 0x0055 -> "MP3";
			case 0x0160, 0x0161, 0x0162 -> "WMA";
			case 0xFFFE -> "extensible";
			default -> "unknown";
		};
	}

}
