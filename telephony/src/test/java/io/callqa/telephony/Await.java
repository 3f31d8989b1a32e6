package io.callqa.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something asynchronous (events crossing the connector, a call ending, a file attached) to become true.
 */
public final class Await {

	private Await() {
	}

	/** Polls {@code condition} until it holds or {@code timeout} passes, then asserts the last value seen. */
	public static void until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean met = condition.getAsBoolean();
		while (!met && System.nanoTime() < deadline) {
			Thread.sleep(20);
			met = condition.getAsBoolean();
		}
		// The value the loop saw: evaluating again could race with events still arriving.
		assertThat(met).as("condition within %s", timeout).isTrue();
	}

}
