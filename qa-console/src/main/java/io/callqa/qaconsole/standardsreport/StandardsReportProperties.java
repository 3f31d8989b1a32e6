package io.callqa.qaconsole.standardsreport;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Standards report settings ({@code callqa.standards-report.*}).
 *
 * @param zone where a day starts and ends: the report's days, ISO weeks and the pass-mark alert's days
 * @param weeks how many ISO weeks the weekly trend shows by default
 * @param alertInterval how often the alert job runs
 * @param dayGrace how long after a day's end its pass mark is checked (calls of the day's last minutes are still
 * being transcribed and scored)
 * @param catchUp how far back the alert job looks: after a restart it raises what it missed in this time
 * @param alerts whether the alert job runs at all
 */
@ConfigurationProperties("callqa.standards-report")
record StandardsReportProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("8") int weeks,
		@DefaultValue("1m") Duration alertInterval, @DefaultValue("1h") Duration dayGrace,
		@DefaultValue("7d") Duration catchUp, @DefaultValue("true") boolean alerts) {
}
