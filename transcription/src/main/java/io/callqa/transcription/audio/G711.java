package io.callqa.transcription.audio;

import java.util.function.IntUnaryOperator;

/**
 * ITU-T G.711 mu-law and A-law expansion to 16-bit linear, as tables (the reference decoder's values).
 */
final class G711 {

	private static final short[] MULAW = table(G711::mulaw);

	private static final short[] ALAW = table(G711::alaw);

	private G711() {
	}

	static short mulaw(byte code) {
		return MULAW[code & 0xFF];
	}

	static short alaw(byte code) {
		return ALAW[code & 0xFF];
	}

	private static short[] table(IntUnaryOperator expand) {
		short[] table = new short[256];
		for (int code = 0; code < 256; code++) {
			table[code] = (short) expand.applyAsInt(code);
		}
		return table;
	}

	private static int mulaw(int code) {
		int u = ~code & 0xFF;
		int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
		return ((u & 0x80) != 0) ? 0x84 - magnitude : magnitude - 0x84;
	}

	private static int alaw(int code) {
		int a = code ^ 0x55;
		int segment = (a & 0x70) >> 4;
		int magnitude = ((a & 0x0F) << 4) + ((segment == 0) ? 8 : 0x108);
		magnitude = (segment > 1) ? magnitude << (segment - 1) : magnitude;
		return ((a & 0x80) != 0) ? magnitude : -magnitude;
	}

}
