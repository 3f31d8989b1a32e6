package io.callqa.telephony.recordings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the settings of the recording store and of Asterisk's recordings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RecordingProperties.class, AsteriskRecordingProperties.class,
		RedactionProperties.class })
class RecordingsConfiguration {

}
