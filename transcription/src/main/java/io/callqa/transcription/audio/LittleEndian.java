package io.callqa.transcription.audio;

/**
 * Little-endian integers in byte arrays, as RIFF stores them.
 */
final class LittleEndian {

	private LittleEndian() {
	}

	static int u16(byte[] bytes, int offset) {
		return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
	}

	static int s32(byte[] bytes, int offset) {
		return u16(bytes, offset) | u16(bytes, offset + 2) << 16;
	}

	static long u32(byte[] bytes, int offset) {
		return s32(bytes, offset) & 0xFFFFFFFFL;
	}

}
