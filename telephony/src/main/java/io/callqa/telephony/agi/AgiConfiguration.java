package io.callqa.telephony.agi;

import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the FastAGI server unless {@code callqa.telephony.agi.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgiProperties.class)
@ConditionalOnProperty(prefix = "callqa.telephony.agi", name = "enabled", havingValue = "true", matchIfMissing = true)
class AgiConfiguration {

	@Bean
	FastAgiServer fastAgiServer(AgiProperties properties, ListableBeanFactory beans) {
		// Looked up when the server starts, after every singleton exists, so scripts from any feature are found.
		return new FastAgiServer(properties, () -> scripts(beans));
	}

	private static Map<String, FastAgiScript> scripts(ListableBeanFactory beans) {
		return beans.getBeansOfType(FastAgiScript.class);
	}

}
