package io.callqa.telephony.ami;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the connector's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AmiProperties.class)
class AmiConfiguration {

}
