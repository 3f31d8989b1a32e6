package io.callqa.telephony.ami;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Asterisk servers to follow ({@code callqa.telephony.ami.servers[0].host=...}); none configured, no connector.
 */
@ConfigurationProperties("callqa.telephony.ami")
record AmiProperties(List<Server> servers, @DefaultValue("1000000") int eventQueueCapacity) {

	public AmiProperties {
		servers = (servers != null) ? List.copyOf(servers) : List.of();
	}

	/**
	 * One Asterisk server's manager account (manager.conf).
	 *
	 * @param name how calls from it are labelled; unique among servers
	 * @param readTimeout a socket that stays silent this long is treated as dead (pings keep a live one talking)
	 * @param pingInterval how often a Ping is sent; keep it well under {@code readTimeout}
	 * @param maxBackoff the longest wait between two attempts of a first login that keeps failing
	 */
	public record Server(@DefaultValue("asterisk") String name, @DefaultValue("127.0.0.1") String host,
			@DefaultValue("5038") int port, String username, String secret,
			@DefaultValue("30s") Duration readTimeout, @DefaultValue("10s") Duration pingInterval,
			@DefaultValue("30s") Duration maxBackoff) {
	}

}
