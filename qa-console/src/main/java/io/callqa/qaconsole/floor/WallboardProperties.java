package io.callqa.qaconsole.floor;

import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wallboard's settings ({@code callqa.floor.*}; the pause reasons under the same prefix belong to the actions).
 *
 * @param zone the zone "today" is cut in for the figures of the day (null: the server's zone, like the agents'
 * calls today)
 * @param statsInterval how often today's figures per queue are computed, once for every wallboard
 * @param thresholds the levels of a queue that has none of its own
 */
@ConfigurationProperties("callqa.floor")
record WallboardProperties(@Nullable ZoneId zone, @DefaultValue("15s") Duration statsInterval,
		@DefaultValue Stream stream, @DefaultValue Defaults thresholds) {

	ZoneId zoneOrDefault() {
		return (this.zone != null) ? this.zone : ZoneId.systemDefault();
	}

	/**
	 * @param maxClients wallboards connected at once; one more gets a 503
	 * @param minInterval changes are pushed at most this often (a burst of AMI events becomes one push)
	 * @param heartbeat a comment line this often keeps proxies from closing a quiet stream and finds dead clients
	 * @param maxBacklog bytes waiting for one slow client before it is dropped (its browser reconnects and gets a
	 * fresh snapshot)
	 */
	record Stream(@DefaultValue("200") int maxClients, @DefaultValue("250ms") Duration minInterval,
			@DefaultValue("15s") Duration heartbeat, @DefaultValue("8388608") int maxBacklog) {
	}

	/** {@code callqa.floor.thresholds.waiting-yellow} and so on. */
	record Defaults(@DefaultValue("3") double waitingYellow, @DefaultValue("6") double waitingRed,
			@DefaultValue("60") double longestWaitYellow, @DefaultValue("120") double longestWaitRed,
			@DefaultValue("80") double serviceLevelYellow, @DefaultValue("60") double serviceLevelRed,
			@DefaultValue("5") double abandonedYellow, @DefaultValue("10") double abandonedRed,
			@DefaultValue("1") double callbacksOverdueYellow, @DefaultValue("5") double callbacksOverdueRed) {

		QueueThresholds forQueue(@Nullable String queue) {
			return new QueueThresholds(queue, new Level(this.waitingYellow, this.waitingRed),
					new Level(this.longestWaitYellow, this.longestWaitRed),
					new Level(this.serviceLevelYellow, this.serviceLevelRed),
					new Level(this.abandonedYellow, this.abandonedRed),
					new Level(this.callbacksOverdueYellow, this.callbacksOverdueRed), null, null);
		}

	}

}
