package io.callqa.telephony;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.util.Assert;

/**
 * Which metrics to compute: the time range {@code [from, to)}, the grouping, and the zone days and hours are cut in.
 */
public record MetricsQuery(Instant from, Instant to, ZoneId zone, Grouping groupBy) {

	public MetricsQuery {
		Assert.notNull(from, "'from' must not be null");
		Assert.notNull(to, "'to' must not be null");
		Assert.isTrue(!to.isBefore(from), "'to' must not be before 'from'");
		Assert.notNull(zone, "'zone' must not be null");
		Assert.notNull(groupBy, "'groupBy' must not be null");
	}

}
