package io.callqa.telephony.floor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the live floor's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FloorProperties.class)
class FloorConfiguration {

}
