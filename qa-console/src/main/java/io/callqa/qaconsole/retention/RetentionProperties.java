package io.callqa.qaconsole.retention;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention settings ({@code callqa.retention.*}).
 *
 * @param schedule the daily run
 * @param pageSize calls looked at (and deleted) per step: one transaction per page
 */
@ConfigurationProperties("callqa.retention")
record RetentionProperties(@DefaultValue Schedule schedule, @DefaultValue("500") int pageSize) {

	/**
	 * @param enabled whether the server runs retention daily (an admin can always start a run through the API)
	 * @param runAt the time of day the run is due, in {@code zone}; a server down then runs it when it starts
	 * @param zone the zone of {@code runAt} and of the day each run counts for
	 * @param checkEvery how often a server looks whether today's run is due
	 */
	record Schedule(@DefaultValue("true") boolean enabled, @DefaultValue("02:30") LocalTime runAt,
			@DefaultValue("UTC") ZoneId zone, @DefaultValue("1m") Duration checkEvery) {
	}

}
