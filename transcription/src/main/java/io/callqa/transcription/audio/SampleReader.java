package io.callqa.transcription.audio;

/**
 * Reads one stored sample as a value on the 16-bit scale (-32768..32767), keeping any finer resolution as a fraction.
 */
@FunctionalInterface
interface SampleReader {

	float read(byte[] bytes, int offset);

	static SampleReader of(Encoding encoding) {
		return switch (encoding) {
			case PCM_U8 -> (bytes, offset) -> ((bytes[offset] & 0xFF) - 128) * 256f;
			case PCM_S16LE -> (bytes, offset) -> (short) LittleEndian.u16(bytes, offset);
			case PCM_S24LE -> (bytes, offset) -> (LittleEndian.u16(bytes, offset) | bytes[offset + 2] << 16) / 256f;
			case PCM_S32LE -> (bytes, offset) -> LittleEndian.s32(bytes, offset) / 65536f;
			case FLOAT32 -> (bytes, offset) -> fromFloat(Float.intBitsToFloat(LittleEndian.s32(bytes, offset)));
			case MULAW -> (bytes, offset) -> G711.mulaw(bytes[offset]);
			case ALAW -> (bytes, offset) -> G711.alaw(bytes[offset]);
		};
	}

	/** Clamps to the 16-bit range, and NaN to silence, so one bad sample cannot poison the resampler's state. */
	private static float fromFloat(float value) {
		return Float.isNaN(value) ? 0 : Math.max(-32768f, Math.min(32767f, value * 32768f));
	}

}
