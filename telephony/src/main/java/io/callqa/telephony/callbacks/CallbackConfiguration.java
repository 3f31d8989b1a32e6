package io.callqa.telephony.callbacks;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the callback settings, the clock everything reads time from, and the engine's schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallbackProperties.class)
class CallbackConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	@ConditionalOnProperty(prefix = "callqa.telephony.callbacks", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	CallbackScheduler callbackScheduler(CallbackEngine engine, CallbackProperties properties) {
		return new CallbackScheduler(engine, properties);
	}

}
