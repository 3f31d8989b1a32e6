package io.callqa.qaconsole.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The throttle's time logic on a clock the test moves: blocks after the limit, delays that double up to the window,
 * counts forgotten after a quiet window, success resetting the account only, and a bounded memory.
 */
class LoginThrottleTests {

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(this.clock, new LoginThrottle.Limits(5, 20,
			Duration.ofMinutes(15), Duration.ofMinutes(1), 1_000));

	@Test
	void theFifthFailureBlocksTheAccountForAMinuteThenDelaysDoubleUpToTheWindow() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("alice", "10.0.0." + i);
			assertThat(this.throttle.waitBefore("alice", "10.0.0.9")).isEmpty();
		}
		this.throttle.failed("alice", "10.0.0.4");
		assertThat(this.throttle.waitBefore("Alice ", "10.0.0.9")).as("names compare as the login does")
			.hasValue(Duration.ofMinutes(1));
		this.clock.move(Duration.ofSeconds(59));
		assertThat(this.throttle.waitBefore("alice", "10.0.0.9")).hasValue(Duration.ofSeconds(1));
		this.clock.move(Duration.ofSeconds(1));
		assertThat(this.throttle.waitBefore("alice", "10.0.0.9")).isEmpty();

		Duration expected = Duration.ofMinutes(2);
		for (int i = 0; i < 6; i++) {
			this.throttle.failed("alice", "10.0.1." + i);
			Duration wait = this.throttle.waitBefore("alice", "10.0.0.9").orElseThrow();
			assertThat(wait).isEqualTo(expected);
			this.clock.move(wait);
			expected = min(expected.multipliedBy(2), Duration.ofMinutes(15));
		}
		assertThat(expected).as("capped: an attacker cannot lock a user out for longer than the window")
			.isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void countsAreForgottenAfterAQuietWindow() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("bob", "10.0.0.1");
		}
		this.clock.move(Duration.ofMinutes(15));
		this.throttle.failed("bob", "10.0.0.1");
		assertThat(this.throttle.waitBefore("bob", "10.0.0.1")).isEmpty();
	}

	@Test
	void successResetsTheAccountButNotTheAddress() {
		for (int i = 0; i < 19; i++) {
			this.throttle.failed((i % 4 == 0) ? "carol" : "user" + i, "10.0.0.7");
		}
		this.throttle.succeeded("carol");
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("carol", "10.0.0.8");
		}
		assertThat(this.throttle.waitBefore("carol", "10.0.0.8")).isEmpty();
		this.throttle.failed("dave", "10.0.0.7");
		assertThat(this.throttle.waitBefore("erin", "10.0.0.7")).as("the address' 20th failure")
			.hasValue(Duration.ofMinutes(1));
		assertThat(this.throttle.waitBefore("erin", "10.0.0.6")).isEmpty();
	}

	@Test
	void memoryIsBounded() {
		for (int i = 0; i < 5_000; i++) {
			this.throttle.failed("user-" + i, "10.1." + (i / 250) + "." + (i % 250));
		}
		assertThat(this.throttle.size()).isLessThanOrEqualTo(2 * 1_000);
		this.throttle.failed("x".repeat(100_000), "10.0.0.1");
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
