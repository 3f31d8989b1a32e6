package io.callqa.simulator;

/** What a simulated MixMonitor file is filled with: 16-bit PCM, 8 kHz mono, addressed in bytes from its start. */
interface RecordedAudio {

	/** The bytes from {@code offset} to {@code offset + length} of the recording, 16-bit aligned. */
	byte[] slice(long offset, int length);

}
