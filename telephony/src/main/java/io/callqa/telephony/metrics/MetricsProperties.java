package io.callqa.telephony.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the manager metrics.
 *
 * @param serviceLevelThreshold an answered call waited at most this long to count as answered within the service
 * level
 * @param shortAbandonThreshold a caller who hung up after waiting less than this is a short abandon, not an abandon
 */
@ConfigurationProperties("callqa.telephony.metrics")
record MetricsProperties(@DefaultValue("20s") Duration serviceLevelThreshold,
		@DefaultValue("5s") Duration shortAbandonThreshold) {
}
