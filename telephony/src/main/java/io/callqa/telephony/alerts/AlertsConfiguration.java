package io.callqa.telephony.alerts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Registers the alert settings and turns on scheduling for the periodic overdue-callback check.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AlertsProperties.class)
class AlertsConfiguration {

}
