package io.callqa.qaconsole.promises;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Promise settings ({@code callqa.promises.*}).
 *
 * @param zone the time zone of a queue that has none of its own ("by tomorrow" is tomorrow there)
 * @param closing when a business day ends: a day said without a time ("by tomorrow", "on Monday") is due then
 * @param defaultDue how long a promise said without a time has
 * @param checkInterval how often open promises are checked against later calls (and broken ones alerted)
 * @param sweepInterval how often transcripts missed by the event (a crash, a worker-only process) are looked at
 * @param sweepLookback how far back the sweep looks for transcripts not yet searched for promises
 * @param followBroken how long a broken promise is still watched for its late call
 * @param callbackLead a callback request made from a promise is dialled this long before the promise is due (at
 * most half the time there is)
 */
@ConfigurationProperties("callqa.promises")
record PromiseProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("17:00") LocalTime closing,
		@DefaultValue("24h") Duration defaultDue, @DefaultValue("1m") Duration checkInterval,
		@DefaultValue("5m") Duration sweepInterval, @DefaultValue("7d") Duration sweepLookback,
		@DefaultValue("30d") Duration followBroken, @DefaultValue("1h") Duration callbackLead) {
}
