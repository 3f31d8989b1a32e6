package io.callqa.telephony.agi;

import java.net.InetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The FastAGI server's settings.
 *
 * @param enabled whether the FastAGI server runs at all
 * @param port the TCP port Asterisk's {@code AGI(agi://host:PORT/script)} connects to
 * @param bindAddress the local address to listen on; loopback unless Asterisk runs on another host
 * @param maxCalls how many AGI calls may run at once (one thread each)
 */
@ConfigurationProperties("callqa.telephony.agi")
record AgiProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4573") int port,
		@DefaultValue("127.0.0.1") InetAddress bindAddress, @DefaultValue("500") int maxCalls) {
}
