package io.callqa.telephony.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/**
 * Tests for {@link CallingHours}.
 */
class CallingHoursTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final CallingHours day = new CallingHours(LocalTime.of(8, 0), LocalTime.of(20, 0), PARIS);

	private final CallingHours night = new CallingHours(LocalTime.of(22, 0), LocalTime.of(6, 0), PARIS);

	@Test
	void isOpenWhenInsideLocalHoursShouldBeTrue() {
		assertThat(this.day.isOpen(Instant.parse("2026-03-02T07:00:00Z"))).isTrue();
		assertThat(this.day.isOpen(Instant.parse("2026-03-02T19:00:00Z"))).isFalse();
	}

	@Test
	void isOpenWhenHoursSpanMidnightShouldCoverBothSides() {
		assertThat(this.night.isOpen(Instant.parse("2026-03-02T22:30:00Z"))).isTrue();
		assertThat(this.night.isOpen(Instant.parse("2026-03-02T04:00:00Z"))).isTrue();
		assertThat(this.night.isOpen(Instant.parse("2026-03-02T12:00:00Z"))).isFalse();
	}

	@Test
	void nextOpeningWhenAfterCloseShouldBeTomorrowsStart() {
		assertThat(this.day.nextOpening(Instant.parse("2026-03-02T19:30:00Z")))
			.isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
		assertThat(this.day.nextOpening(Instant.parse("2026-03-02T05:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
	}

	@Test
	void isOpenWhenStartEqualsEndShouldAlwaysBeOpen() {
		CallingHours always = new CallingHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, PARIS);

		assertThat(always.isOpen(Instant.parse("2026-03-02T03:00:00Z"))).isTrue();
	}

}
