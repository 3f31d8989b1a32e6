package io.callqa.transcription;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for something asynchronous (a worker, the indexer) to happen, failing with a description if it does not.
 */
public final class Eventually {

	private Eventually() {
	}

	public static <T> T await(String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
		long deadline = System.nanoTime() + timeout.toNanos();
		T value = probe.get();
		while (!done.test(value)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last value: " + value);
			}
			sleep();
			value = probe.get();
		}
		return value;
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
