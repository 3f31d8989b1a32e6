package io.callqa.telephony.alerts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supervisor alert settings.
 *
 * @param overdueCheckInterval how often callback requests are checked against their promised time
 */
@ConfigurationProperties("callqa.telephony.alerts")
record AlertsProperties(@DefaultValue("1m") Duration overdueCheckInterval) {
}
