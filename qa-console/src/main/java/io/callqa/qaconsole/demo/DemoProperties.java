package io.callqa.qaconsole.demo;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode settings ({@code callqa.demo.*}); the {@code demo} profile turns it on and points the connector at it.
 *
 * @param amiPort where the simulated Asterisk listens on loopback
 * @param callEvery how often a new call arrives (several may be in progress at once)
 * @param speed how much faster than real time calls play (1: real time)
 * @param monitorDir where the simulated MixMonitor writes its files (the connector collects them there)
 */
@ConfigurationProperties("callqa.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("15038") int amiPort,
		@DefaultValue("demo") String username, @DefaultValue("demo") String secret,
		@DefaultValue("15s") Duration callEvery, @DefaultValue("1.0") double speed,
		@DefaultValue("data/demo/monitor") Path monitorDir, @DefaultValue("0") long seed) {
}
