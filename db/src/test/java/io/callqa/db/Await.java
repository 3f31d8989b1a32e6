package io.callqa.db;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits for something another process does (a child JVM starting, a postmaster exiting) to become true.
 */
final class Await {

	private Await() {
	}

	static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean met = condition.getAsBoolean();
		while (!met && System.nanoTime() < deadline) {
			Thread.sleep(50);
			met = condition.getAsBoolean();
		}
		assertThat(met).as("%s within %s", what, timeout).isTrue();
	}

}
